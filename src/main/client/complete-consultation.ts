// Runs one whole consultation, from start to sign-off, through the same
// entrance the app's screens use (the dispatcher, with a clinician's session),
// following the core's own `progress.current` step by step. It is how the demo
// clinic gets a real signed consent to open, and how the seed and the tests get
// real records: nothing is written behind the core's back.
import type { ConsultationState } from '../../shared/consultation'
import { AppError } from '../../shared/errors'
import type { Core } from '../core'
import { Client } from './client'
import { stepUntil, type DriveChoices } from './drive'

export interface CompleteConsultationOptions extends Omit<DriveChoices, 'clinicianPassword'> {
  patientId: number
  clinician: { username: string; password: string }
  /** Free text of the goals (e.g. to test the longest the form accepts). */
  goals?: string
}

export async function completeConsultation(core: Core, o: CompleteConsultationOptions): Promise<{ consultationId: number; state: ConsultationState }> {
  const { patientId, clinician, goals, ...choices } = o
  const client = Client.as(core, clinician.username)
  try {
    const me = await client.call('session.current', {})
    if (me?.user.role !== 'clinician') throw new AppError('not_found', `There is no clinician "${clinician.username}".`)
    const started = await client.call('consultation.start', { patientId })
    // Each section is shown again when discussed, as this driver always did (the demo's and the seed's records stay as they were).
    const state = await stepUntil(client, started, {
      showAgainBeforeDiscussing: true,
      ...choices,
      expectations: goals !== undefined ? { ...choices.expectations, goals } : choices.expectations,
      clinicianPassword: clinician.password,
    })
    if (state.status !== 'signed_off') throw new AppError('invalid_state', `The consultation did not reach sign-off (status ${state.status}).`)
    return { consultationId: started.id, state }
  } finally {
    client.end()
  }
}
