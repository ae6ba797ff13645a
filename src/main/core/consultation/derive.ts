// Derives where a consultation stands from its pinned script and its
// append-only events: per-section progress, screening results and blocks,
// flags, the latest plan and expectations, comprehension attempts, and the
// ordered list of steps whose first undone one is where the screen resumes.
// Pure: no database, so the same rules serve `consultation.get`, the checks
// before every step, and the consent record.
import type {
  Block,
  ComprehensionView,
  ConsultationEvent,
  ConsultationStatus,
  Expectations,
  FlagView,
  ProgressStep,
  ProgressStepKey,
  ScreeningAnswerView,
  SectionProgress,
  SignatureSummary,
  TreatmentPlan,
} from '../../../shared/consultation'
import {
  isDiscussedSection,
  needsAcknowledgment,
  type ConsultationScript,
  type ScreeningQuestion,
} from '../../../shared/script/schema'

type Ev<K extends ConsultationEvent['kind']> = Extract<ConsultationEvent, { kind: K }>

/** Events that change what the patient reviews; one after the review confirmation makes it stale. */
const CONTENT_KINDS: ReadonlySet<ConsultationEvent['kind']> = new Set([
  'screening_answered',
  'caution_decided',
  'medication_guide_offered',
  'expectations_saved',
  'treatment_plan_saved',
  'acknowledged',
  'flagged',
  'flag_answered',
])

export interface Derived {
  sections: SectionProgress[]
  screening: ScreeningAnswerView[]
  blocks: Block[]
  flags: FlagView[]
  openFlags: FlagView[]
  medicationGuide: { accepted: boolean; at: string } | null
  expectations: (Expectations & { at: string }) | null
  plan: (TreatmentPlan & { at: string }) | null
  comprehension: ComprehensionView[]
  /** The latest review confirmation, if nothing it covers changed after it. */
  review: { at: string; statement: string; eventId: number } | null
  esignature: { choice: 'agree' | 'decline'; at: string; statement: string } | null
  paper: boolean
  patientSignature: SignatureSummary | null
  witnessSignature: SignatureSummary | null
  clinicianSignature: SignatureSummary | null
  steps: ProgressStep[]
  clinicianPhaseDone: boolean
  patientPhaseDone: boolean
  readyForSignOff: boolean
  firstShownAt: string | null
  firstSectionToSignatureMs: number | null
  withdrawal: Ev<'withdrawn'> | null
  addenda: Ev<'addendum'>[]
  lastEventId: number
}

function lastOf<K extends ConsultationEvent['kind']>(events: ConsultationEvent[], kind: K, pred: (e: Ev<K>) => boolean = () => true): Ev<K> | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!
    if (e.kind === kind && pred(e as Ev<K>)) return e as Ev<K>
  }
  return null
}

function firstOf<K extends ConsultationEvent['kind']>(events: ConsultationEvent[], kind: K, pred: (e: Ev<K>) => boolean = () => true): Ev<K> | null {
  for (const e of events) if (e.kind === kind && pred(e as Ev<K>)) return e as Ev<K>
  return null
}

function ms(from: string | null, to: string | null): number | null {
  if (!from || !to) return null
  return Date.parse(to) - Date.parse(from)
}

export function screeningQuestions(script: ConsultationScript): ScreeningQuestion[] {
  return script.sections.flatMap((s) => (s.kind === 'screening' ? s.questions : []))
}

export function derive(input: {
  script: ConsultationScript
  sectionHashes: Record<string, string>
  events: ConsultationEvent[]
  signatures: SignatureSummary[]
  status: ConsultationStatus
  inPatientMode: boolean
}): Derived {
  const { script, sectionHashes, events, signatures, status } = input

  // ---- Sections ----
  const sections: SectionProgress[] = script.sections.map((s) => {
    const shown = firstOf(events, 'section_shown', (e) => e.sectionId === s.id)
    const discussed = firstOf(events, 'section_discussed', (e) => e.sectionId === s.id)
    const ack = firstOf(events, 'acknowledged', (e) => e.sectionId === s.id)
    return {
      sectionId: s.id,
      kind: s.kind,
      title: s.title,
      sectionHash: sectionHashes[s.id]!,
      firstShownAt: shown?.at ?? null,
      discussedAt: discussed?.at ?? null,
      needsAcknowledgment: needsAcknowledgment(s),
      acknowledgedAt: ack?.at ?? null,
      initials: ack?.initials ?? null,
      discussionMs: ms(shown?.at ?? null, discussed?.at ?? null),
    }
  })
  const sectionById = new Map(sections.map((s) => [s.sectionId, s]))

  // ---- Flags ----
  const flags: FlagView[] = events
    .filter((e): e is Ev<'flagged'> => e.kind === 'flagged')
    .map((f) => {
      const a = firstOf(events, 'flag_answered', (e) => e.flagEventId === f.id)
      return {
        flagEventId: f.id,
        sectionId: f.sectionId ?? '',
        question: f.question,
        at: f.at,
        answer: a ? { note: a.note, at: a.at, by: a.sessionUser } : null,
      }
    })
  const openFlags = flags.filter((f) => f.answer === null)
  const openFlagSections = new Set(openFlags.map((f) => f.sectionId))

  // ---- Screening ----
  const questions = screeningQuestions(script)
  const screening: ScreeningAnswerView[] = []
  const blocks: Block[] = []
  for (const q of questions) {
    const a = lastOf(events, 'screening_answered', (e) => e.questionId === q.id)
    if (!a) continue
    const d = a.raised === 'caution' ? lastOf(events, 'caution_decided', (e) => e.questionId === q.id && e.id > a.id) : null
    screening.push({
      questionId: q.id,
      text: q.text,
      answer: a.answer,
      details: a.details,
      at: a.at,
      raised: a.raised,
      explanation: a.explanation,
      decision: d
        ? { optionId: d.optionId, optionLabel: d.optionLabel, allowsTreatment: d.allowsTreatment, note: d.note, at: d.at, by: d.sessionUser }
        : null,
    })
    if (a.raised === 'contraindication') blocks.push({ kind: 'contraindication', questionId: q.id, explanation: a.explanation ?? '' })
    if (d && !d.allowsTreatment)
      blocks.push({ kind: 'caution_declined', questionId: q.id, explanation: `${a.explanation ?? ''} Decision: ${d.optionLabel}`.trim() })
  }
  const answeredIds = new Set(screening.map((s) => s.questionId))

  // ---- Data steps ----
  const mg = lastOf(events, 'medication_guide_offered')
  const ex = lastOf(events, 'expectations_saved')
  const pl = lastOf(events, 'treatment_plan_saved')

  // ---- Comprehension ----
  const comprehension: ComprehensionView[] = script.sections.flatMap((s) =>
    s.kind !== 'comprehension'
      ? []
      : s.questions.map((q) => {
          const attempts = events.filter((e): e is Ev<'comprehension_answered'> => e.kind === 'comprehension_answered' && e.questionId === q.id)
          const last = attempts[attempts.length - 1]
          const passed = attempts.some((a) => a.correct)
          const revisited =
            last && !last.correct ? events.some((e) => e.kind === 'section_shown' && e.sectionId === q.revisitSectionId && e.id > last.id) : true
          return {
            questionId: q.id,
            question: q.question,
            attempts: attempts.map((a) => ({
              optionId: a.optionId,
              optionText: q.options.find((o) => o.id === a.optionId)?.text ?? a.optionId,
              correct: a.correct,
              at: a.at,
            })),
            passed,
            mustRevisitSectionId: !passed && !revisited ? q.revisitSectionId : null,
          }
        }),
  )

  // ---- Review, e-signature, signatures ----
  const lastReview = lastOf(events, 'review_confirmed')
  const changedAfterReview = lastReview ? events.some((e) => e.id > lastReview.id && CONTENT_KINDS.has(e.kind)) : true
  const review = lastReview && !changedAfterReview ? { at: lastReview.at, statement: lastReview.statement, eventId: lastReview.id } : null
  const es = lastOf(events, 'esignature_choice')
  const esignature = es ? { choice: es.choice, at: es.at, statement: es.statement } : null
  const paper = esignature?.choice === 'decline'
  const sig = (role: SignatureSummary['role']) => signatures.find((s) => s.role === role) ?? null
  const patientSignature = sig('patient')
  const clinicianSignature = sig('clinician')

  // ---- Steps, in the order the flow takes them ----
  const steps: ProgressStep[] = []
  const add = (phase: ProgressStep['phase'], key: ProgressStepKey, done: boolean) => steps.push({ ...key, phase, done } as ProgressStep)
  for (const s of script.sections) {
    if (s.kind === 'screening') {
      for (const q of s.questions) {
        add('clinician', { step: 'answer_screening', questionId: q.id }, answeredIds.has(q.id))
        const v = screening.find((x) => x.questionId === q.id)
        if (v?.raised === 'caution') add('clinician', { step: 'decide_caution', questionId: q.id }, v.decision !== null)
      }
    }
    if (s.kind === 'medication_guide') add('clinician', { step: 'offer_medication_guide', sectionId: s.id }, mg !== null)
    if (s.kind === 'expectations') add('clinician', { step: 'save_expectations', sectionId: s.id }, ex !== null)
    if (s.kind === 'treatment_plan') add('clinician', { step: 'save_treatment_plan', sectionId: s.id }, pl !== null)
    if (isDiscussedSection(s)) add('clinician', { step: 'discuss_section', sectionId: s.id }, sectionById.get(s.id)!.discussedAt !== null)
  }
  const clinicianPhaseDone = steps.every((s) => s.done) && blocks.length === 0
  const everEntered = events.some((e) => e.kind === 'patient_mode_entered')
  add('clinician', { step: 'enter_patient_mode' }, everEntered)

  const ackSections = script.sections.filter(needsAcknowledgment)
  const acked = (id: string) => sectionById.get(id)!.acknowledgedAt !== null
  // A section waiting for the answer to the patient's question comes after that answer.
  for (const s of ackSections)
    if (!openFlagSections.has(s.id)) add('patient', { step: 'acknowledge_section', sectionId: s.id }, acked(s.id))
  for (const c of comprehension) add('patient', { step: 'answer_comprehension', questionId: c.questionId }, c.passed)
  add('patient', { step: 'answer_flags' }, openFlags.length === 0)
  for (const s of ackSections)
    if (openFlagSections.has(s.id)) add('patient', { step: 'acknowledge_section', sectionId: s.id }, acked(s.id))
  add('patient', { step: 'confirm_review' }, review !== null)
  add('patient', { step: 'esignature_choice' }, esignature !== null)
  if (!paper) add('patient', { step: 'patient_signature' }, patientSignature !== null)
  const patientPhaseDone = steps.every((s) => s.done) && blocks.length === 0
  add('sign_off', { step: 'exit_patient_mode' }, !input.inPatientMode || status !== 'in_progress')
  add('sign_off', { step: 'sign_off' }, status === 'signed_off')

  const firstShownAt = sections.reduce<string | null>((min, s) => (s.firstShownAt && (!min || s.firstShownAt < min) ? s.firstShownAt : min), null)
  const signedAt = patientSignature?.at ?? (paper ? (review?.at ?? null) : null)

  const withdrawal = lastOf(events, 'withdrawn')
  const addenda = events.filter((e): e is Ev<'addendum'> => e.kind === 'addendum')

  return {
    sections,
    screening,
    blocks,
    flags,
    openFlags,
    medicationGuide: mg ? { accepted: mg.accepted, at: mg.at } : null,
    expectations: ex ? { ...ex.expectations, at: ex.at } : null,
    plan: pl ? { ...pl.plan, at: pl.at } : null,
    comprehension,
    review,
    esignature,
    paper,
    patientSignature,
    witnessSignature: sig('witness'),
    clinicianSignature,
    steps,
    clinicianPhaseDone,
    patientPhaseDone,
    readyForSignOff: status === 'in_progress' && patientPhaseDone,
    firstShownAt,
    firstSectionToSignatureMs: ms(firstShownAt, signedAt),
    withdrawal,
    addenda,
    lastEventId: events.length ? events[events.length - 1]!.id : 0,
  }
}
