// Signatures drawn on screen: the patient's and the witness's, checked as real
// drawings, stored with their strokes and image.
import { AppError, fieldError } from '../../../shared/errors'
import { SIGNATURE_MEANINGS, type ConsultationState, type Stroke } from '../../../shared/consultation'
import { signatureProblem, typedNameMatches, foldName } from '../../../shared/signature-rules'
import { assertPrintable } from '../consent-pdf/printable'
import { requireSession, type CallContext } from '../dispatch/types'
import { appendEvent, appendSignature } from './events'
import { type Loaded } from './state'
import { assertPatientPhaseOpen } from './patient-mode'
import { type StepResult, recordStep } from './record-step'

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The image bytes of a data URL, checked to be a PNG with a sensible size. */
export function decodeSignaturePng(dataUrl: string): Buffer {
  const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
  const ok = png.length > 33 && png.subarray(0, 8).equals(PNG_MAGIC) && png.subarray(12, 16).toString('latin1') === 'IHDR'
  const w = ok ? png.readUInt32BE(16) : 0
  const h = ok ? png.readUInt32BE(20) : 0
  if (!ok || w < 16 || h < 16 || w > 8000 || h > 8000) throw fieldError('imagePng', 'signature_image_invalid', 'The signature image could not be read. Please sign again.')
  return png
}

const SIGNATURE_MESSAGES = {
  signature_empty: 'Please sign in the box before saving.',
  signature_too_short: 'That signature is too short. Please sign with your usual signature.',
  signature_too_small: 'That signature is too small. Please sign larger, across the box.',
} as const

export function assertRealSignature(strokes: Stroke[]): void {
  const problem = signatureProblem(strokes)
  if (problem) throw fieldError('strokes', problem, SIGNATURE_MESSAGES[problem])
}

export function signAsPatient(call: CallContext, input: { consultationId: number; typedName: string; strokes: Stroke[]; imagePng: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { typedName: input.typedName })
  assertRealSignature(input.strokes)
  const png = decodeSignaturePng(input.imagePng)
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    if (!l.d.review) throw new AppError('invalid_state', 'Please review the summary and confirm it first.')
    if (l.d.esignature?.choice !== 'agree') throw new AppError('invalid_state', 'Signing on screen needs your agreement to sign electronically first.')
    if (!typedNameMatches(input.typedName, l.patient))
      throw fieldError(
        'typedName',
        'name_mismatch',
        'The name typed is not the name on this patient’s record. Please type your full name; if this is not your consultation, hand the screen back.',
      )
    return {
      events: [],
      audit: {
        action: 'consultation.patient_signed',
        detail: { typedName: input.typedName, firstSectionShownAt: l.d.firstShownAt, signedAt: call.ctx.now().toISOString() },
      },
      ...signatureEvents(call, l, 'patient', `${l.patient.givenName} ${l.patient.familyName}`, input.strokes, png),
    }
  })
}

export function signAsWitness(call: CallContext, input: { consultationId: number; witnessName: string; strokes: Stroke[]; imagePng: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { witnessName: input.witnessName })
  assertRealSignature(input.strokes)
  const png = decodeSignaturePng(input.imagePng)
  return recordStep(call, input.consultationId, 'patient', (l) => {
    if (!l.d.patientSignature) throw new AppError('invalid_state', 'A witness signs after the patient has signed.')
    if (l.d.witnessSignature) throw new AppError('invalid_state', 'A witness has already signed.')
    if (foldName(input.witnessName) === foldName(`${l.patient.givenName} ${l.patient.familyName}`))
      throw fieldError('witnessName', 'witness_is_patient', 'The witness must be someone other than the patient.')
    return {
      events: [],
      audit: { action: 'consultation.witness_signed', detail: { witnessName: input.witnessName } },
      ...signatureEvents(call, l, 'witness', input.witnessName, input.strokes, png),
    }
  })
}

/** The signature row and its `signed` event, written together by recordStep's `also`. */
function signatureEvents(call: CallContext, l: Loaded, role: 'patient' | 'witness', name: string, strokes: Stroke[], png: Buffer): Pick<StepResult, 'also'> {
  const session = requireSession(call)
  return {
    also: () => {
      const signatureId = appendSignature(call.ctx, {
        consultationId: l.row.id,
        role,
        name,
        meaning: SIGNATURE_MEANINGS[role],
        capturedBy: session.userId,
        strokes,
        png,
      })
      const eventId = appendEvent(call.ctx, {
        consultationId: l.row.id,
        by: role,
        sessionUserId: session.userId,
        script: l.ref,
        data: { kind: 'signed', signatureId, role },
      })
      return { eventIds: [eventId], signatureId, role, strokeCount: strokes.length, pointCount: strokes.reduce((n, st) => n + st.length, 0) }
    },
  }
}
