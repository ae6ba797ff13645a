// A clinic for consultation tests: an administrator, two clinicians, a staff
// member and patients, on a real Core in a temp directory, with a clock that
// moves forward a little on every reading (so every event has its own time)
// and can be set. Helpers drive a consultation through the API by following
// its own `progress.current`, as the screens do.
import { deflateSync } from 'node:zlib'
import { Client, openCore, tempDir } from '../support/core'
import type { Core } from '../../src/main/core'
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
  /** Each reading is 50 ms after the one before. */
  readonly now = (): Date => {
    this.t += 50
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
  return Array.from({ length: strokes }, (_, s) =>
    Array.from({ length: points }, (_, i) => ({
      x: 20 + s * 120 + i * 4,
      y: 60 + Math.round(30 * Math.sin(i / 3)),
      t: s * 800 + i * 16,
      pressure: 0.5,
    })),
  )
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

/** A real (white, greyscale) PNG as a data URL, like the signature pad's toDataURL(). */
export function pngDataUrl(width = 300, height = 100): string {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0xff)
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0 // filter type per row
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return `data:image/png;base64,${png.toString('base64')}`
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
export function current(s: ConsultationState): string {
  const c = s.progress.current
  if (!c) return 'none'
  return 'sectionId' in c ? `${c.step}:${c.sectionId}` : 'questionId' in c ? `${c.step}:${c.questionId}` : c.step
}

/**
 * Takes the clinician's steps in the order `progress.current` asks for them,
 * answering every screening question "no" unless `answers` says otherwise,
 * until the next step is handing the screen to the patient.
 */
export async function clinicianPhase(
  c: Client,
  state: ConsultationState,
  answers: Record<string, { answer: 'yes' | 'no'; details?: string; decide?: string }> = {},
  opts: { stopAt?: string } = {},
): Promise<ConsultationState> {
  let s = state
  const id = s.id
  const shown = new Set(s.sections.filter((x) => x.firstShownAt).map((x) => x.sectionId))
  const show = async (sectionId: string) => {
    if (!shown.has(sectionId)) {
      s = await c.call('consultation.markSectionShown', { consultationId: id, sectionId })
      shown.add(sectionId)
    }
  }
  const screeningId = s.script.content.sections.find((x) => x.kind === 'screening')!.id
  for (let guard = 0; guard < 200; guard++) {
    const step = s.progress.current
    if (!step || step.phase !== 'clinician' || step.step === 'enter_patient_mode') return s
    if (opts.stopAt && current(s) === opts.stopAt) return s
    switch (step.step) {
      case 'discuss_section':
        await show(step.sectionId)
        s = await c.call('consultation.markSectionDiscussed', { consultationId: id, sectionId: step.sectionId })
        break
      case 'answer_screening': {
        await show(screeningId)
        const a = answers[step.questionId] ?? { answer: 'no' }
        s = await c.call('consultation.recordScreeningAnswer', { consultationId: id, questionId: step.questionId, answer: a.answer, details: a.details ?? '' })
        break
      }
      case 'decide_caution': {
        const a = answers[step.questionId]
        if (!a?.decide) return s
        s = await c.call('consultation.recordCautionDecision', { consultationId: id, questionId: step.questionId, optionId: a.decide, note: 'Discussed with the patient.' })
        break
      }
      case 'offer_medication_guide':
        await show(step.sectionId)
        s = await c.call('consultation.recordMedicationGuideOffer', { consultationId: id, accepted: true })
        break
      case 'save_expectations':
        await show(step.sectionId)
        s = await c.call('consultation.saveExpectations', {
          consultationId: id,
          goals: 'I look angry in photos; I would like softer frown lines.',
          areaIds: ['frown-lines'],
          otherAreas: '',
          timelineAcknowledged: true,
        })
        break
      case 'save_treatment_plan':
        await show(step.sectionId)
        s = await c.call('consultation.saveTreatmentPlan', { consultationId: id, ...GOOD_PLAN })
        break
      default:
        throw new Error(`unexpected clinician step ${current(s)}`)
    }
    if (s.blocks.length > 0) return s
  }
  throw new Error('clinician phase did not finish')
}

/** The patient's acknowledgments and correct comprehension answers, following `progress.current`. */
export async function patientPhase(c: Client, state: ConsultationState, opts: { stopAt?: string } = {}): Promise<ConsultationState> {
  let s = state
  const id = s.id
  const questions = s.script.content.sections.flatMap((x) => (x.kind === 'comprehension' ? x.questions : []))
  for (let guard = 0; guard < 100; guard++) {
    const step = s.progress.current
    if (!step || (opts.stopAt && current(s) === opts.stopAt)) return s
    if (step.step === 'acknowledge_section') {
      s = await c.call('consultation.markSectionShown', { consultationId: id, sectionId: step.sectionId })
      s = await c.call('consultation.acknowledgeSection', { consultationId: id, sectionId: step.sectionId, initials: 'Z.Ñ.' })
    } else if (step.step === 'answer_comprehension') {
      const q = questions.find((x) => x.id === step.questionId)!
      s = (await c.call('consultation.answerComprehension', { consultationId: id, questionId: q.id, optionId: q.correctOptionId })).state
    } else return s
  }
  throw new Error('patient phase did not finish')
}
