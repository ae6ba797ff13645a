// Sign-off: the clinician re-enters their password, signs, and confirms what
// the signature means; the consultation is then frozen.
//
// The steps are separate on purpose:
//   1. checkSignOff     - who, what state, a real signature (no writes)
//   2. passwords.check  - the same throttled check as logging in
//   3. composeSignOff   - the consent record as it will be, and its hash
//   (4. the consent PDF is rendered here, between compose and commit)
//   5. commitSignOff    - one transaction: signature, event, frozen row, audit,
//                         after checking nothing changed since step 3
import { AppError } from '../../../shared/errors'
import { SIGNATURE_MEANINGS, type ConsentRecord, type ConsultationState, type Stroke } from '../../../shared/consultation'
import { recordAudit } from '../audit/chain'
import { produceConsentDocument, storeConsentDocument } from '../consents/produce'
import { inTransaction, type Actor, type CoreContext } from '../context'
import { requireSession, type CallContext } from '../dispatch/types'
import { buildConsentRecord, canonicalRecordHash } from './record'
import { appendEvent, appendSignature, markSignedOff, personRef } from './events'
import { loadConsultation, stateStamp } from './state'
import { getState } from './record-step'
import { assertRealSignature, decodeSignaturePng } from './signatures'

export interface SignOffInput {
  consultationId: number
  password: string
  strokes: Stroke[]
  imagePng: string
  statementConfirmed: true
}

export interface SignOffCheck {
  consultationId: number
  clinicianId: number
  clinicianName: string
  strokes: Stroke[]
  png: Buffer
  imagePng: string
}

export interface ComposedSignOff extends SignOffCheck {
  at: string
  record: ConsentRecord
  recordHash: string
  /** What the consultation looked like when the record was composed. */
  stamp: string
}

export function checkSignOff(ctx: CoreContext, actor: Actor, input: SignOffInput): SignOffCheck {
  const l = loadConsultation(ctx, input.consultationId, false)
  if (l.row.status !== 'in_progress') throw new AppError('frozen', 'This consultation is already finished and cannot be signed off again.')
  if (actor.role !== 'clinician' || actor.id !== l.row.clinician_id) throw new AppError('forbidden', 'Only the clinician who ran this consultation can sign it off.')
  if (l.d.blocks.length > 0) throw new AppError('invalid_state', 'Treatment cannot go ahead (see the screening result). End the consultation as not treated.')
  if (!l.d.readyForSignOff) {
    const next = l.d.steps.find((s) => !s.done)
    throw new AppError('invalid_state', `The consultation is not ready for sign-off yet (next step: ${next?.step.replace(/_/g, ' ') ?? 'none'}).`)
  }
  assertRealSignature(input.strokes)
  const png = decodeSignaturePng(input.imagePng)
  return { consultationId: l.row.id, clinicianId: actor.id, clinicianName: personRef(ctx, actor.id).displayName, strokes: input.strokes, png, imagePng: input.imagePng }
}

export function composeSignOff(ctx: CoreContext, c: SignOffCheck): ComposedSignOff {
  const at = ctx.now().toISOString()
  const stamp = stateStamp(loadConsultation(ctx, c.consultationId, false))
  const record = buildConsentRecord(ctx, c.consultationId, {
    at,
    signature: {
      role: 'clinician',
      name: c.clinicianName,
      meaning: SIGNATURE_MEANINGS.clinician,
      at,
      capturedBy: { id: c.clinicianId, displayName: c.clinicianName },
      strokeCount: c.strokes.length,
      pointCount: c.strokes.reduce((n, s) => n + s.length, 0),
      strokes: c.strokes,
      imagePng: c.imagePng,
    },
  })
  return { ...c, at, record, recordHash: canonicalRecordHash(record), stamp }
}

/**
 * Stores the sign-off. `alsoInTransaction` lets a later step (the consent PDF)
 * store its result in the same transaction, so the record is frozen together
 * with everything that belongs to it or not at all.
 */
export function commitSignOff(
  ctx: CoreContext,
  actor: Actor,
  s: ComposedSignOff,
  alsoInTransaction?: (ctx: CoreContext, s: ComposedSignOff) => Record<string, unknown> | void,
): void {
  inTransaction(ctx, () => {
    const l = loadConsultation(ctx, s.consultationId, false)
    if (stateStamp(l) !== s.stamp) throw new AppError('conflict', 'The consultation changed while signing off. Please check it and sign off again.')
    const signatureId = appendSignature(ctx, {
      consultationId: s.consultationId,
      role: 'clinician',
      name: s.clinicianName,
      meaning: SIGNATURE_MEANINGS.clinician,
      capturedBy: s.clinicianId,
      strokes: s.strokes,
      png: s.png,
      at: s.at,
    })
    const eventId = appendEvent(ctx, {
      consultationId: s.consultationId,
      by: 'clinician',
      sessionUserId: s.clinicianId,
      script: l.ref,
      data: { kind: 'signed', signatureId, role: 'clinician' },
      at: s.at,
    })
    const extra = alsoInTransaction?.(ctx, s) ?? {}
    markSignedOff(ctx, s.consultationId, s.at, s.recordHash)
    recordAudit(ctx, actor, {
      action: 'consultation.sign_off',
      entityType: 'consultation',
      entityId: s.consultationId,
      detail: { eventIds: [eventId], signatureId, recordSha256: s.recordHash, script: l.ref, ...extra },
    })
  })
}

export async function signOff(call: CallContext, input: SignOffInput): Promise<ConsultationState> {
  const session = requireSession(call)
  const checked = checkSignOff(call.ctx, call.actor, input)
  await call.passwords.check(call.actor, session.username, input.password)
  const composed = composeSignOff(call.ctx, checked)
  // The signed consent PDF, made from the composed record and stored in the same transaction as the freeze.
  const document = await produceConsentDocument(call.ctx, {
    record: composed.record,
    recordSha256: composed.recordHash,
    signer: { userId: checked.clinicianId, password: input.password },
  })
  commitSignOff(call.ctx, call.actor, composed, (ctx, s) => storeConsentDocument(ctx, call.actor, s.consultationId, document))
  return getState(call.ctx, input.consultationId, false)
}
