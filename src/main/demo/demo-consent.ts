// The demo clinic's signed consent: one complete consultation for the demo's
// first patient, run by the demo clinician through the core's own calls, so a
// new user can open, save and print a real consent at once.
import type { Core } from '../core/core'
import { completeConsultation } from '../client/complete-consultation'

export async function seedDemoConsent(core: Core, demo: { recordNumber: string; clinician: { username: string; password: string }; witnessName: string }): Promise<number> {
  const patient = core.ctx.db.prepare('SELECT id FROM patients WHERE record_number = ?').get(demo.recordNumber) as { id: number } | undefined
  if (!patient) throw new Error(`The demo patient ${demo.recordNumber} is missing.`)
  const { consultationId } = await completeConsultation(core, {
    patientId: patient.id,
    clinician: demo.clinician,
    witness: { name: demo.witnessName },
    question: 'Can I fly the day after the treatment?',
  })
  return consultationId
}
