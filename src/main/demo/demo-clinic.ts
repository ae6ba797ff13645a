// The demo clinic: a clinician, an administrator, a staff member and a dozen
// patients whose names exercise accents and non-Latin scripts. Used by the
// setup screen's "Load the demo" and by `cli seed-demo`.
import type { PatientFields } from '../../shared/contract/patients'
import { DEFAULT_IDLE_LOCK_MINUTES, type Core } from '../core'
import { seedDemoConsent } from './demo-consent'

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

/**
 * The demo clinic, set up through the core's door: its settings, users and
 * patients as the command line, then one fully signed-off consultation (and
 * its signed consent PDF) run by the demo clinician through the app's calls.
 * `withConsent: false` leaves the consultation out (tests that make their own).
 * Hosts hand this to `Core.open({ demo })` for the setup screen's "Load the demo".
 */
export async function loadDemoClinic(core: Core, opts: { withConsent?: boolean } = {}): Promise<typeof DEMO_LOGINS> {
  await core.commandLine.setUpClinic({
    settings: { clinic: DEMO_CLINIC, idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES },
    setupDetail: { demo: true },
    users: DEMO_LOGINS,
    patients: DEMO_PATIENTS,
  })
  if (opts.withConsent !== false) await seedDemoConsent(core, { recordNumber: 'MRN-1001', clinician: DEMO_LOGINS[0], witnessName: 'Sam Reyes' })
  return DEMO_LOGINS
}
