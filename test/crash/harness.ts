// Kill-at-random harness shared by the crash test (50+ kills) and
// scripts/crash-stress.ts (1000). Each round starts the worker on the same
// data folder, lets it work for a random time (sometimes killing it while it
// is still opening the database or logging in), SIGKILLs it, then checks the
// file as the next launch would find it.
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { loadDemoClinic, DEMO_LOGINS } from '../../src/main/demo/demo-clinic'
import { DB_FILE_NAME, resourcesDir, Core } from '../../src/main/core'
import { openForVerify, verifyClinicData, getState } from '../../src/main/core/testing'

const ROOT = resolve(import.meta.dirname, '..', '..')
const WORKER = join(ROOT, 'test', 'crash', 'worker.ts')
const CLINICIAN = DEMO_LOGINS.find((l) => l.role === 'clinician')!

export type Ack = PatientAck | ConsultationAck

export interface ConsultationAck {
  kind: 'consultation.step' | 'consultation.resumed'
  /** The call that returned (steps only). */
  call?: string
  consultationId: number
  /** Events the consultation had when the call returned. */
  events: number
  status: string
}

export interface PatientAck {
  kind: 'patient.create' | 'patient.update'
  id: number
  recordNumber: string
  familyName: string
  /** A value the script's next write sets, which may have committed unacknowledged. */
  laterMaybe: string | null
}

export interface RoundResult {
  round: number
  acks: number
  killedAfterMs: number
  killedBeforeReady: boolean
  /** How long the checks after the kill took. */
  checkMs: number
}

export async function prepareClinic(dataDir: string): Promise<void> {
  const core = Core.open({ dataDir, resourcesDir })
  try {
    await loadDemoClinic(core, { withConsent: false })
  } finally {
    core.close()
  }
}

/** A seeded random source, so a failing run can be repeated with the same kill moments. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
}

/** One launch of the worker, killed at a random moment. Resolves with the lines it acknowledged. */
/**
 * When to kill: `random` (most rounds), `duringSignOff` (a random moment after
 * the patient hands the screen back, i.e. while the clinician signs off and the
 * PDF is made and stored) or `afterSignOff` (right after a sign-off returned).
 */
export type KillMoment = 'random' | 'duringSignOff' | 'afterSignOff'

const SIGN_OFF_WAIT_MS = 60_000

export async function runAndKill(
  dataDir: string,
  runId: string,
  random: () => number,
  moment: KillMoment = 'random',
): Promise<{ acks: Ack[]; killedAfterMs: number; killedBeforeReady: boolean; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, runId, CLINICIAN.username, CLINICIAN.password], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let stderr = ''
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  // One launch in eight dies before it is ready (opening the file, logging in).
  const early = random() < 0.125
  const ready = new Promise<void>((r) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString()
      if (out.includes('READY\n')) r()
    })
  })
  const t0 = Date.now()
  const seen = (marker: string) =>
    new Promise<void>((r) => {
      const timer = setTimeout(r, SIGN_OFF_WAIT_MS)
      const look = () => {
        if (out.includes(marker)) {
          clearTimeout(timer)
          r()
        }
      }
      child.stdout.on('data', look)
      look()
    })
  if (moment === 'afterSignOff') await Promise.race([seen('"status":"signed_off"'), exited])
  else if (moment === 'duringSignOff') {
    await Promise.race([seen('"call":"consultation.exitPatientMode"'), exited])
    await new Promise((r) => setTimeout(r, random() * 1500))
  } else if (early) await Promise.race([new Promise((r) => setTimeout(r, random() * 600)), ready, exited])
  else {
    await Promise.race([ready, exited])
    // Short lives: most land between two steps or inside one (sign-off has rounds of its own).
    await new Promise((r) => setTimeout(r, 5 + random() * 250))
  }
  const killedBeforeReady = !out.includes('READY\n')
  child.kill('SIGKILL')
  await exited
  const acks = out
    .split('\n')
    .filter((l) => l.startsWith('ACK '))
    .map((l) => JSON.parse(l.slice(4)) as Ack)
  return { acks, killedAfterMs: Date.now() - t0, killedBeforeReady, stderr }
}

/**
 * What must hold after a kill: the file is intact, every acknowledged write is
 * there with the value acknowledged, and verify passes. Throws naming what failed.
 */
export interface Acked {
  patients: Map<string, PatientAck>
  consultations: Map<number, ConsultationAck>
}

export function checkAfterKill(dataDir: string, acked: Acked): void {
  const db = new Database(join(dataDir, DB_FILE_NAME), { fileMustExist: true })
  try {
    const ic = db.pragma('integrity_check', { simple: true })
    if (ic !== 'ok') throw new Error(`integrity_check after the kill: ${String(ic)}`)
    const get = db.prepare('SELECT id, family_name FROM patients WHERE record_number = ?')
    for (const a of acked.patients.values()) {
      const row = get.get(a.recordNumber) as { id: number; family_name: string } | undefined
      if (!row) throw new Error(`acknowledged ${a.kind} of ${a.recordNumber} is missing after the kill`)
      if (row.id !== a.id || (row.family_name !== a.familyName && row.family_name !== a.laterMaybe))
        throw new Error(`acknowledged ${a.kind} of ${a.recordNumber} reads back as ${JSON.stringify(row)}`)
    }
    const events = db.prepare('SELECT count(*) AS n FROM consultation_events WHERE consultation_id = ?')
    const status = db.prepare('SELECT status FROM consultations WHERE id = ?')
    for (const a of acked.consultations.values()) {
      const n = (events.get(a.consultationId) as { n: number }).n
      if (n < a.events) throw new Error(`consultation ${a.consultationId}: ${a.events} events were acknowledged, only ${n} are on disk`)
      const s = (status.get(a.consultationId) as { status: string } | undefined)?.status
      if (a.status !== 'in_progress' && s !== a.status) throw new Error(`consultation ${a.consultationId} was acknowledged ${a.status} but reads ${s}`)
    }
    // Nothing half-written: a signed-off consultation has its clinician's signature, its record
    // hash and exactly one consent document; one still in progress has none of them.
    const halfWritten = db
      .prepare(
        `SELECT c.id, c.status,
           (SELECT count(*) FROM consultation_signatures s WHERE s.consultation_id = c.id AND s.role = 'clinician') AS clinician_signatures,
           (SELECT count(*) FROM consent_documents d WHERE d.consultation_id = c.id AND d.kind IN ('consent', 'paper_consent')) AS documents,
           c.record_sha256 IS NOT NULL AS sealed
         FROM consultations c
         WHERE NOT ((c.status = 'signed_off' AND clinician_signatures = 1 AND documents = 1 AND sealed)
                 OR (c.status = 'in_progress' AND clinician_signatures = 0 AND documents = 0 AND NOT sealed))`,
      )
      .all()
    if (halfWritten.length > 0) throw new Error(`half-written consultation: ${JSON.stringify(halfWritten[0])}`)
  } finally {
    db.close()
  }
  // The open consultation resumes: the core rebuilds its state and names its next step.
  const core = Core.open({ dataDir, resourcesDir })
  try {
    for (const { id } of core.ctx.db.prepare("SELECT id FROM consultations WHERE status = 'in_progress'").all() as { id: number }[]) {
      const state = getState(core.ctx, id, false)
      if (!state.progress.current) throw new Error(`consultation ${id} is in progress but has no next step to resume at`)
    }
  } finally {
    core.close()
  }
  const v = openForVerify(dataDir)
  try {
    const report = verifyClinicData({ db: v.db, auditKey: v.auditKey, resourcesDir })
    if (!report.ok) throw new Error(`verify after the kill: ${report.summary}`)
  } finally {
    v.db.close()
  }
}

export async function crashRounds(
  dataDir: string,
  rounds: number,
  seed: number,
  onRound?: (r: RoundResult) => void,
): Promise<{ acks: number; signedOff: number; rounds: RoundResult[] }> {
  const random = rng(seed)
  const acked: Acked = { patients: new Map(), consultations: new Map() }
  let total = 0
  const results: RoundResult[] = []
  for (let round = 1; round <= rounds; round++) {
    // Rounds 2, 27, 52... kill right after a sign-off returned; rounds 7, 17, 27... during one
    // (checking the password, unlocking the signing key, making and storing the PDF take 1-2 s).
    const moment: KillMoment = round % 25 === 2 ? 'afterSignOff' : round % 10 === 7 ? 'duringSignOff' : 'random'
    const r = await runAndKill(dataDir, `${seed}-${round}`, random, moment)
    if (r.stderr.trim()) throw new Error(`round ${round}: the worker reported an error before it was killed: ${r.stderr.trim()}`)
    for (const a of r.acks) {
      total++
      if ('recordNumber' in a) acked.patients.set(a.recordNumber, a)
      else acked.consultations.set(a.consultationId, a)
    }
    const t = Date.now()
    try {
      checkAfterKill(dataDir, acked)
    } catch (e) {
      throw new Error(`round ${round} (seed ${seed}, killed after ${r.killedAfterMs} ms): ${(e as Error).message}`)
    }
    const res = { round, acks: r.acks.length, killedAfterMs: r.killedAfterMs, killedBeforeReady: r.killedBeforeReady, checkMs: Date.now() - t }
    results.push(res)
    onRound?.(res)
  }
  const signedOff = [...acked.consultations.values()].filter((a) => a.status === 'signed_off').length
  return { acks: total, signedOff, rounds: results }
}
