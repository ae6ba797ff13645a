// Ending a consultation and what comes after sign-off: not treated, withdrawal
// and addenda, each a new dated entry.
import { AppError } from '../../../shared/errors'
import { type ConsultationState } from '../../../shared/consultation'
import { recordAudit } from '../audit/chain'
import { assertPrintable } from '../consent-pdf/printable'
import { inTransaction } from '../context'
import { requireSession, type CallContext } from '../dispatch/types'
import { appendEvent, markNotTreated } from './events'
import { loadConsultation, reloadAfterAppend, toState, type Loaded } from './state'
import { assertOwnClinician } from './guards'
import { type StepResult, recordStep } from './record-step'

export function endNotTreated(call: CallContext, input: { consultationId: number; reason: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { reason: input.reason })
  return recordStep(call, input.consultationId, 'clinician', (l) => {
    assertOwnClinician(l, call.actor, 'end it')
    return {
      events: [{ data: { kind: 'ended_not_treated', reason: input.reason } }],
      audit: { action: 'consultation.ended_not_treated', detail: { reason: input.reason, blocks: l.d.blocks } },
      also: () => {
        markNotTreated(call.ctx, l.row.id, call.ctx.now().toISOString(), input.reason)
      },
    }
  })
}

/** Withdrawal and addenda: new dated events on a finished record (the record itself stays frozen). */
function afterwardStep(call: CallContext, consultationId: number, build: (l: Loaded) => StepResult): ConsultationState {
  const { ctx } = call
  const session = requireSession(call)
  const after = inTransaction(ctx, () => {
    const l = loadConsultation(ctx, consultationId, false)
    const r = build(l)
    const ids = r.events.map((e) => appendEvent(ctx, { consultationId, by: 'clinician', sessionUserId: session.userId, script: l.ref, data: e.data }))
    recordAudit(ctx, call.actor, { action: r.audit.action, entityType: 'consultation', entityId: consultationId, detail: { eventIds: ids, ...r.audit.detail } })
    return reloadAfterAppend(ctx, l, false)
  })
  return toState(ctx, after, false)
}

export function withdraw(call: CallContext, input: { consultationId: number; reason: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { reason: input.reason })
  return afterwardStep(call, input.consultationId, (l) => {
    if (l.row.status !== 'signed_off')
      throw new AppError('invalid_state', 'Consent can be withdrawn once it was given and signed off. Before that, end the consultation as not treated.')
    if (l.d.withdrawal) throw new AppError('invalid_state', `Consent was already withdrawn on ${l.d.withdrawal.at}.`)
    return { events: [{ data: { kind: 'withdrawn', reason: input.reason } }], audit: { action: 'consultation.withdrawn', detail: { reason: input.reason } } }
  })
}

export function addAddendum(call: CallContext, input: { consultationId: number; text: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { text: input.text })
  return afterwardStep(call, input.consultationId, (l) => {
    if (l.row.status === 'in_progress') throw new AppError('invalid_state', 'An addendum is added to a finished record. While the consultation is open, record the step itself.')
    return { events: [{ data: { kind: 'addendum', text: input.text } }], audit: { action: 'consultation.addendum', detail: { text: input.text } } }
  })
}
