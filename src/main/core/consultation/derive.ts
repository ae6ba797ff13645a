// Derives where a consultation stands from its pinned script and its
// append-only events: per-section progress, screening results and blocks,
// flags, the latest plan and expectations, comprehension attempts, and the
// ordered list of steps whose first undone one is where the screen resumes.
// Pure: no database, so the same rules serve `consultation.get`, the checks
// before every step, and the consent record.
//
// It runs twice per step (the checks, then the state returned), so it reads
// the events once, sorting what it needs into lookups by section, question and
// kind, rather than scanning the whole list again for every section and
// question: the events are of a dozen shapes, and each scan read `kind` and
// `sectionId` off every one of them.
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
import { isDiscussedSection, needsAcknowledgment, screeningQuestions, type ConsultationScript } from '../../../shared/script/schema'

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

function signatureOf(signatures: SignatureSummary[], role: SignatureSummary['role']): SignatureSummary | null {
  return signatures.find((s) => s.role === role) ?? null
}

/** `key` is always a fresh literal: completing it in place keeps the key order of `{ ...key, phase, done }` without copying. */
function addStep(steps: ProgressStep[], phase: ProgressStep['phase'], key: ProgressStepKey, done: boolean): void {
  const step = key as ProgressStepKey & Pick<ProgressStep, 'phase' | 'done'>
  step.phase = phase
  step.done = done
  steps.push(step as ProgressStep)
}

/** Keeps the first value set for each key. */
function setFirst<K, V>(m: Map<K, V>, key: K, value: V): void {
  if (!m.has(key)) m.set(key, value)
}

/** The events sorted by what derive asks of them, in one pass; first/last mean in list order. */
function indexEvents(events: ConsultationEvent[]) {
  const firstShown = new Map<string | null, Ev<'section_shown'>>()
  const firstDiscussed = new Map<string | null, Ev<'section_discussed'>>()
  const firstAcknowledged = new Map<string | null, Ev<'acknowledged'>>()
  const firstFlagAnswer = new Map<number, Ev<'flag_answered'>>()
  const lastScreeningAnswer = new Map<string, Ev<'screening_answered'>>()
  const comprehensionAttempts = new Map<string, Ev<'comprehension_answered'>[]>()
  const flagged: Ev<'flagged'>[] = []
  const addenda: Ev<'addendum'>[] = []
  let medicationGuide: Ev<'medication_guide_offered'> | null = null
  let expectations: Ev<'expectations_saved'> | null = null
  let plan: Ev<'treatment_plan_saved'> | null = null
  let review: Ev<'review_confirmed'> | null = null
  let esignature: Ev<'esignature_choice'> | null = null
  let withdrawal: Ev<'withdrawn'> | null = null
  let everEntered = false
  for (const e of events) {
    switch (e.kind) {
      case 'section_shown':
        setFirst(firstShown, e.sectionId, e)
        break
      case 'section_discussed':
        setFirst(firstDiscussed, e.sectionId, e)
        break
      case 'acknowledged':
        setFirst(firstAcknowledged, e.sectionId, e)
        break
      case 'flagged':
        flagged.push(e)
        break
      case 'flag_answered':
        setFirst(firstFlagAnswer, e.flagEventId, e)
        break
      case 'screening_answered':
        lastScreeningAnswer.set(e.questionId, e)
        break
      case 'comprehension_answered': {
        const list = comprehensionAttempts.get(e.questionId)
        if (list) list.push(e)
        else comprehensionAttempts.set(e.questionId, [e])
        break
      }
      case 'medication_guide_offered':
        medicationGuide = e
        break
      case 'expectations_saved':
        expectations = e
        break
      case 'treatment_plan_saved':
        plan = e
        break
      case 'review_confirmed':
        review = e
        break
      case 'esignature_choice':
        esignature = e
        break
      case 'withdrawn':
        withdrawal = e
        break
      case 'addendum':
        addenda.push(e)
        break
      case 'patient_mode_entered':
        everEntered = true
        break
    }
  }
  return {
    firstShown,
    firstDiscussed,
    firstAcknowledged,
    firstFlagAnswer,
    lastScreeningAnswer,
    comprehensionAttempts,
    flagged,
    addenda,
    medicationGuide,
    expectations,
    plan,
    review,
    esignature,
    withdrawal,
    everEntered,
  }
}

function ms(from: string | null, to: string | null): number | null {
  if (!from || !to) return null
  return Date.parse(to) - Date.parse(from)
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
  const ix = indexEvents(events)

  // ---- Sections ----
  const sections: SectionProgress[] = script.sections.map((s) => {
    const shown = ix.firstShown.get(s.id) ?? null
    const discussed = ix.firstDiscussed.get(s.id) ?? null
    const ack = ix.firstAcknowledged.get(s.id) ?? null
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
  const flags: FlagView[] = ix.flagged.map((f) => {
    const a = ix.firstFlagAnswer.get(f.id) ?? null
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
    const a = ix.lastScreeningAnswer.get(q.id)
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
      decision: d ? { optionId: d.optionId, optionLabel: d.optionLabel, allowsTreatment: d.allowsTreatment, note: d.note, at: d.at, by: d.sessionUser } : null,
    })
    if (a.raised === 'contraindication') blocks.push({ kind: 'contraindication', questionId: q.id, explanation: a.explanation ?? '' })
    if (d && !d.allowsTreatment) blocks.push({ kind: 'caution_declined', questionId: q.id, explanation: `${a.explanation ?? ''} Decision: ${d.optionLabel}`.trim() })
  }
  const answeredIds = new Set(screening.map((s) => s.questionId))

  // ---- Data steps ----
  const mg = ix.medicationGuide
  const ex = ix.expectations
  const pl = ix.plan

  // ---- Comprehension ----
  const comprehension: ComprehensionView[] = script.sections.flatMap((s) =>
    s.kind !== 'comprehension'
      ? []
      : s.questions.map((q) => {
          const attempts = ix.comprehensionAttempts.get(q.id) ?? []
          const last = attempts[attempts.length - 1]
          const passed = attempts.some((a) => a.correct)
          const revisited = last && !last.correct ? events.some((e) => e.kind === 'section_shown' && e.sectionId === q.revisitSectionId && e.id > last.id) : true
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
  const lastReview = ix.review
  const changedAfterReview = lastReview ? events.some((e) => e.id > lastReview.id && CONTENT_KINDS.has(e.kind)) : true
  const review = lastReview && !changedAfterReview ? { at: lastReview.at, statement: lastReview.statement, eventId: lastReview.id } : null
  const es = ix.esignature
  const esignature = es ? { choice: es.choice, at: es.at, statement: es.statement } : null
  const paper = esignature?.choice === 'decline'
  const patientSignature = signatureOf(signatures, 'patient')
  const clinicianSignature = signatureOf(signatures, 'clinician')

  // ---- Steps, in the order the flow takes them ----
  const steps: ProgressStep[] = []
  for (const s of script.sections) {
    if (s.kind === 'screening') {
      for (const q of s.questions) {
        addStep(steps, 'clinician', { step: 'answer_screening', questionId: q.id }, answeredIds.has(q.id))
        const v = screening.find((x) => x.questionId === q.id)
        if (v?.raised === 'caution') addStep(steps, 'clinician', { step: 'decide_caution', questionId: q.id }, v.decision !== null)
      }
    }
    if (s.kind === 'medication_guide') addStep(steps, 'clinician', { step: 'offer_medication_guide', sectionId: s.id }, mg !== null)
    if (s.kind === 'expectations') addStep(steps, 'clinician', { step: 'save_expectations', sectionId: s.id }, ex !== null)
    if (s.kind === 'treatment_plan') addStep(steps, 'clinician', { step: 'save_treatment_plan', sectionId: s.id }, pl !== null)
    if (isDiscussedSection(s)) addStep(steps, 'clinician', { step: 'discuss_section', sectionId: s.id }, sectionById.get(s.id)!.discussedAt !== null)
  }
  const clinicianPhaseDone = steps.every((s) => s.done) && blocks.length === 0
  const everEntered = ix.everEntered
  addStep(steps, 'clinician', { step: 'enter_patient_mode' }, everEntered)

  const ackSections = script.sections.filter(needsAcknowledgment)
  // A section waiting for the answer to the patient's question comes after that answer.
  for (const s of ackSections)
    if (!openFlagSections.has(s.id)) addStep(steps, 'patient', { step: 'acknowledge_section', sectionId: s.id }, sectionById.get(s.id)!.acknowledgedAt !== null)
  for (const c of comprehension) addStep(steps, 'patient', { step: 'answer_comprehension', questionId: c.questionId }, c.passed)
  addStep(steps, 'patient', { step: 'answer_flags' }, openFlags.length === 0)
  for (const s of ackSections)
    if (openFlagSections.has(s.id)) addStep(steps, 'patient', { step: 'acknowledge_section', sectionId: s.id }, sectionById.get(s.id)!.acknowledgedAt !== null)
  addStep(steps, 'patient', { step: 'confirm_review' }, review !== null)
  addStep(steps, 'patient', { step: 'esignature_choice' }, esignature !== null)
  if (!paper) addStep(steps, 'patient', { step: 'patient_signature' }, patientSignature !== null)
  const patientPhaseDone = steps.every((s) => s.done) && blocks.length === 0
  addStep(steps, 'sign_off', { step: 'exit_patient_mode' }, !input.inPatientMode || status !== 'in_progress')
  addStep(steps, 'sign_off', { step: 'sign_off' }, status === 'signed_off')

  const firstShownAt = sections.reduce<string | null>((min, s) => (s.firstShownAt && (!min || s.firstShownAt < min) ? s.firstShownAt : min), null)
  const signedAt = patientSignature?.at ?? (paper ? (review?.at ?? null) : null)

  const withdrawal = ix.withdrawal
  const addenda = ix.addenda

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
    witnessSignature: signatureOf(signatures, 'witness'),
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
