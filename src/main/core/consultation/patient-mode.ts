// Patient mode: handing the screen over and taking it back, and the patient's
// own steps (acknowledgments, questions, comprehension, the review and the
// choice to sign electronically).
import { AppError, fieldError } from '../../../shared/errors'
import { ESIGNATURE_STATEMENT, REVIEW_STATEMENT, type ConsultationState } from '../../../shared/consultation'
import { needsAcknowledgment } from '../../../shared/script/schema'
import { recordAudit } from '../audit/chain'
import { assertPrintable } from '../consent-pdf/printable'
import { inTransaction } from '../context'
import { requireSession, type CallContext } from '../dispatch/types'
import { appendEvent } from './events'
import { loadConsultation, type Loaded } from './state'
import { assertOwnClinician, assertPatientNotSigned, assertPatientStep, section, sectionOfKind } from './guards'
import { getState, recordStep } from './record-step'

export function enterPatientMode(call: CallContext, input: { consultationId: number }): ConsultationState {
  const session = requireSession(call)
  const state = recordStep(call, input.consultationId, 'clinician', (l) => {
    assertOwnClinician(l, call.actor, 'hand the screen to the patient')
    if (l.d.blocks.length > 0) throw new AppError('invalid_state', 'Treatment cannot go ahead (see the screening result). End the consultation as not treated.')
    if (!l.d.clinicianPhaseDone) {
      const next = l.d.steps.find((s) => !s.done)
      throw new AppError('invalid_state', `Finish the clinician's part first (next: ${next ? describeStep(next) : 'nothing'}).`)
    }
    return { events: [{ data: { kind: 'patient_mode_entered' } }], audit: { action: 'consultation.patient_mode_entered' } }
  })
  session.patientModeConsultationId = input.consultationId
  return { ...state, inPatientMode: true, progress: progressWith(state, true) }
}

export async function exitPatientMode(call: CallContext, input: { consultationId: number; password: string }): Promise<ConsultationState> {
  const session = requireSession(call)
  assertPatientStep(call, input.consultationId)
  // The same throttled check as logging in; a wrong password leaves the patient in patient mode.
  await call.passwords.check(call.actor, session.username, input.password)
  const { ctx } = call
  // A second exit sent in parallel found the screen already taken back while its password was checked: one exit, one row.
  if (session.patientModeConsultationId !== input.consultationId) return getState(ctx, input.consultationId, false)
  const l = loadConsultation(ctx, input.consultationId, false)
  // The event and its audit row commit before the screen is released: if they
  // cannot be written (a full disk), the screen stays with the patient.
  if (l.row.status === 'in_progress')
    inTransaction(ctx, () => {
      const eventId = appendEvent(ctx, {
        consultationId: input.consultationId,
        by: 'clinician',
        sessionUserId: session.userId,
        script: l.ref,
        data: { kind: 'patient_mode_exited' },
      })
      recordAudit(ctx, call.actor, {
        action: 'consultation.patient_mode_exited',
        entityType: 'consultation',
        entityId: input.consultationId,
        detail: { eventIds: [eventId] },
      })
    })
  session.patientModeConsultationId = null
  return getState(ctx, input.consultationId, false)
}

/** The exit step's "done" depends on the session; recompute it after patient mode changed. */
function progressWith(state: ConsultationState, inPatientMode: boolean): ConsultationState['progress'] {
  const steps = state.progress.steps.map((s) => (s.step === 'exit_patient_mode' ? { ...s, done: !inPatientMode } : s))
  return {
    steps,
    current: state.status === 'in_progress' ? (steps.find((s) => !s.done) ?? null) : null,
    doneCount: steps.filter((s) => s.done).length,
    totalCount: steps.length,
  }
}

function describeStep(s: ConsultationState['progress']['steps'][number]): string {
  switch (s.step) {
    case 'discuss_section':
    case 'offer_medication_guide':
    case 'save_expectations':
    case 'save_treatment_plan':
    case 'acknowledge_section':
      return `${s.step.replace(/_/g, ' ')} "${s.sectionId}"`
    case 'answer_screening':
    case 'decide_caution':
    case 'answer_comprehension':
      return `${s.step.replace(/_/g, ' ')} "${s.questionId}"`
    default:
      return s.step.replace(/_/g, ' ')
  }
}

export function assertPatientPhaseOpen(l: Loaded): void {
  if (!l.d.clinicianPhaseDone) throw new AppError('invalid_state', "The clinician's part is not finished.")
  assertPatientNotSigned(l)
}

export function acknowledgeSection(call: CallContext, input: { consultationId: number; sectionId: string; initials: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { initials: input.initials })
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    const s = section(l, input.sectionId)
    if (!needsAcknowledgment(s)) throw new AppError('invalid_state', 'This part does not ask for your initials.')
    if (l.d.sections.find((x) => x.sectionId === s.id)?.acknowledgedAt) throw new AppError('invalid_state', 'You have already confirmed this part.')
    if (l.d.openFlags.some((f) => f.sectionId === s.id)) throw new AppError('invalid_state', 'Your question about this part is waiting for the clinician’s answer.')
    return {
      events: [{ data: { kind: 'acknowledged', initials: input.initials, statement: s.acknowledgment! }, section: s }],
      audit: { action: 'consultation.acknowledged', detail: { initials: input.initials } },
    }
  })
}

export function flagQuestion(call: CallContext, input: { consultationId: number; sectionId: string; question: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { question: input.question })
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    const s = section(l, input.sectionId)
    return {
      events: [{ data: { kind: 'flagged', question: input.question }, section: s }],
      audit: { action: 'consultation.question_flagged' },
    }
  })
}

export function answerComprehension(
  call: CallContext,
  input: { consultationId: number; questionId: string; optionId: string },
): { correct: boolean; revisitSectionId: string | null; state: ConsultationState } {
  let correct = false
  let revisit: string | null = null
  const state = recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    const s = sectionOfKind(l, 'comprehension')
    const q = s.questions.find((x) => x.id === input.questionId)
    if (!q) throw fieldError('questionId', 'no_such_question', 'That question is not in this script.')
    if (!q.options.some((o) => o.id === input.optionId)) throw fieldError('optionId', 'no_such_option', 'That answer is not one of the choices.')
    const view = l.d.comprehension.find((c) => c.questionId === q.id)!
    if (view.passed) throw new AppError('invalid_state', 'This question is already answered correctly.')
    if (view.mustRevisitSectionId) throw new AppError('invalid_state', 'Please read the part this question is about again before answering once more.')
    correct = input.optionId === q.correctOptionId
    revisit = correct ? null : q.revisitSectionId
    return {
      events: [{ data: { kind: 'comprehension_answered', questionId: q.id, optionId: input.optionId, correct, revisitSectionId: revisit }, section: s }],
      audit: { action: 'consultation.comprehension_answered', detail: { questionId: q.id, optionId: input.optionId, correct } },
    }
  })
  return { correct, revisitSectionId: revisit, state }
}

export function confirmReview(call: CallContext, input: { consultationId: number }): ConsultationState {
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    if (l.d.openFlags.length > 0) throw new AppError('invalid_state', 'The clinician must answer your questions before you can go on.')
    const ackMissing = l.d.sections.find((s) => s.needsAcknowledgment && !s.acknowledgedAt)
    if (ackMissing) throw new AppError('invalid_state', `Please confirm the part "${ackMissing.title}" first.`)
    if (l.d.comprehension.some((c) => !c.passed)) throw new AppError('invalid_state', 'Please answer the questions first.')
    if (l.d.review) return null
    return { events: [{ data: { kind: 'review_confirmed', statement: REVIEW_STATEMENT } }], audit: { action: 'consultation.review_confirmed' } }
  })
}

export function recordElectronicSignatureChoice(call: CallContext, input: { consultationId: number; choice: 'agree' | 'decline' }): ConsultationState {
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    if (!l.d.review) throw new AppError('invalid_state', 'Please review the summary and confirm it first.')
    return {
      events: [{ data: { kind: 'esignature_choice', choice: input.choice, statement: ESIGNATURE_STATEMENT } }],
      audit: { action: 'consultation.esignature_choice', detail: { choice: input.choice } },
    }
  })
}
