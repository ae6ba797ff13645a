// Reading a ConsultationState for the screens: which script section a step
// belongs to, the grouped progress the step list shows, and where the
// consultation resumes. Pure functions of what the core returned; the core
// alone decides what is done and what may happen next.
import type { ConsultationState, ProgressStep } from '../../../../shared/consultation'
import type { ScriptSection } from '../../../../shared/script/schema'
import type { StepItem } from './StepList'

export type Section = ScriptSection

export function sectionById(state: ConsultationState, id: string): Section | undefined {
  return state.script.content.sections.find((s) => s.id === id)
}

/** The section holding a screening or comprehension question. */
export function sectionOfQuestion(state: ConsultationState, questionId: string): Section | undefined {
  return state.script.content.sections.find((s) => (s.kind === 'screening' || s.kind === 'comprehension') && s.questions.some((q) => q.id === questionId))
}

/** The section a step concerns, if it concerns one. */
export function sectionOfStep(state: ConsultationState, step: ProgressStep): Section | undefined {
  if ('sectionId' in step) return sectionById(state, step.sectionId)
  if ('questionId' in step) return sectionOfQuestion(state, step.questionId)
  return undefined
}

/** Sections the clinician goes through, in script order (all but the patient's comprehension check). */
export function clinicianSections(state: ConsultationState): Section[] {
  const ids = new Set<string>()
  for (const s of state.progress.steps) {
    if (s.phase !== 'clinician') continue
    const sec = sectionOfStep(state, s)
    if (sec) ids.add(sec.id)
  }
  return state.script.content.sections.filter((s) => ids.has(s.id))
}

export function stepsOfSection(state: ConsultationState, sectionId: string): ProgressStep[] {
  return state.progress.steps.filter((s) => s.phase === 'clinician' && sectionOfStep(state, s)?.id === sectionId)
}

export const PATIENT_PART = 'patient-part'
export const SIGN_OFF = 'sign-off'

/** Where the clinician's screen should open: the section of the first step not done, or a phase. */
export function resumeKey(state: ConsultationState): string {
  const cur = state.progress.current
  if (!cur) return SIGN_OFF
  if (cur.phase === 'clinician') {
    if (cur.step === 'enter_patient_mode') return PATIENT_PART
    return sectionOfStep(state, cur)?.id ?? PATIENT_PART
  }
  return cur.phase === 'patient' ? PATIENT_PART : SIGN_OFF
}

/** The step list the clinician sees: one entry per section, then the patient's part and sign-off. */
export function clinicianStepItems(state: ConsultationState, titles: { patientPart: string; signOff: string }): StepItem[] {
  const current = resumeKey(state)
  const blocked = state.blocks.length > 0
  const items: StepItem[] = clinicianSections(state).map((sec) => {
    const steps = stepsOfSection(state, sec.id)
    const done = steps.length > 0 && steps.every((s) => s.done)
    return {
      key: sec.id,
      title: sec.title,
      state: done ? 'done' : sec.id === current ? 'current' : 'todo',
      reachable: true,
    }
  })
  // Handing over is the patient part's first step, so it does not gate opening it.
  const clinicianDone = state.progress.steps.filter((s) => s.phase === 'clinician' && s.step !== 'enter_patient_mode').every((s) => s.done)
  const handedOver = state.progress.steps.some((s) => s.step === 'enter_patient_mode' && s.done)
  const patientDone = state.progress.steps.filter((s) => s.phase === 'patient').every((s) => s.done)
  items.push({
    key: PATIENT_PART,
    title: titles.patientPart,
    state: blocked ? 'blocked' : patientDone && handedOver ? 'done' : current === PATIENT_PART ? 'current' : 'todo',
    reachable: !blocked && clinicianDone,
  })
  items.push({
    key: SIGN_OFF,
    title: titles.signOff,
    state: blocked ? 'blocked' : state.status === 'signed_off' ? 'done' : current === SIGN_OFF ? 'current' : 'todo',
    reachable: !blocked && clinicianDone && handedOver && patientDone,
  })
  return items
}

/** The patient's steps, in order, for "Step 3 of 9" on the patient's screen. */
export function patientSteps(state: ConsultationState): ProgressStep[] {
  return state.progress.steps.filter((s) => s.phase === 'patient')
}

export function isFinished(state: ConsultationState): boolean {
  return state.status !== 'in_progress'
}

/** Whole number of units, or one decimal when needed ("12.5"). */
export function formatUnits(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1)
}
