// The kill test's victim: resumes the clinic's consultation in progress (or
// starts one) and drives it forward through Core.dispatch by following
// `progress.current`, printing one ACK line after every call that returned,
// i.e. after its transaction committed. The parent SIGKILLs it at a random
// moment and checks that everything acknowledged is on disk.
//
// Usage: node --import tsx test/consultation/kill-worker.ts DATA_DIR PATIENT_ID
import { writeSync } from 'node:fs'
import { Core, resourcesDir } from '../../src/main/core'
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract'
import type { ConsultationState } from '../../src/shared/consultation'
import { Client } from '../support/core'
import { clinicianPhase, drawnSignature, PASSWORDS, patientPhase, pngDataUrl } from './fixture'

const [dataDir, patientId] = process.argv.slice(2) as [string, string]

class AckingClient extends Client {
  override async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const v = await super.call(name, input)
    const st = (v && typeof v === 'object' && 'state' in v ? v.state : v) as ConsultationState
    if (name.startsWith('consultation.') && st && 'events' in st)
      writeSync(1, `ACK ${JSON.stringify({ call: name, consultationId: st.id, lastEventId: st.events.at(-1)!.id, status: st.status })}\n`)
    return v
  }
}

async function main(): Promise<void> {
  const core = Core.open({ dataDir, resourcesDir })
  const c = new AckingClient(core)
  await c.call('session.login', { username: 'vbeer', password: PASSWORDS.beer })
  writeSync(1, 'READY\n')
  for (;;) {
    const open = await c.call('consultation.listInProgress', {})
    let s = open[0] ? await c.call('consultation.get', { consultationId: open[0].id }) : await c.call('consultation.start', { patientId: Number(patientId) })
    const id = s.id
    s = await clinicianPhase(c, s)
    if (s.progress.current?.step === 'enter_patient_mode' || (s.progress.current?.phase === 'patient' && !s.inPatientMode))
      s = await c.call('consultation.enterPatientMode', { consultationId: id })
    s = await patientPhase(c, s)
    if (s.progress.current?.step === 'confirm_review') s = await c.call('consultation.confirmReview', { consultationId: id, confirmed: true })
    if (s.progress.current?.step === 'esignature_choice') s = await c.call('consultation.recordElectronicSignatureChoice', { consultationId: id, choice: 'agree' })
    if (s.progress.current?.step === 'patient_signature')
      s = await c.call('consultation.signAsPatient', { consultationId: id, typedName: 'Zoë Ñúñez-Øberg', strokes: drawnSignature(), imagePng: pngDataUrl() })
    if (s.inPatientMode) s = await c.call('consultation.exitPatientMode', { consultationId: id, password: PASSWORDS.beer })
    s = await c.call('consultation.signOff', {
      consultationId: id,
      password: PASSWORDS.beer,
      statementConfirmed: true,
      strokes: drawnSignature(),
      imagePng: pngDataUrl(),
    })
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
