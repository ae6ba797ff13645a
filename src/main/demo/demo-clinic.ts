// The demo clinic: a clinician, an administrator, a staff member and a dozen
// patients whose names exercise accents and non-Latin scripts. Used by the
// setup screen's "Load the demo" and by `cli seed-demo`.
import type { PatientFields } from '../../shared/contract/patients'
import { recordAudit } from '../core/audit/chain'
import { inTransaction, SYSTEM_ACTOR, type CoreContext } from '../core/context'
import { createPatient } from '../core/patients/patients'
import { createUser } from '../core/users/users'
import { seedDemoConsent } from './demo-consent'
import type { Core } from '../core/core'
import { assertNeedsSetup } from '../core/setup/setup'
import { writeSettingsRows, DEFAULT_IDLE_LOCK_MINUTES } from '../core/settings/settings'

export const DEMO_LOGINS = [
  { username: 'vbeer', password: 'clinician-demo-2026', role: 'clinician', displayName: 'Dr. Victor Beer, dermatologist' },
  { username: 'admin', password: 'admin-demo-2026', role: 'admin', displayName: 'Alex Morgan (administrator)' },
  { username: 'sam', password: 'staff-demo-2026', role: 'staff', displayName: 'Sam Reyes (front desk)' },
] as const

export const DEMO_CLINIC = {
  name: 'Lakeside Dermatology (demo)',
  address: '12 Harbour Street\nSpringfield 40210',
}

export const DEMO_PATIENTS: PatientFields[] = [
  { givenName: 'Zoë', familyName: 'Ñúñez-Øberg', dateOfBirth: '1986-04-12', recordNumber: 'MRN-1001', phone: '+1 555 0101', email: 'zoe.nunez@example.org' },
  { givenName: 'Ольга', familyName: 'Иванова', dateOfBirth: '1979-11-03', recordNumber: 'MRN-1002', phone: '+7 495 555 0102', email: '' },
  { givenName: 'Ελένη', familyName: 'Παπαδοπούλου', dateOfBirth: '1990-02-27', recordNumber: 'MRN-1003', phone: '+30 21 5550 0103', email: 'eleni.p@example.org' },
  { givenName: 'Hans', familyName: 'Müller', dateOfBirth: '1968-07-19', recordNumber: 'MRN-1004', phone: '+49 30 5550104', email: 'hans.mueller@example.org' },
  { givenName: 'Siobhán', familyName: "O'Connor", dateOfBirth: '1993-09-08', recordNumber: 'MRN-1005', phone: '', email: 'siobhan@example.org' },
  { givenName: 'Thị Lan', familyName: 'Nguyễn', dateOfBirth: '1988-01-30', recordNumber: 'MRN-1006', phone: '+84 28 5550 0106', email: '' },
  { givenName: 'Kwame', familyName: 'Mensah', dateOfBirth: '1975-05-14', recordNumber: 'MRN-1007', phone: '+233 30 555 0107', email: 'kwame.mensah@example.org' },
  { givenName: 'Priya', familyName: 'Raghunathan', dateOfBirth: '1984-12-02', recordNumber: 'MRN-1008', phone: '', email: 'priya.r@example.org' },
  { givenName: 'José', familyName: 'García Pérez', dateOfBirth: '1971-03-23', recordNumber: 'MRN-1009', phone: '+34 91 555 0109', email: '' },
  { givenName: 'Aiko', familyName: 'Tanaka', dateOfBirth: '1995-06-06', recordNumber: 'MRN-1010', phone: '+81 3 5550 0110', email: 'aiko.tanaka@example.org' },
  { givenName: 'Małgorzata', familyName: 'Wiśniewska', dateOfBirth: '1982-10-17', recordNumber: 'MRN-1011', phone: '', email: '' },
  { givenName: 'Björn', familyName: 'Sørensen', dateOfBirth: '1966-08-29', recordNumber: 'MRN-1012', phone: '+45 33 55 01 12', email: 'bjorn@example.org' },
]

/** With `core`, the demo also gets one fully signed-off consultation (and its signed consent PDF). */
export async function seedDemo(ctx: CoreContext, core?: Core): Promise<typeof DEMO_LOGINS> {
  assertNeedsSetup(ctx)
  inTransaction(ctx, () => {
    writeSettingsRows(ctx, { clinic: DEMO_CLINIC, idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES })
    recordAudit(ctx, SYSTEM_ACTOR, { action: 'clinic.setup', entityType: 'settings', detail: { clinic: DEMO_CLINIC, demo: true } })
  })
  for (const u of DEMO_LOGINS) await createUser(ctx, SYSTEM_ACTOR, { username: u.username, password: u.password, role: u.role, displayName: u.displayName })
  for (const p of DEMO_PATIENTS) createPatient(ctx, SYSTEM_ACTOR, p)
  if (core) await seedDemoConsent(core, { recordNumber: 'MRN-1001', clinician: DEMO_LOGINS[0], witnessName: 'Sam Reyes' })
  return DEMO_LOGINS
}
