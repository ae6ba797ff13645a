// One step of a consultation, the one the core says comes next
// (`progress.current`), taken through the dispatcher as the screens would
// take it. The crash worker calls this in a loop, so a consultation moves
// forward one committed call at a time and can be resumed by a new process
// from whatever the database holds.
import type { ConsultationState } from '../../src/shared/consultation'
import { demoSignatureStrokes, strokesToPngDataUrl } from '../../src/main/client/complete-consultation'

export type Call = (name: string, input: unknown) => Promise<unknown>

/** Takes the next step; returns the call made and the state after it. */
export interface StepOptions {
  /** What the patient types as initials (default: the first letter of each name). */
  initials?: string
  /** The patient's goals, as typed on the expectations step. */
  goals?: string
  /** The name the patient types when signing (default: given and family name). */
  typedName?: string
}

export async function takeNextStep(call: Call, state: ConsultationState, clinicianPassword: string, o: StepOptions = {}): Promise<{ call: string; state: ConsultationState }> {
  const step = state.progress.current
  if (!step) throw new Error(`consultation ${state.id} has no next step (status ${state.status})`)
  const id = { consultationId: state.id }
  const script = state.script.content
  const run = async (name: string, input: unknown) => ({ call: name, state: (await call(name, input)) as ConsultationState })
  // After a restart the screen is no longer with the patient: hand it over again, as the clinician would.
  if (step.phase === 'patient' && !state.inPatientMode && step.step !== 'enter_patient_mode') return run('consultation.enterPatientMode', id)
  // A section is shown before anything is recorded against it.
  const sectionOfStep =
    'sectionId' in step
      ? step.sectionId
      : 'questionId' in step && step.step !== 'answer_comprehension'
        ? script.sections.find((s) => s.kind === 'screening' && s.questions.some((q) => q.id === step.questionId))?.id
        : undefined
  if (sectionOfStep && !state.sections.find((s) => s.sectionId === sectionOfStep)?.firstShownAt)
    return run('consultation.markSectionShown', { ...id, sectionId: sectionOfStep })
  switch (step.step) {
    case 'discuss_section':
      return run('consultation.markSectionDiscussed', { ...id, sectionId: step.sectionId })
    case 'answer_screening': {
      const q = script.sections.flatMap((s) => (s.kind === 'screening' ? s.questions : [])).find((x) => x.id === step.questionId)!
      return run('consultation.recordScreeningAnswer', { ...id, questionId: q.id, answer: q.rules.some((r) => r.when === 'no') ? 'yes' : 'no', details: '' })
    }
    case 'decide_caution': {
      const q = script.sections.flatMap((s) => (s.kind === 'screening' ? s.questions : [])).find((x) => x.id === step.questionId)!
      const option = q.rules.flatMap((r) => r.decisionOptions ?? []).find((d) => d.allowsTreatment)!
      return run('consultation.recordCautionDecision', { ...id, questionId: q.id, optionId: option.id, note: 'Discussed with the patient.' })
    }
    case 'offer_medication_guide':
      return run('consultation.recordMedicationGuideOffer', { ...id, accepted: true })
    case 'save_expectations': {
      const sec = script.sections.find((s) => s.kind === 'expectations')
      const areaIds = sec?.kind === 'expectations' ? sec.areas.slice(0, 1).map((a) => a.id) : []
      return run('consultation.saveExpectations', { ...id, goals: o.goals ?? 'Softer frown lines.', areaIds, otherAreas: '', timelineAcknowledged: true })
    }
    case 'save_treatment_plan': {
      const sec = script.sections.find((s) => s.kind === 'treatment_plan')
      const productId = sec?.kind === 'treatment_plan' ? sec.products[0]!.id : 'onabotulinumtoxina'
      const expiryDate = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)
      return run('consultation.saveTreatmentPlan', {
        ...id,
        productId,
        lotNumber: 'C4417A2',
        expiryDate,
        dilution: { vialUnits: 100, diluentMl: 2.5 },
        sites: [
          { site: 'Procerus', units: 4 },
          { site: 'Left corrugator, medial', units: 4 },
        ],
      })
    }
    case 'enter_patient_mode':
      return run('consultation.enterPatientMode', id)
    case 'acknowledge_section':
      return run('consultation.acknowledgeSection', { ...id, sectionId: step.sectionId, initials: o.initials ?? initialsOf(`${state.patient.givenName} ${state.patient.familyName}`) })
    case 'answer_comprehension': {
      const q = script.sections.flatMap((s) => (s.kind === 'comprehension' ? s.questions : [])).find((x) => x.id === step.questionId)!
      const r = (await call('consultation.answerComprehension', { ...id, questionId: q.id, optionId: q.correctOptionId })) as { state: ConsultationState }
      return { call: 'consultation.answerComprehension', state: r.state }
    }
    case 'confirm_review':
      return run('consultation.confirmReview', { ...id, confirmed: true })
    case 'esignature_choice':
      return run('consultation.recordElectronicSignatureChoice', { ...id, choice: 'agree' })
    case 'patient_signature': {
      const strokes = demoSignatureStrokes(0)
      return run('consultation.signAsPatient', { ...id, typedName: o.typedName ?? `${state.patient.givenName} ${state.patient.familyName}`, strokes, imagePng: strokesToPngDataUrl(strokes) })
    }
    case 'exit_patient_mode':
      return run('consultation.exitPatientMode', { ...id, password: clinicianPassword })
    case 'sign_off': {
      const strokes = demoSignatureStrokes(3.1)
      return run('consultation.signOff', { ...id, password: clinicianPassword, strokes, imagePng: strokesToPngDataUrl(strokes), statementConfirmed: true })
    }
    default:
      throw new Error(`the crash worker does not know the step ${step.step}`)
  }
}

function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => Array.from(w)[0]!.toUpperCase())
    .slice(0, 5)
    .join('')
}
