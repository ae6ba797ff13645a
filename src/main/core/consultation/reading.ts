// Reading consultations: one for its caller, and the lists of a patient's and
// of those still in progress.
import { type ConsultationState, type ConsultationSummary } from '../../../shared/consultation'
import { type CoreContext } from '../context'
import { statement } from '../db/statements'
import { type CallContext } from '../dispatch/types'
import { getPatient } from '../patients/patients'
import { loadConsultation, toSummary } from './state'
import { assertNotOtherPatient, inPatientModeFor } from './guards'
import { getState } from './record-step'

export function getForCaller(call: CallContext, consultationId: number): ConsultationState {
  assertNotOtherPatient(call, consultationId)
  return getState(call.ctx, consultationId, inPatientModeFor(call, consultationId))
}

function summaries(ctx: CoreContext, ids: number[]): ConsultationSummary[] {
  return ids.map((id) => toSummary(ctx, loadConsultation(ctx, id, false)))
}

export function listForPatient(ctx: CoreContext, patientId: number): ConsultationSummary[] {
  getPatient(ctx, patientId)
  const rows = statement(ctx.db, 'SELECT id FROM consultations WHERE patient_id = ? ORDER BY started_at DESC, id DESC').all(patientId) as { id: number }[]
  return summaries(
    ctx,
    rows.map((r) => r.id),
  )
}

export function listInProgress(ctx: CoreContext): ConsultationSummary[] {
  const rows = statement(ctx.db, "SELECT id FROM consultations WHERE status = 'in_progress' ORDER BY started_at DESC, id DESC").all() as { id: number }[]
  return summaries(
    ctx,
    rows.map((r) => r.id),
  )
}
