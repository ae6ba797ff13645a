// Who may take a step, and whether the consultation is at a point where it
// makes sense: the checks every step runs before it writes.
import { AppError, fieldError } from '../../../shared/errors'
import { type ScriptSection, type SectionOfKind } from '../../../shared/script/schema'
import { type Actor } from '../context'
import { type CallContext } from '../dispatch/types'
import { type Loaded } from './state'

function patientModeOf(call: CallContext): number | null {
  return call.session?.patientModeConsultationId ?? null
}

export function inPatientModeFor(call: CallContext, consultationId: number): boolean {
  return patientModeOf(call) === consultationId
}

/** While the screen is with a patient, only that patient's consultation is reachable. */
export function assertNotOtherPatient(call: CallContext, consultationId: number): void {
  const pm = patientModeOf(call)
  if (pm !== null && pm !== consultationId) throw new AppError('patient_mode', 'The screen is with a patient for another consultation. The clinician must take it back first.')
}

export function assertPatientStep(call: CallContext, consultationId: number): void {
  assertNotOtherPatient(call, consultationId)
  if (patientModeOf(call) !== consultationId) throw new AppError('invalid_state', 'This step is for the patient. Hand the screen to the patient first.')
}

export function assertOwnClinician(l: Loaded, actor: Actor, what: string): void {
  if (actor.role !== 'clinician' || actor.id !== l.row.clinician_id) throw new AppError('forbidden', `Only the clinician who started this consultation can ${what}.`)
}

export function assertInProgress(l: Loaded): void {
  if (l.row.status === 'signed_off') throw new AppError('frozen', 'This consultation is signed off and cannot be changed. Add an addendum instead.')
  if (l.row.status === 'not_treated') throw new AppError('frozen', 'This consultation was ended without treatment and cannot be changed.')
}

export function assertPatientNotSigned(l: Loaded): void {
  if (l.d.patientSignature) throw new AppError('invalid_state', 'The patient has already signed; what they signed cannot change now.')
}

/** Audit name for a step the patient gives on the handed-over screen. */
export function patientActor(l: Loaded, call: CallContext): Actor {
  return {
    id: null,
    name: `patient ${l.patient.givenName} ${l.patient.familyName} (on the screen handed over by ${call.actor.name})`,
    role: call.actor.role,
  }
}

export function section(l: Loaded, sectionId: string): ScriptSection {
  const s = l.script.content.sections.find((x) => x.id === sectionId)
  if (!s) throw fieldError('sectionId', 'no_such_section', `The script of this consultation has no section "${sectionId}".`)
  return s
}

export function sectionOfKind<K extends ScriptSection['kind']>(l: Loaded, kind: K): SectionOfKind<K> {
  const s = l.script.content.sections.find((x) => x.kind === kind)
  if (!s) throw new AppError('invalid_state', `The script of this consultation has no ${kind.replace(/_/g, ' ')} section.`)
  return s as SectionOfKind<K>
}

export function assertShown(l: Loaded, s: ScriptSection): void {
  if (!l.d.sections.find((x) => x.sectionId === s.id)?.firstShownAt) throw new AppError('invalid_state', `Show the section "${s.title}" before recording it.`)
}
