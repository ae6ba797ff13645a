// The one way a step is recorded: checks, its events and one audit row in one
// IMMEDIATE transaction that commits before the call returns.
import { type ConsultationEventData, type ConsultationState, type EventBy } from '../../../shared/consultation'
import { type ScriptSection } from '../../../shared/script/schema'
import { recordAudit } from '../audit/chain'
import { inTransaction, type CoreContext } from '../context'
import { requireSession, type CallContext } from '../dispatch/types'
import { appendEvent, type NewEvent } from './events'
import { loadConsultation, reloadAfterAppend, toState, type Loaded } from './state'
import { assertInProgress, assertNotOtherPatient, assertPatientStep, inPatientModeFor, patientActor } from './guards'

export interface StepResult {
  events: { data: ConsultationEventData; section?: ScriptSection | null; by?: EventBy }[]
  audit: { action: string; detail?: Record<string, unknown> }
  /** Extra writes in the same transaction (a signature row, the status); may add to the audit detail. */
  also?: (eventIds: number[]) => Record<string, unknown> | void
}

/**
 * Loads the consultation inside an IMMEDIATE transaction (so checks and writes
 * see the same rows), runs the step's checks, appends its events and one audit
 * row, and commits. Returns the fresh state: the loaded consultation brought up
 * to date with what this step wrote, read back in the same transaction (one
 * full load per step, not a second one after the commit).
 */
export function recordStep(call: CallContext, consultationId: number, who: 'clinician' | 'patient', build: (l: Loaded) => StepResult | null): ConsultationState {
  const { ctx } = call
  const session = requireSession(call)
  if (who === 'patient') assertPatientStep(call, consultationId)
  else assertNotOtherPatient(call, consultationId)
  const pm = inPatientModeFor(call, consultationId)
  const after = inTransaction(ctx, () => {
    const l = loadConsultation(ctx, consultationId, pm)
    assertInProgress(l)
    const r = build(l)
    if (!r) return l // nothing new to record (an idempotent repeat)
    const by: EventBy = who === 'patient' ? 'patient' : 'clinician'
    const ids = r.events.map((e) => {
      const ev: NewEvent = {
        consultationId,
        by: e.by ?? by,
        sessionUserId: session.userId,
        script: l.ref,
        section: e.section ? { id: e.section.id, hash: l.script.sectionHashes[e.section.id]! } : null,
        data: e.data,
      }
      return appendEvent(ctx, ev)
    })
    const extra = r.also?.(ids) ?? {}
    const first = r.events[0]
    recordAudit(ctx, who === 'patient' ? patientActor(l, call) : call.actor, {
      action: r.audit.action,
      entityType: 'consultation',
      entityId: consultationId,
      detail: {
        eventIds: ids,
        by,
        script: l.ref,
        ...(first?.section ? { sectionId: first.section.id, sectionHash: l.script.sectionHashes[first.section.id] } : {}),
        ...r.audit.detail,
        ...extra,
      },
    })
    return reloadAfterAppend(ctx, l, pm)
  })
  return toState(ctx, after, pm)
}

export function getState(ctx: CoreContext, consultationId: number, inPatientMode: boolean): ConsultationState {
  return toState(ctx, loadConsultation(ctx, consultationId, inPatientMode), inPatientMode)
}
