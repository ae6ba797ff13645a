// Killing the host mid-consultation loses nothing that was acknowledged: a
// worker drives consultations forward and is SIGKILLed at random moments;
// after each kill the file holds every event the worker saw committed, the
// audit chain is whole, and the next launch resumes where the last one was.
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Core, verifyAuditChain, resourcesDir } from '../../src/main/core'
import { Client, tempDir } from '../support/core'
import { PASSWORDS } from './fixture'

const ROOT = resolve(import.meta.dirname, '..', '..')
const WORKER = join(ROOT, 'test', 'consultation', 'kill-worker.ts')
const ROUNDS = 4

let dir: string
let patientId: number

beforeAll(async () => {
  dir = tempDir('derm-consent-kill-')
  const core = Core.open({ dataDir: dir, resourcesDir })
  try {
    const admin = new Client(core)
    await admin.call('setup.createClinic', {
      clinic: { name: 'Harbour Skin Clinic', address: '1 Quay Road' },
      admin: { username: 'admin', displayName: 'Ada Admin', password: PASSWORDS.admin },
    })
    await admin.call('users.create', { username: 'vbeer', displayName: 'Dr. Victor Beer', role: 'clinician', password: PASSWORDS.beer })
    const beer = new Client(core)
    await beer.call('session.login', { username: 'vbeer', password: PASSWORDS.beer })
    patientId = (await beer.call('patients.create', { givenName: 'Zoë', familyName: 'Ñúñez-Øberg', dateOfBirth: '1986-04-12', recordNumber: 'MRN-1001' })).id
  } finally {
    core.close()
  }
})

interface AckLine {
  call: string
  consultationId: number
  lastEventId: number
  status: string
}

async function runAndKill(afterReadyMs: number): Promise<{ acks: AckLine[]; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dir, String(patientId)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let stderr = ''
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  await new Promise<void>((r) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString()
      if (out.includes('READY\n')) r()
    })
    void exited.then(() => r())
  })
  await new Promise((r) => setTimeout(r, afterReadyMs))
  child.kill('SIGKILL')
  await exited
  const acks = out
    .split('\n')
    .filter((l) => l.startsWith('ACK '))
    .map((l) => JSON.parse(l.slice(4)) as AckLine)
  return { acks, stderr }
}

describe('the host killed mid-consultation', () => {
  let lastSeen = 0
  afterAll(() => expect(lastSeen).toBeGreaterThan(0))

  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: everything acknowledged is on disk and the consultation resumes`, async () => {
      const { acks, stderr } = await runAndKill(150 + round * 170)
      expect(stderr).toBe('')
      const core = Core.open({ dataDir: dir, resourcesDir })
      try {
        expect(verifyAuditChain(core.ctx.db, core.ctx.auditKey).ok).toBe(true)
        for (const a of acks) {
          const e = core.ctx.db.prepare('SELECT consultation_id FROM consultation_events WHERE id = ?').get(a.lastEventId) as { consultation_id: number } | undefined
          expect(e?.consultation_id, `${a.call} acknowledged event ${a.lastEventId}`).toBe(a.consultationId)
          if (a.status === 'signed_off') {
            const row = core.ctx.db.prepare('SELECT status FROM consultations WHERE id = ?').get(a.consultationId) as { status: string }
            expect(row.status).toBe('signed_off')
          }
          lastSeen = Math.max(lastSeen, a.lastEventId)
        }
        // Reopened, a clinician sees at most one consultation in progress, with its next step.
        const c = new Client(core)
        await c.call('session.login', { username: 'vbeer', password: PASSWORDS.beer })
        const open = await c.call('consultation.listInProgress', {})
        expect(open.length).toBeLessThanOrEqual(1)
        if (open[0]) expect((await c.call('consultation.get', { consultationId: open[0].id })).progress.current).not.toBeNull()
      } finally {
        core.close()
      }
    })
  }
})
