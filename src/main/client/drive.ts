// The one "step until" loop: takes a consultation forward the way the screens
// do, one call at a time, each the step the core's own `progress.current` says
// comes next. The demo, the seed generator, the benchmarks, the crash test and
// the consultation test fixtures all drive consultations with it; what differs
// between them is only their choices (how the patient answers, who signs, when
// to stop). A step is decided from the state alone, so a consultation resumed
// from the database (another process, a restart) carries on where it stands.
import type { CallInput } from '../../shared/contract'
import type { ConsultationState, ProgressStep } from '../../shared/consultation'
import { screeningQuestions, type ScreeningQuestion } from '../../shared/script/schema'
import type { Client } from './client'
import { demoSignatureStrokes, initialsOf, strokesToPngDataUrl } from './signature-drawing'

export interface ScreeningChoice {
  answer: 'yes' | 'no'
  details?: string
}

export interface CautionChoice {
  optionId: string
  note?: string
}

type Plan = Omit<CallInput<'consultation.saveTreatmentPlan'>, 'consultationId'>
type Expectations = Omit<CallInput<'consultation.saveExpectations'>, 'consultationId'>

/** What the people in the room choose at each step; every one has a default. */
export interface DriveChoices {
  /** Screening answers by question id, or a function of the question (undefined: the default), default: the answer that triggers no rule. */
  screening?: Record<string, ScreeningChoice> | ((q: ScreeningQuestion) => ScreeningChoice | undefined)
  /** Caution decisions by question id (an option id or a choice), default: the first option that allows treatment. */
  caution?: Record<string, string | CautionChoice>
  /** `stop`: stepUntil stops at a caution with no decision in `caution` (default `allow`: the first option allowing treatment). */
  undecidedCaution?: 'allow' | 'stop'
  /** The medication guide is accepted (default true). */
  medicationGuideAccepted?: boolean
  /** The expectations form, field by field (default: softer frown lines, the script's first area). */
  expectations?: Partial<Expectations>
  /** The treatment plan (default: the script's first product, 20 units over the five glabellar sites). */
  plan?: Plan
  /** What the patient types as initials (default: the first letter of each name). */
  initials?: string
  /** Discussing a section always shows it (again, if a step of it showed it already), in the same step (default false: shown once, first). */
  showAgainBeforeDiscussing?: boolean
  /** Acknowledging a section always shows it (again) first, in the same step, as the patient's screen does (default false: shown once, first). */
  showAgainBeforeAcknowledging?: boolean
  /** The name the patient types when signing (default: given and family name). */
  typedName?: string
  /** A witness also signs, after the patient. */
  witness?: { name: string }
  /** The patient declines to sign on screen: the paper route. */
  paper?: boolean
  /** The patient flags this question on the first section to acknowledge; the clinician answers it at once. */
  question?: string
  /** How the clinician answers the patient's open questions; without it (and without `question`) an open question stops the driver. */
  flagAnswer?: string
  /** The first comprehension question is first answered wrongly (the section is shown again, then the right answer given). */
  wrongFirstAnswer?: boolean
  /** The clinician's password: to take the screen back from the patient and to sign off. */
  clinicianPassword?: string
}

export interface StepUntilOptions extends DriveChoices {
  /**
   * Where to stop: a step name (`acknowledge_section`), a step and its target
   * (`acknowledge_section:allergic-reactions`, as `stepLabel` spells it) or a
   * test of the state. Without it, the driver runs to the end (sign-off).
   */
  until?: string | ((state: ConsultationState) => boolean)
  /** Stop once the state has a block (a contraindication, a declined caution) after a step (default true). */
  stopOnBlock?: boolean
}

/** The next step's name and its target (`discuss_section:allergic-reactions`), `none` when finished. */
export function stepLabel(s: ConsultationState): string {
  const c = s.progress.current
  if (!c) return 'none'
  return 'sectionId' in c ? `${c.step}:${c.sectionId}` : 'questionId' in c ? `${c.step}:${c.questionId}` : c.step
}

export const DEFAULT_GOALS = 'Softer frown lines between the eyebrows, while still looking like myself.'
export const DEFAULT_FLAG_ANSWER = 'Answered in the room; the patient is satisfied with the answer.'
export const DEFAULT_CAUTION_NOTE = 'Discussed with the patient.'

const comprehensionQuestions = (s: ConsultationState) => s.script.content.sections.flatMap((x) => (x.kind === 'comprehension' ? x.questions : []))
const patientName = (s: ConsultationState) => `${s.patient.givenName} ${s.patient.familyName}`
const shown = (s: ConsultationState, sectionId: string) => !!s.sections.find((x) => x.sectionId === sectionId)?.firstShownAt

function screeningChoice(q: ScreeningQuestion, o: DriveChoices): ScreeningChoice {
  const given = typeof o.screening === 'function' ? o.screening(q) : o.screening?.[q.id]
  return given ?? { answer: q.rules.some((r) => r.when === 'no') ? 'yes' : 'no' }
}

/** The caution decision the choices give for this question; null when the caller wants to stop there. */
export function cautionChoice(q: ScreeningQuestion, o: DriveChoices): CautionChoice | null {
  const given = o.caution?.[q.id]
  if (given) return typeof given === 'string' ? { optionId: given } : given
  if (o.undecidedCaution === 'stop') return null
  const option = q.rules.flatMap((r) => r.decisionOptions ?? []).find((d) => d.allowsTreatment)
  if (!option) throw new Error(`The caution on "${q.id}" has no option that allows treatment.`)
  return { optionId: option.id }
}

function defaultPlan(state: ConsultationState): Plan {
  const sec = state.script.content.sections.find((s) => s.kind === 'treatment_plan')
  return {
    productId: sec?.kind === 'treatment_plan' ? sec.products[0]!.id : 'onabotulinumtoxina',
    lotNumber: 'C4417A2',
    expiryDate: new Date(Date.parse(state.startedAt) + 365 * 86_400_000).toISOString().slice(0, 10),
    dilution: { vialUnits: 100, diluentMl: 2.5 },
    sites: [
      { site: 'Procerus', units: 4 },
      { site: 'Left corrugator, medial', units: 4 },
      { site: 'Left corrugator, lateral', units: 4 },
      { site: 'Right corrugator, medial', units: 4 },
      { site: 'Right corrugator, lateral', units: 4 },
    ],
  }
}

function password(o: DriveChoices, step: string): string {
  if (o.clinicianPassword === undefined) throw new Error(`The step ${step} needs the clinician's password (clinicianPassword).`)
  return o.clinicianPassword
}

/** The section the step is recorded against, which is shown before anything is recorded. */
function sectionOf(state: ConsultationState, step: ProgressStep): string | undefined {
  if ('sectionId' in step) return step.sectionId
  if (step.step === 'answer_screening' || step.step === 'decide_caution')
    return state.script.content.sections.find((s) => s.kind === 'screening' && s.questions.some((q) => q.id === step.questionId))?.id
  return undefined
}

/**
 * Takes the one next step: the call the core's `progress.current` asks for
 * (showing its section first when it has not been shown; handing the screen to
 * the patient again after a restart; the witness, the question and the wrong
 * answer the choices ask for). Returns the call made and the state after it.
 */
export async function takeNextStep(client: Client, state: ConsultationState, o: DriveChoices = {}): Promise<{ call: string; state: ConsultationState }> {
  const step = state.progress.current
  if (!step) throw new Error(`Consultation ${state.id} has no next step (status ${state.status}).`)
  const consultationId = state.id
  const id = { consultationId }
  const run = async <N extends Parameters<Client['call']>[0]>(name: N, input: CallInput<N>) => ({
    call: name as string,
    state: (await client.call(name, input)) as ConsultationState,
  })

  // The patient's open question, answered by the clinician at once (taking the screen back for it).
  const openFlag = state.flags.find((f) => !f.answer)
  const flagAnswer = o.flagAnswer ?? (o.question !== undefined ? DEFAULT_FLAG_ANSWER : undefined)
  if (openFlag && flagAnswer !== undefined) {
    if (state.inPatientMode) return run('consultation.exitPatientMode', { ...id, password: password(o, 'exit_patient_mode') })
    return run('consultation.answerFlag', { ...id, flagEventId: openFlag.flagEventId, note: flagAnswer })
  }
  // After a restart (or an answered question) the screen is no longer with the patient: hand it over again.
  if (step.phase === 'patient' && !state.inPatientMode && step.step !== 'enter_patient_mode') return run('consultation.enterPatientMode', id)
  // A section is shown before anything is recorded against it, as the screens do.
  const sectionId = sectionOf(state, step)
  const showsItself = (step.step === 'discuss_section' && o.showAgainBeforeDiscussing) || (step.step === 'acknowledge_section' && o.showAgainBeforeAcknowledging)
  if (sectionId && !shown(state, sectionId) && !showsItself) return run('consultation.markSectionShown', { ...id, sectionId })
  // A wrong answer sends the patient back to its section.
  const revisit = state.comprehension.find((c) => c.mustRevisitSectionId)?.mustRevisitSectionId
  if (revisit && step.step === 'answer_comprehension') return run('consultation.markSectionShown', { ...id, sectionId: revisit })

  switch (step.step) {
    case 'discuss_section':
      if (o.showAgainBeforeDiscussing) await client.call('consultation.markSectionShown', { ...id, sectionId: step.sectionId })
      return run('consultation.markSectionDiscussed', { ...id, sectionId: step.sectionId })
    case 'answer_screening': {
      const q = screeningQuestions(state.script.content).find((x) => x.id === step.questionId)!
      const a = screeningChoice(q, o)
      return run('consultation.recordScreeningAnswer', { ...id, questionId: q.id, answer: a.answer, details: a.details ?? '' })
    }
    case 'decide_caution': {
      const q = screeningQuestions(state.script.content).find((x) => x.id === step.questionId)!
      const c = cautionChoice(q, o)
      if (!c) throw new Error(`The caution on "${q.id}" waits for a decision the choices do not give.`)
      return run('consultation.recordCautionDecision', { ...id, questionId: q.id, optionId: c.optionId, note: c.note ?? DEFAULT_CAUTION_NOTE })
    }
    case 'offer_medication_guide':
      return run('consultation.recordMedicationGuideOffer', { ...id, accepted: o.medicationGuideAccepted ?? true })
    case 'save_expectations': {
      const sec = state.script.content.sections.find((s) => s.kind === 'expectations')
      return run('consultation.saveExpectations', {
        ...id,
        goals: DEFAULT_GOALS,
        areaIds: sec?.kind === 'expectations' ? sec.areas.slice(0, 1).map((a) => a.id) : [],
        otherAreas: '',
        timelineAcknowledged: true,
        ...o.expectations,
      })
    }
    case 'save_treatment_plan':
      return run('consultation.saveTreatmentPlan', { ...id, ...(o.plan ?? defaultPlan(state)) })
    case 'enter_patient_mode':
      return run('consultation.enterPatientMode', id)
    case 'acknowledge_section': {
      if (o.question !== undefined && state.flags.length === 0) return run('consultation.flagQuestion', { ...id, sectionId: step.sectionId, question: o.question })
      if (o.showAgainBeforeAcknowledging) await client.call('consultation.markSectionShown', { ...id, sectionId: step.sectionId })
      return run('consultation.acknowledgeSection', { ...id, sectionId: step.sectionId, initials: o.initials ?? initialsOf(patientName(state)) })
    }
    case 'answer_comprehension': {
      const q = comprehensionQuestions(state).find((x) => x.id === step.questionId)!
      const anyWrong = state.comprehension.some((c) => c.attempts.some((a) => !a.correct))
      const optionId = o.wrongFirstAnswer && !anyWrong ? q.options.find((x) => x.id !== q.correctOptionId)!.id : q.correctOptionId
      const r = await client.call('consultation.answerComprehension', { ...id, questionId: q.id, optionId })
      return { call: 'consultation.answerComprehension', state: r.state }
    }
    case 'answer_flags':
      throw new Error('A flagged question is waiting for the clinician’s answer (flagAnswer).')
    case 'confirm_review':
      return run('consultation.confirmReview', { ...id, confirmed: true })
    case 'esignature_choice':
      return run('consultation.recordElectronicSignatureChoice', { ...id, choice: o.paper ? 'decline' : 'agree' })
    case 'patient_signature': {
      const strokes = demoSignatureStrokes(0)
      return run('consultation.signAsPatient', { ...id, typedName: o.typedName ?? patientName(state), strokes, imagePng: strokesToPngDataUrl(strokes) })
    }
    case 'exit_patient_mode': {
      if (o.witness && !state.paper && !state.signatures.some((x) => x.role === 'witness')) {
        const w = demoSignatureStrokes(1.7)
        return run('consultation.signAsWitness', { ...id, witnessName: o.witness.name, strokes: w, imagePng: strokesToPngDataUrl(w) })
      }
      return run('consultation.exitPatientMode', { ...id, password: password(o, 'exit_patient_mode') })
    }
    case 'sign_off': {
      const strokes = demoSignatureStrokes(3.1)
      return run('consultation.signOff', { ...id, password: password(o, 'sign_off'), strokes, imagePng: strokesToPngDataUrl(strokes), statementConfirmed: true })
    }
  }
}

function reached(state: ConsultationState, until: StepUntilOptions['until']): boolean {
  if (until === undefined) return false
  if (typeof until === 'function') return until(state)
  return state.progress.current?.step === until || stepLabel(state) === until
}

/**
 * Takes steps until `until` holds, the consultation is finished, a step
 * leaves a block, or (with `undecidedCaution: 'stop'`) a caution waits for a
 * decision the choices do not give. Returns the state it stopped at.
 */
export async function stepUntil(client: Client, state: ConsultationState, o: StepUntilOptions = {}): Promise<ConsultationState> {
  let s = state
  for (let guard = 0; guard < 1000; guard++) {
    const step = s.progress.current
    if (!step || reached(s, o.until)) return s
    if (
      step.step === 'decide_caution' &&
      !cautionChoice(
        screeningQuestions(s.script.content).find((q) => q.id === step.questionId)!,
        o,
      )
    )
      return s
    s = (await takeNextStep(client, s, o)).state
    if ((o.stopOnBlock ?? true) && s.blocks.length > 0) return s
  }
  throw new Error(`Consultation ${s.id} did not get to where the driver was asked to stop (${stepLabel(s)}).`)
}
