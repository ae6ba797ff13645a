// The crash test's victim: runs scripted clinic work against a real data
// folder through Core.dispatch (the same door both hosts use) and prints one
// acknowledgement line to stdout after each call has returned, i.e. after
// its transaction committed. The work: registering and editing patients, and
// consultations taken one step at a time to sign-off (with the signed PDF),
// resuming the one left open by the previous (killed) run. The parent kills
// it with SIGKILL at a random moment and then checks that every acknowledged
// write is on disk.
//
// Usage: node --import tsx test/crash/worker.ts DATA_DIR RUN_ID USERNAME PASSWORD
import { writeSync } from 'node:fs'
import { Core, resourcesDir } from '../../src/main/core'
import { Client } from '../../src/main/client/client'
import { takeNextStep } from '../../src/main/client/drive'
import { DEMO_LOGINS } from '../../src/main/demo/demo-clinic'
import type { ConsultationState } from '../../src/shared/consultation'

const [dataDir, runId, username, password] = process.argv.slice(2) as [string, string, string, string]

/** Written straight to fd 1, unbuffered: what is printed was acknowledged. */
function ack(line: object): void {
  writeSync(1, `ACK ${JSON.stringify(line)}\n`)
}

async function main(): Promise<void> {
  const core = Core.open({ dataDir, resourcesDir })
  // Two screens: the front desk registers patients; the clinician's tablet runs
  // the consultation (and is handed to the patient, which pins its session).
  const desk = new Client(core)
  const tablet = new Client(core)
  const staff = DEMO_LOGINS.find((l) => l.role === 'staff')!
  await Promise.all([desk.call('session.login', { username: staff.username, password: staff.password }), tablet.call('session.login', { username, password })])
  // The consultation the last run left open resumes where the database says it is.
  const open = await tablet.call('consultation.listInProgress', {})
  let consultation: ConsultationState | null = open[0] ? await tablet.call('consultation.get', { consultationId: open[0].id }) : null
  if (consultation) ack({ kind: 'consultation.resumed', consultationId: consultation.id, events: consultation.events.length, status: consultation.status })
  writeSync(1, 'READY\n')
  let previousId = 0
  for (let i = 0; ; i++) {
    let made: string
    if (!consultation) {
      const demoPatients = await desk.call('patients.search', { query: 'MRN', limit: 12 })
      consultation = await tablet.call('consultation.start', { patientId: demoPatients[i % demoPatients.length]!.id })
      made = 'consultation.start'
    } else {
      const r = await takeNextStep(tablet, consultation, { clinicianPassword: password, expectations: { goals: 'Softer frown lines.' } })
      consultation = r.state
      made = r.call
    }
    ack({ kind: 'consultation.step', call: made, consultationId: consultation.id, events: consultation.events.length, status: consultation.status })
    if (consultation.status !== 'in_progress') consultation = null

    const recordNumber = `CRASH-${runId}-${i}`
    const p = await desk.call('patients.create', {
      givenName: 'Crash',
      familyName: `Test ${i}`,
      dateOfBirth: '1980-02-29',
      recordNumber,
      phone: '',
      email: '',
    })
    // An even-numbered patient is edited by the next step, which may commit
    // without its acknowledgement reaching the parent before the kill.
    ack({ kind: 'patient.create', id: p.id, recordNumber, familyName: `Test ${i}`, laterMaybe: i % 2 === 0 ? `Edited ${i} ✓` : null })
    if (i % 2 === 1) {
      // Edit the previous one: an UPDATE with its audit row, in one transaction.
      const prev = `CRASH-${runId}-${i - 1}`
      const familyName = `Edited ${i - 1} ✓`
      await desk.call('patients.update', {
        id: previousId,
        patient: { givenName: 'Crash', familyName, dateOfBirth: '1980-02-29', recordNumber: prev, phone: '+1 555 0100', email: '' },
      })
      ack({ kind: 'patient.update', id: previousId, recordNumber: prev, familyName, laterMaybe: null })
    }
    previousId = p.id
  }
}

main().catch((e) => {
  process.stderr.write(`worker failed: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
