// The clinic-sized data generator behind `npm run cli -- seed`: a new clinic
// with its staff, N patients registered over seven years, M consultations
// (signed off, not treated, withdrawn, still in progress) with their events,
// signatures and stored PDFs, and the audit trail of all of it.
//
// Deterministic: the same seed, patient count and consultation count give the
// same records (names, dates, events, strokes). What cannot be the same is
// what must be random in a real clinic: password hashes, the audit key (so
// the audit hashes), signing keys and the signatures' CMS.
//
// How it stays fast and still real: the few setup steps (clinic, users,
// signing credentials, template consultations and their signed PDFs) are the
// app's own calls, made through the in-process client with a simulated clock.
// The bulk (patients, consultations) goes through the core's bulk writer
// (`core.commandLine.bulkRecords()`): the app's own store functions, in large
// transactions, at the times the generator gives, with the audit rows chained
// in the same pass, so the result passes `verify`. The generator uses the core
// only through its door (`../core`); it has no SQL of its own.
import { AppError } from '../../shared/errors'
import type { PatientFields } from '../../shared/contract/patients'
import { Client } from '../client/client'
import { Core, type Actor } from '../core'
import { ConsultationSeeder, type ConsultationCounts } from './consultations'
import { generateContactChange, generatePatient, type GeneratedPatient } from './patients'
import { Prng } from './prng'
import { StepQueue } from './scheduler'
import { Timeline } from './timeline'

export interface SeedOptions {
  dataDir: string
  resourcesDir: string
  patients: number
  consultations: number
  seed: string
  log?: (line: string) => void
}

export interface SeedLogin {
  username: string
  password: string
  role: 'admin' | 'clinician' | 'staff'
  displayName: string
}

export interface SeedReport {
  patients: number
  patientEdits: number
  consultations: ConsultationCounts
  auditRows: number
  seconds: number
  logins: SeedLogin[]
  notes: string[]
}

export const SEED_CLINIC = { name: 'Harbourview Skin Clinic (generated data)', address: '400 Quay Road\nPort Amsel 10115' }

/** Fixed, printed passwords: this is test and benchmark data, never a real clinic. */
export const SEED_LOGINS: readonly SeedLogin[] = [
  { username: 'admin', password: 'seed-admin-2026', role: 'admin', displayName: 'Robin Hale (administrator)' },
  { username: 'mlindqvist', password: 'seed-clinician-2026', role: 'clinician', displayName: 'Dr. Maja Lindqvist' },
  { username: 'aokafor', password: 'seed-clinician-2026', role: 'clinician', displayName: 'Dr. Adaeze Okafor' },
  { username: 'jmoreau', password: 'seed-clinician-2026', role: 'clinician', displayName: 'Dr. Jérôme Moreau' },
  { username: 'desk1', password: 'seed-staff-2026', role: 'staff', displayName: 'Ines Duarte (front desk)' },
  { username: 'desk2', password: 'seed-staff-2026', role: 'staff', displayName: 'Tomasz Wiśniewski (front desk)' },
]

/** Items written per transaction (the bulk writer commits every BATCH items). */
const BATCH = 4000
/** Share of patients whose phone or e-mail the front desk later changes. */
const EDIT_SHARE = 0.05

/** A settable clock: the core's services run "at" simulated times. */
class SeedClock {
  current: Date
  ticking: Prng | null = null
  constructor(start: Date) {
    this.current = start
  }
  readonly now = (): Date => {
    const d = new Date(this.current)
    if (this.ticking) this.advance(this.ticking.int(1500, 12_000))
    return d
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}

type Kind = 'patient' | 'edit' | 'consultation'

export async function seedClinicData(opts: SeedOptions): Promise<SeedReport> {
  const t0 = performance.now()
  const log = opts.log ?? (() => {})
  for (const [name, v] of [
    ['patients', opts.patients],
    ['consultations', opts.consultations],
  ] as const)
    if (!Number.isSafeInteger(v) || v < 0) throw new AppError('validation', `The number of ${name} must be a whole number of zero or more.`)
  if (opts.consultations > 0 && opts.patients === 0) throw new AppError('validation', 'Consultations need at least one patient.')

  const timeline = new Timeline()
  const clock = new SeedClock(timeline.start)
  const core = Core.open({ dataDir: opts.dataDir, resourcesDir: opts.resourcesDir, now: clock.now })
  try {
    const desk = new Client(core)
    if (!(await desk.call('setup.status', {})).needsSetup)
      throw new AppError('setup_done', `${opts.dataDir} already holds a clinic. The generator only fills a new, empty data folder.`)
    const root = new Prng(`derm-consent seed ${opts.seed}`)
    const kindsRng = root.fork('kinds')
    const patientRng = root.fork('patients')
    const editRng = root.fork('edits')
    const pickRng = root.fork('picks')

    // ---- Setup through the app's own calls ----
    log('Creating the clinic and its users (password hashing takes a few seconds)...')
    const [admin, ...others] = SEED_LOGINS
    // The setup screen's call: the clinic and its administrator, who is then logged in and adds the staff.
    await desk.call('setup.createClinic', { clinic: SEED_CLINIC, admin: { username: admin!.username, displayName: admin!.displayName, password: admin!.password } })
    const actors = new Map<string, Actor>()
    try {
      for (const u of others) {
        clock.advance(4 * 60_000)
        const s = await desk.call('users.create', { username: u.username, password: u.password, role: u.role, displayName: u.displayName })
        actors.set(u.username, { id: s.id, name: s.displayName, role: s.role })
      }
    } finally {
      desk.end()
    }
    const staff = SEED_LOGINS.filter((u) => u.role === 'staff')
    const staffActors = staff.map((u) => actors.get(u.username)!)

    const writer = core.commandLine.bulkRecords(BATCH)
    const consultations = new ConsultationSeeder(core, writer, {
      clock,
      rng: root.fork('consultations'),
      clinicians: SEED_LOGINS.filter((u) => u.role === 'clinician').map((u) => ({ actor: actors.get(u.username)!, username: u.username, password: u.password })),
      total: opts.consultations,
      log,
    })
    // The template consultations' patients are registered through the front desk's own call.
    const patients: GeneratedPatient[] = []
    const templatePatients: { id: number; fields: PatientFields }[] = []
    for (let i = 0; i < Math.min(consultations.templateCount, opts.patients); i++) {
      clock.advance(patientRng.int(5, 40) * 60_000)
      const p = generatePatient(patientRng, patients.length + 1, clock.current)
      patients.push(p)
      const front = Client.as(core, pickRng.pick(staff).username)
      try {
        const created = await front.call('patients.create', p.fields)
        templatePatients.push({ id: created.id, fields: p.fields })
      } finally {
        front.end()
      }
    }
    if (templatePatients.length > 0) await consultations.prepare(templatePatients)

    // ---- The bulk, through the core's bulk writer ----
    const edits = Math.round(opts.patients * EDIT_SHARE)
    const remaining: Record<Kind, number> = {
      patient: opts.patients - patients.length,
      edit: edits,
      consultation: opts.consultations - consultations.counts.realRuns,
    }
    const total = remaining.patient + remaining.edit + remaining.consultation
    const edited = new Set<number>()
    let editsWritten = 0
    const startFraction = Math.max(0.002, (clock.current.getTime() - timeline.start.getTime() + 86_400_000) / (timeline.end.getTime() - timeline.start.getTime()))
    const queue = new StepQueue()
    const drainUntil = (t: number) => {
      while (queue.size > 0 && queue.peekAt() <= t) {
        const step = queue.pop()!
        step.run(new Date(step.at))
        writer.tick()
      }
    }
    let lastLog = performance.now()
    log(`Writing ${opts.patients.toLocaleString('en')} patients and ${opts.consultations.toLocaleString('en')} consultations...`)
    writer.begin()
    try {
      for (let done = 0; done < total; done++) {
        const at = timeline.at(startFraction + ((1 - startFraction) * (done + kindsRng.next())) / total)
        drainUntil(at.getTime())
        const kind = nextKind(kindsRng, remaining, patients.length)
        remaining[kind]--
        if (kind === 'patient') {
          const p = generatePatient(patientRng, patients.length + 1, at)
          patients.push(p)
          const id = writer.registerPatient(pickRng.pick(staffActors), p.fields, at.toISOString())
          if (id !== patients.length) throw new AppError('internal', `Patient ${patients.length} was stored as ${id}: the data folder was not empty.`)
        } else if (kind === 'edit') {
          const id = pickPatient(pickRng, patients.length, edited)
          edited.add(id)
          const p = patients[id - 1]!
          const change = generateContactChange(editRng, p, id)
          const after = { ...p.fields, ...change }
          if (writer.updatePatient(pickRng.pick(staffActors), id, p.fields, after, at.toISOString())) editsWritten++
          p.fields = after
        } else {
          const id = pickPatient(pickRng, patients.length, null)
          for (const step of consultations.plan(id, patients[id - 1]!.fields, at)) queue.push(step)
        }
        writer.tick()
        if (performance.now() - lastLog > 5000) {
          lastLog = performance.now()
          log(`  ${Math.round((100 * done) / total)}% (${Math.round((performance.now() - t0) / 1000)} s)`)
        }
      }
      drainUntil(Infinity)
      writer.commit()
    } catch (e) {
      writer.rollback()
      throw e
    }
    writer.checkpoint()
    return {
      patients: patients.length,
      patientEdits: editsWritten,
      consultations: consultations.counts,
      auditRows: writer.totals().auditRows,
      seconds: (performance.now() - t0) / 1000,
      logins: [...SEED_LOGINS],
      notes: consultations.notes,
    }
  } finally {
    core.close()
  }
}

/** Chooses what happens next, in proportion to what is left to write; edits and consultations need a patient first. */
function nextKind(rng: Prng, left: Record<Kind, number>, registered: number): Kind {
  if (registered === 0) return 'patient'
  const editable = left.edit > 0 && registered > 1 ? left.edit : 0
  const r = rng.next() * (left.patient + editable + left.consultation)
  if (r < left.patient) return 'patient'
  if (r < left.patient + editable) return 'edit'
  return left.consultation > 0 ? 'consultation' : left.patient > 0 ? 'patient' : 'edit'
}

/** Mostly someone registered recently (first visits follow registration), otherwise any returning patient. */
function pickPatient(rng: Prng, registered: number, avoid: Set<number> | null): number {
  for (let tries = 0; tries < 8; tries++) {
    const id = rng.chance(0.45) ? Math.max(1, registered - rng.int(0, 150)) : rng.int(1, registered)
    if (!avoid?.has(id)) return id
  }
  return rng.int(1, registered)
}
