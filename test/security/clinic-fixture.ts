// A populated clinic on disk for the tamper and backup tests: the demo
// clinic, a clinician's login, a new patient and an edited one, two whole
// consultations signed off with their signed PDFs (one with a witness, one
// later withdrawn with an addendum), one left in progress, and a patient
// renamed after sign-off, all through the core's front door (Core.dispatch),
// then closed so the file is whole. `copyClinic` gives each test its own copy
// to damage.
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { loadDemoClinic, DEMO_LOGINS } from '../../src/main/demo/demo-clinic'
import { completeConsultation } from '../../src/main/client/complete-consultation'
import { DB_FILE_NAME, resourcesDir } from '../../src/main/core'
import { openForVerify, verifyClinicData } from '../../src/main/core/testing'
import { Client, openCore, tempDir } from '../support/core'

export const CLINICIAN = DEMO_LOGINS.find((l) => l.role === 'clinician')!
export const ADMIN = DEMO_LOGINS.find((l) => l.role === 'admin')!
export const STAFF = DEMO_LOGINS.find((l) => l.role === 'staff')!

export async function populatedClinic(): Promise<string> {
  const dir = tempDir('derm-consent-clinic-')
  const core = openCore(dir)
  try {
    await loadDemoClinic(core, { withConsent: false })
    const desk = new Client(core)
    await desk.call('session.login', { username: CLINICIAN.username, password: CLINICIAN.password })
    const p = await desk.call('patients.create', {
      givenName: 'Amélie',
      familyName: 'Durand',
      dateOfBirth: '1989-05-02',
      recordNumber: 'MRN-2001',
      phone: '',
      email: 'amelie@example.org',
    })
    await desk.call('patients.update', {
      id: p.id,
      patient: { givenName: 'Amélie', familyName: 'Durand-Lefèvre', dateOfBirth: '1989-05-02', recordNumber: 'MRN-2001', phone: '+33 1 55 55 01 01', email: 'amelie@example.org' },
    })
    const first = (await desk.call('patients.search', { query: 'müller', limit: 1 }))[0]!
    const second = (await desk.call('patients.search', { query: 'tanaka', limit: 1 }))[0]!
    const clinician = { username: CLINICIAN.username, password: CLINICIAN.password }
    const signed = await completeConsultation(core, { patientId: first.id, clinician })
    await completeConsultation(core, { patientId: second.id, clinician, witness: { name: 'Wanda Witness' } })
    await desk.call('consultation.withdraw', { consultationId: signed.consultationId, reason: 'Changed his mind after talking it over at home.' })
    await desk.call('consultation.addAddendum', { consultationId: signed.consultationId, text: 'Called the next day: no treatment given.' })
    await desk.call('consultation.start', { patientId: p.id })
    // Records signed off stay verifiable when the patient's details change later.
    const hans = await desk.call('patients.get', { id: first.id })
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = hans
    await desk.call('patients.update', { id: hans.id, patient: { ...fields, familyName: 'Müller-Lüdenscheidt' } })
    await desk.call('session.logout', {})
  } finally {
    core.close()
  }
  return dir
}

export function copyClinic(dir: string): string {
  const copy = tempDir('derm-consent-copy-')
  cpSync(dir, copy, { recursive: true })
  return copy
}

/** A raw connection on the clinic file, behind the app's back (no triggers of ours run, no audit). */
export function rawDb(dir: string): Database.Database {
  return new Database(join(dir, DB_FILE_NAME))
}

export function verifyDir(dir: string) {
  const { db, auditKey } = openForVerify(dir)
  try {
    return verifyClinicData({ db, auditKey, resourcesDir })
  } finally {
    db.close()
  }
}
