// A populated clinic on disk for the tamper, backup and hostile-input tests:
// the demo clinic, a clinician's login, a new patient and an edited one, all
// through the core's front door (Core.dispatch), then closed so the file is
// whole. `copyClinic` gives each test its own copy to damage.
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { seedDemo, DEMO_LOGINS } from '../../src/main/core/clinic/demo'
import { DB_FILE_NAME } from '../../src/main/core/db/open'
import { openForVerify, verifyClinicData } from '../../src/main/core/integrity/verify'
import { resourcesDir } from '../../src/main/core/paths'
import { Client, openCore, tempDir } from '../support/core'

export const CLINICIAN = DEMO_LOGINS.find((l) => l.role === 'clinician')!
export const ADMIN = DEMO_LOGINS.find((l) => l.role === 'admin')!
export const STAFF = DEMO_LOGINS.find((l) => l.role === 'staff')!

export async function populatedClinic(): Promise<string> {
  const dir = tempDir('derm-consent-clinic-')
  const core = openCore(dir)
  try {
    await seedDemo(core.ctx)
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
