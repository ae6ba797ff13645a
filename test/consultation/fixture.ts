// A clinic for consultation tests: an administrator, two clinicians, a staff
// member and patients, on a real Core in a temp directory, with a clock that
// moves forward a little on every reading (so every event has its own time)
// and can be set. Helpers drive a consultation through the API with the one driver
// (src/main/client/drive.ts), following its own `progress.current`.
import { Client, openCore, tempDir } from '../support/core'
import { type Core } from '../../src/main/core'
import { stepLabel, stepUntil } from '../../src/main/client/drive'
import { blankPngDataUrl, simpleSignatureStrokes } from '../../src/main/client/signature-drawing'
import type { ConsultationState, Stroke } from '../../src/shared/consultation'
import type { Patient } from '../../src/shared/domain'

export const PASSWORDS = {
  admin: 'admin password 1',
  beer: 'clinician password 1',
  other: 'clinician password 2',
  staff: 'staff password 1',
} as const

export class TestClock {
  private t: number
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.t = Date.parse(start)
  }
  /** How far each reading is after the one before; a test of a time window may stop the clock (0). */
  step = 50
  readonly now = (): Date => {
    this.t += this.step
    return new Date(this.t)
  }
  advance(ms: number): void {
    this.t += ms
  }
}

export interface Clinic {
  dir: string
  clock: TestClock
  core: Core
  admin: Client
  beer: Client
  other: Client
  staff: Client
  patient: Patient
  patient2: Patient
}

export async function openClinic(): Promise<Clinic> {
  const dir = tempDir('derm-consent-consultation-')
  const clock = new TestClock()
  const core = openCore(dir, clock.now)
  const admin = new Client(core)
  await admin.call('setup.createClinic', {
    clinic: { name: 'Harbour Skin Clinic', address: '1 Quay Road\nPortsmouth' },
    admin: { username: 'admin', displayName: 'Ada Admin', password: PASSWORDS.admin },
  })
  await admin.call('users.create', { username: 'vbeer', displayName: 'Dr. Victor Beer', role: 'clinician', password: PASSWORDS.beer })
  await admin.call('users.create', { username: 'other', displayName: 'Dr. Olive Other', role: 'clinician', password: PASSWORDS.other })
  await admin.call('users.create', { username: 'staff', displayName: 'Sam Staff', role: 'staff', password: PASSWORDS.staff })
  const beer = new Client(core)
  await beer.call('session.login', { username: 'vbeer', password: PASSWORDS.beer })
  const other = new Client(core)
  await other.call('session.login', { username: 'other', password: PASSWORDS.other })
  const staff = new Client(core)
  await staff.call('session.login', { username: 'staff', password: PASSWORDS.staff })
  const patient = await beer.call('patients.create', {
    givenName: 'Zoë',
    familyName: 'Ñúñez-Øberg',
    dateOfBirth: '1986-04-12',
    recordNumber: 'MRN-1001',
  })
  const patient2 = await beer.call('patients.create', { givenName: 'Hans', familyName: 'Müller', dateOfBirth: '1968-07-19', recordNumber: 'MRN-1004' })
  return { dir, clock, core, admin, beer, other, staff, patient, patient2 }
}

// ---- Signatures ----

/** A signature-like drawing: `strokes` loops of `points` points across ~240 x 80 px. */
export function drawnSignature(strokes = 2, points = 25): Stroke[] {
  return simpleSignatureStrokes(strokes, points)
}

/** A real (white, greyscale) PNG as a data URL, like the signature pad's toDataURL(). */
export function pngDataUrl(width = 300, height = 100): string {
  return blankPngDataUrl(width, height)
}

// ---- Driving a consultation ----

export const GOOD_PLAN = {
  productId: 'onabotulinumtoxina',
  lotNumber: 'C3709C3',
  expiryDate: '2027-01-31',
  dilution: { vialUnits: 100, diluentMl: 2.5 },
  sites: [
    { site: 'procerus', units: 4 },
    { site: 'left corrugator, medial', units: 4 },
    { site: 'left corrugator, lateral', units: 4 },
    { site: 'right corrugator, medial', units: 4 },
    { site: 'right corrugator, lateral', units: 4.5 },
  ],
}

/** The next step's name and its target, for assertions. */
export const current = stepLabel

/**
 * Takes the clinician's steps in the order `progress.current` asks for them,
 * answering every screening question "no" unless `answers` says otherwise,
 * until the next step is handing the screen to the patient (or a block, or a
 * caution `answers` gives no decision for).
 */
export async function clinicianPhase(
  c: Client,
  state: ConsultationState,
  answers: Record<string, { answer: 'yes' | 'no'; details?: string; decide?: string }> = {},
  opts: { stopAt?: string } = {},
): Promise<ConsultationState> {
  const decisions = Object.entries(answers).flatMap(([questionId, a]) => (a.decide ? [[questionId, a.decide] as const] : []))
  return stepUntil(c, state, {
    screening: (q) => answers[q.id] ?? { answer: 'no' },
    caution: Object.fromEntries(decisions),
    undecidedCaution: 'stop',
    expectations: { goals: 'I look angry in photos; I would like softer frown lines.', areaIds: ['frown-lines'], otherAreas: '', timelineAcknowledged: true },
    plan: GOOD_PLAN,
    until: (s) => {
      const step = s.progress.current
      return !step || step.phase !== 'clinician' || step.step === 'enter_patient_mode' || (!!opts.stopAt && current(s) === opts.stopAt)
    },
  })
}

/** The patient's acknowledgments (each section shown again first) and correct comprehension answers, following `progress.current`. */
export async function patientPhase(c: Client, state: ConsultationState, opts: { stopAt?: string } = {}): Promise<ConsultationState> {
  return stepUntil(c, state, {
    initials: 'Z.Ñ.',
    showAgainBeforeAcknowledging: true,
    until: (s) => {
      const step = s.progress.current
      return !step || (!!opts.stopAt && current(s) === opts.stopAt) || (step.step !== 'acknowledge_section' && step.step !== 'answer_comprehension')
    },
  })
}
