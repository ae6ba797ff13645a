// The demo clinic's signed consent: one complete consultation for the demo's
// first patient, run by the demo clinician through the core's own calls, so a
// new user can open, save and print a real consent at once.
import type { Core } from '../core'
import { Client } from '../client/client'
import { completeConsultation } from '../client/complete-consultation'

export async function seedDemoConsent(core: Core, demo: { recordNumber: string; clinician: { username: string; password: string }; witnessName: string }): Promise<number> {
  const desk = Client.as(core, demo.clinician.username)
  let patientId: number | undefined
  try {
    patientId = (await desk.call('patients.search', { query: demo.recordNumber, limit: 20 })).find((p) => p.recordNumber === demo.recordNumber)?.id
  } finally {
    desk.end()
  }
  if (patientId === undefined) throw new Error(`The demo patient ${demo.recordNumber} is missing.`)
  const { consultationId } = await completeConsultation(core, {
    patientId,
    clinician: demo.clinician,
    witness: { name: demo.witnessName },
    question: 'Can I fly the day after the treatment?',
  })
  return consultationId
}
