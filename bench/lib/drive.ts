// Drives a consultation through the dispatcher, with a clinician's session,
// up to the patient's acknowledgments (the clinician phase done, the screen
// handed over): where the ack_write benchmark starts measuring. The steps are
// the one driver's (src/main/client/drive.ts), following `progress.current`.
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract'
import type { ConsultationState } from '../../src/shared/consultation'
import type { Core, HostLink } from '../../src/main/core'
import { Client } from '../../src/main/client/client'
import { stepUntil } from '../../src/main/client/drive'

export interface Driven {
  client: Client
  host: HostLink
  state: ConsultationState
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>
}

export async function driveToAcknowledgments(core: Core, clinicianUsername: string, patientId: number): Promise<Driven> {
  const client = Client.as(core, clinicianUsername)
  const started = await client.call('consultation.start', { patientId })
  const state = await stepUntil(client, started, { until: 'acknowledge_section', expectations: { goals: 'Softer frown lines.' } })
  if (state.progress.current?.step !== 'acknowledge_section') throw new Error(`consultation ${state.id} did not reach the acknowledgments`)
  return { client, host: client, state, call: (name, input) => client.call(name, input) }
}
