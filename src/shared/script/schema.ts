// The consultation script as data: what a clinic's consultation shows, asks and
// records, section by section. Files in resources/scripts/ and every imported
// script are validated with `consultationScriptSchema` before anything is
// stored; a consultation pins the exact version it was run with.
//
// Messages are stable codes (like the contract's field helpers) so that an
// import error can name the place (the JSON path) and the problem.
import { z } from 'zod'

/** A short single line of script text (titles, options, labels). */
const label = (max = 200) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .max(max, 'too_long')
    .refine((s) => !/[\n\r]/.test(s), 'must_be_one_line')

/** One paragraph of running text. */
const prose = (max = 2000) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'too_long')

/** Paragraphs shown one after another. */
const paragraphs = (maxItems = 40) => z.array(prose(), { error: 'required' }).min(1, 'required').max(maxItems, 'too_many')

/** Identifiers used in records: lower case, digits and dashes, stable across versions. */
export const scriptItemId = z.string({ error: 'required' }).regex(/^[a-z][a-z0-9-]{0,59}$/, 'invalid_id')

export const SECTION_KINDS = [
  'information', // plain explanation (introduction, preventing mistakes, long-term risks...)
  'risk', // risks with their frequency; the patient acknowledges with initials
  'screening', // allergy and medical-history questions that may raise a contraindication or a caution
  'medication_guide', // the product's Medication Guide is offered; the offer and the answer are recorded
  'expectations', // the patient's goals, areas of concern and the realistic timeline
  'treatment_plan', // product, lot, expiry, dilution, sites and units
  'comprehension', // questions the patient answers to show understanding
  'alternatives', // other choices, including no treatment
  'aftercare', // what the patient does and watches for after treatment
] as const
export type SectionKind = (typeof SECTION_KINDS)[number]

export const FREQUENCY_BANDS = ['common', 'uncommon', 'rare', 'very_rare'] as const
export type FrequencyBand = (typeof FREQUENCY_BANDS)[number]

export const riskLineSchema = z
  .object({
    id: scriptItemId,
    /** The risk in plain words. */
    text: prose(600),
    band: z.enum(FREQUENCY_BANDS, { error: 'invalid_band' }),
    /** How often, in plain words: "up to 1 in 10 people". */
    frequency: label(120),
    /** Where the figure comes from (label section, study, clinic audit). */
    source: label(300),
  })
  .strict()

export const decisionOptionSchema = z
  .object({
    id: scriptItemId,
    label: label(200),
    /** False when choosing this option means the patient is not treated today. */
    allowsTreatment: z.boolean({ error: 'required' }),
  })
  .strict()

export const screeningRuleSchema = z
  .object({
    /** The answer that raises this rule. */
    when: z.enum(['yes', 'no'], { error: 'invalid_answer' }),
    raises: z.enum(['contraindication', 'caution'], { error: 'invalid_rule' }),
    /** What was raised, in plain words, shown to clinician and patient and printed on the record. */
    explanation: prose(600),
    /** For a caution: what the clinician may decide. Required (2+) for cautions, absent for contraindications. */
    decisionOptions: z.array(decisionOptionSchema).max(6, 'too_many').optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.raises === 'caution' && (!r.decisionOptions || r.decisionOptions.length < 2))
      ctx.addIssue({ code: 'custom', path: ['decisionOptions'], message: 'caution_needs_two_decision_options' })
    if (r.raises === 'caution' && r.decisionOptions && !r.decisionOptions.some((o) => o.allowsTreatment))
      ctx.addIssue({ code: 'custom', path: ['decisionOptions'], message: 'caution_needs_an_option_that_allows_treatment' })
    if (r.raises === 'contraindication' && r.decisionOptions) ctx.addIssue({ code: 'custom', path: ['decisionOptions'], message: 'contraindication_has_no_decision' })
    if (r.decisionOptions && new Set(r.decisionOptions.map((o) => o.id)).size !== r.decisionOptions.length)
      ctx.addIssue({ code: 'custom', path: ['decisionOptions'], message: 'duplicate_id' })
  })

export const screeningQuestionSchema = z
  .object({
    id: scriptItemId,
    text: prose(600),
    /** Optional plain-words help (what a term means, examples). */
    help: prose(800).optional(),
    answerType: z.enum(['yes_no', 'yes_no_details'], { error: 'invalid_answer_type' }),
    /** The answers that raise a contraindication or a caution; at most one rule per answer. */
    rules: z.array(screeningRuleSchema).max(2, 'too_many').default([]),
  })
  .strict()
  .superRefine((q, ctx) => {
    const whens = q.rules.map((r) => r.when)
    if (new Set(whens).size !== whens.length) ctx.addIssue({ code: 'custom', path: ['rules'], message: 'one_rule_per_answer' })
  })

export const comprehensionOptionSchema = z.object({ id: scriptItemId, text: label(300) }).strict()

export const comprehensionQuestionSchema = z
  .object({
    id: scriptItemId,
    question: prose(400),
    options: z.array(comprehensionOptionSchema).min(2, 'too_few').max(6, 'too_many'),
    correctOptionId: scriptItemId,
    /** The section shown again after a wrong answer. */
    revisitSectionId: scriptItemId,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.options.some((o) => o.id === q.correctOptionId)) ctx.addIssue({ code: 'custom', path: ['correctOptionId'], message: 'not_one_of_the_options' })
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'duplicate_id' })
  })

export const timelineSchema = z
  .object({
    onset: prose(300),
    peak: prose(300),
    duration: prose(300),
    variability: prose(400),
  })
  .strict()

export const areaOptionSchema = z.object({ id: scriptItemId, label: label(120) }).strict()

export const productSchema = z
  .object({
    id: scriptItemId,
    /** The generic (nonproprietary) name, e.g. onabotulinumtoxinA. */
    name: label(120),
    /** Brand names for orientation, e.g. "Botox Cosmetic". */
    brandNames: z.array(label(80)).max(6, 'too_many').default([]),
  })
  .strict()

export const typicalDoseSchema = z
  .object({
    area: label(120),
    /** For orientation only, in units of the product named in `note`. */
    units: z.number({ error: 'required' }).positive('invalid').max(1000, 'too_large'),
    injectionPoints: z.number().int('invalid').positive('invalid').max(50, 'too_large').optional(),
    note: label(300),
  })
  .strict()

export const alternativeSchema = z.object({ title: label(120), text: prose(800) }).strict()

/** Fields every section has. */
const sectionBase = {
  id: scriptItemId,
  title: label(120),
  /** Text shown to the patient, paragraph by paragraph. Counted in the readability check. */
  body: paragraphs(),
  /** Prompts for the clinician only; never shown in patient mode and not part of the readability check. */
  talkingPoints: z.array(prose(600)).max(20, 'too_many').optional(),
  /** What the patient confirms with their initials, in the first person. Required for risk sections. */
  acknowledgment: prose(400).optional(),
}

export const informationSectionSchema = z.object({ ...sectionBase, kind: z.literal('information') }).strict()

export const riskSectionSchema = z
  .object({
    ...sectionBase,
    kind: z.literal('risk'),
    acknowledgment: prose(400),
    risks: z.array(riskLineSchema).min(1, 'required').max(30, 'too_many'),
    /** A boxed warning shown above the risks (e.g. distant spread of toxin effect). */
    boxedWarning: z
      .object({ title: label(160), body: paragraphs(10) })
      .strict()
      .optional(),
  })
  .strict()

export const screeningSectionSchema = z
  .object({
    ...sectionBase,
    kind: z.literal('screening'),
    questions: z.array(screeningQuestionSchema).min(1, 'required').max(60, 'too_many'),
  })
  .strict()

export const medicationGuideSectionSchema = z.object({ ...sectionBase, kind: z.literal('medication_guide') }).strict()

export const expectationsSectionSchema = z
  .object({
    ...sectionBase,
    kind: z.literal('expectations'),
    timeline: timelineSchema,
    /** Areas the patient may name as their concern. */
    areas: z.array(areaOptionSchema).min(1, 'required').max(30, 'too_many'),
  })
  .strict()

export const treatmentPlanSectionSchema = z
  .object({
    ...sectionBase,
    kind: z.literal('treatment_plan'),
    products: z.array(productSchema).min(1, 'required').max(20, 'too_many'),
    typicalDoses: z.array(typicalDoseSchema).max(30, 'too_many').default([]),
  })
  .strict()

export const comprehensionSectionSchema = z
  .object({
    ...sectionBase,
    kind: z.literal('comprehension'),
    questions: z.array(comprehensionQuestionSchema).min(1, 'required').max(20, 'too_many'),
  })
  .strict()

export const alternativesSectionSchema = z
  .object({
    ...sectionBase,
    kind: z.literal('alternatives'),
    alternatives: z.array(alternativeSchema).min(1, 'required').max(20, 'too_many'),
  })
  .strict()

export const aftercareSectionSchema = z.object({ ...sectionBase, kind: z.literal('aftercare') }).strict()

export const sectionSchema = z.discriminatedUnion(
  'kind',
  [
    informationSectionSchema,
    riskSectionSchema,
    screeningSectionSchema,
    medicationGuideSectionSchema,
    expectationsSectionSchema,
    treatmentPlanSectionSchema,
    comprehensionSectionSchema,
    alternativesSectionSchema,
    aftercareSectionSchema,
  ],
  { error: 'invalid_section_kind' },
)

/** Kinds that may appear at most once in a script (the core keys its records on them). */
const SINGLE_KINDS: readonly SectionKind[] = ['screening', 'medication_guide', 'expectations', 'treatment_plan', 'comprehension']
/** Kinds every script must have, or no consultation can reach signing. */
const REQUIRED_KINDS: readonly SectionKind[] = ['risk', 'screening', 'treatment_plan', 'comprehension', 'alternatives', 'aftercare']

export const consultationScriptSchema = z
  .object({
    /** Stable across versions, e.g. "botox-cosmetic". */
    id: scriptItemId,
    version: z.number({ error: 'required' }).int('invalid').positive('invalid').max(1_000_000, 'too_large'),
    /** BCP 47 language tag, e.g. "en" or "en-GB". */
    language: z.string({ error: 'required' }).regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'invalid_language'),
    title: label(160),
    /** Who wrote it and that the clinic reviews and adapts it; shown where the script is chosen. */
    notice: prose(800),
    sections: z.array(sectionSchema).min(1, 'required').max(60, 'too_many'),
  })
  .strict()
  .superRefine((s, ctx) => {
    const sectionIds = new Map<string, number>()
    s.sections.forEach((sec, i) => {
      if (sectionIds.has(sec.id)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: 'duplicate_id' })
      sectionIds.set(sec.id, i)
    })
    for (const kind of SINGLE_KINDS) {
      const idx = s.sections.flatMap((sec, i) => (sec.kind === kind ? [i] : []))
      if (idx.length > 1) ctx.addIssue({ code: 'custom', path: ['sections', idx[1]!, 'kind'], message: `only_one_${kind}_section` })
    }
    for (const kind of REQUIRED_KINDS) if (!s.sections.some((sec) => sec.kind === kind)) ctx.addIssue({ code: 'custom', path: ['sections'], message: `missing_${kind}_section` })
    // Item ids must be unique across the script: records refer to them alone.
    const itemIds = new Set<string>()
    s.sections.forEach((sec, i) => {
      const items: { id: string; path: (string | number)[] }[] = []
      if (sec.kind === 'risk') sec.risks.forEach((r, j) => items.push({ id: r.id, path: ['sections', i, 'risks', j, 'id'] }))
      if (sec.kind === 'screening') sec.questions.forEach((q, j) => items.push({ id: q.id, path: ['sections', i, 'questions', j, 'id'] }))
      if (sec.kind === 'comprehension') {
        sec.questions.forEach((q, j) => {
          items.push({ id: q.id, path: ['sections', i, 'questions', j, 'id'] })
          const target = sectionIds.get(q.revisitSectionId)
          if (target === undefined) ctx.addIssue({ code: 'custom', path: ['sections', i, 'questions', j, 'revisitSectionId'], message: 'no_such_section' })
          else if (s.sections[target]!.kind === 'comprehension')
            ctx.addIssue({ code: 'custom', path: ['sections', i, 'questions', j, 'revisitSectionId'], message: 'cannot_revisit_the_questions' })
        })
      }
      for (const it of items) {
        if (itemIds.has(it.id)) ctx.addIssue({ code: 'custom', path: it.path, message: 'duplicate_id' })
        itemIds.add(it.id)
      }
    })
  })

export type ConsultationScript = z.output<typeof consultationScriptSchema>
export type ScriptSection = ConsultationScript['sections'][number]
export type RiskLine = z.output<typeof riskLineSchema>
export type ScreeningQuestion = z.output<typeof screeningQuestionSchema>
export type ScreeningRule = z.output<typeof screeningRuleSchema>
export type DecisionOption = z.output<typeof decisionOptionSchema>
export type ComprehensionQuestion = z.output<typeof comprehensionQuestionSchema>
export type Timeline = z.output<typeof timelineSchema>
export type Product = z.output<typeof productSchema>
export type TypicalDose = z.output<typeof typicalDoseSchema>
export type SectionOfKind<K extends SectionKind> = Extract<ScriptSection, { kind: K }>

/** Sections the clinician shows and marks as discussed (every kind except the patient's comprehension check). */
export function isDiscussedSection(s: ScriptSection): boolean {
  return s.kind !== 'comprehension'
}

/** Every screening question of the script, in the order asked. */
export function screeningQuestions(script: ConsultationScript): ScreeningQuestion[] {
  return script.sections.flatMap((s) => (s.kind === 'screening' ? s.questions : []))
}

/** Sections the patient acknowledges with initials (every risk section, and any other that asks for it). */
export function needsAcknowledgment(s: ScriptSection): boolean {
  return s.acknowledgment !== undefined
}

/** The patient-facing text of a section, for readability checks and the read-only review (not talking points). */
export function patientFacingText(s: ScriptSection): string[] {
  const out = [s.title, ...s.body]
  if (s.acknowledgment) out.push(s.acknowledgment)
  switch (s.kind) {
    case 'risk':
      if (s.boxedWarning) out.push(s.boxedWarning.title, ...s.boxedWarning.body)
      for (const r of s.risks) out.push(r.text, r.frequency)
      break
    case 'screening':
      for (const q of s.questions) {
        out.push(q.text)
        if (q.help) out.push(q.help)
        for (const r of q.rules) out.push(r.explanation)
      }
      break
    case 'expectations':
      out.push(s.timeline.onset, s.timeline.peak, s.timeline.duration, s.timeline.variability)
      break
    case 'comprehension':
      for (const q of s.questions) out.push(q.question, ...q.options.map((o) => o.text))
      break
    case 'alternatives':
      for (const a of s.alternatives) out.push(a.title, a.text)
      break
    default:
      break
  }
  return out
}
