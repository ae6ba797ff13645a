// The password throttle holds against parallel guesses and a restart: an
// attempt is counted before its password is hashed, in the database. A guess
// counts as "evaluated" when the core wrote its login.failed audit row, which
// happens only after a real password verification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { Core, resourcesDir } from '../../src/main/core'
import type { ApiError } from '../../src/shared/errors'
import { startWebHost, type WebHost } from '../../src/main/web/server'
import { Client, tempDir } from '../support/core'
import { clinicianPhase, openClinic, PASSWORDS, type Clinic } from '../consultation/fixture'

function failedChecks(core: Core): number {
  return (core.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'login.failed'").get() as { n: number }).n
}

function attemptsOf(core: Core, username: string): { failures: number } | undefined {
  return core.ctx.db.prepare('SELECT failures FROM password_attempts WHERE username = ?').get(username) as { failures: number } | undefined
}

/** The outcome of each of `errors`, counted by code; every refusal must say how long to wait. */
function tally(errors: ApiError[]): Record<string, number> {
  for (const e of errors.filter((x) => x.code === 'rate_limited')) expect(e.retryAfterSeconds).toBeGreaterThan(0)
  return errors.reduce<Record<string, number>>((t, e) => ({ ...t, [e.code]: (t[e.code] ?? 0) + 1 }), {})
}

let k: Clinic
beforeAll(async () => {
  k = await openClinic()
  // The wait is measured on the test clock; stopped, it cannot run out in the middle of a burst.
  k.clock.step = 0
})
afterAll(() => k.core.close())

describe('login throttle', () => {
  let core: Core

  it('evaluates only the three free tries of 20 parallel wrong passwords; the rest are told to wait', async () => {
    const before = failedChecks(k.core)
    // Upper and lower case share one count, as they share one account.
    const guesses = Array.from({ length: 20 }, (_, i) => new Client(k.core).fail('session.login', { username: i % 2 ? 'VBEER' : 'vbeer', password: `guess ${i}` }))
    expect(tally(await Promise.all(guesses))).toEqual({ wrong_password: 3, rate_limited: 17 })
    expect(failedChecks(k.core) - before).toBe(3)
    expect(attemptsOf(k.core, 'vbeer')?.failures).toBe(3)
  })

  it('still makes the person wait after a restart, even with the right password', async () => {
    k.core.close()
    core = Core.open({ dataDir: k.dir, resourcesDir, now: k.clock.now })
    const e = await new Client(core).fail('session.login', { username: 'vbeer', password: PASSWORDS.beer })
    expect(e.code).toBe('rate_limited')
    expect(e.retryAfterSeconds).toBe(2)
  })

  it('lets the right password in after the wait, which clears the count', async () => {
    k.clock.advance(2_001)
    await Client.login(core, 'vbeer', PASSWORDS.beer)
    expect(attemptsOf(core, 'vbeer')).toBeUndefined()
    // Three free tries again.
    for (let i = 0; i < 3; i++) expect((await new Client(core).fail('session.login', { username: 'vbeer', password: 'wrong again' })).code).toBe('wrong_password')
    expect((await new Client(core).fail('session.login', { username: 'vbeer', password: 'wrong again' })).code).toBe('rate_limited')
    k.clock.advance(2_001)
    await Client.login(core, 'vbeer', PASSWORDS.beer)
    k.core = core // the clinic's later tests use the reopened core
  })

  it('counts unlocking against the same limit', async () => {
    const c = await Client.login(k.core, 'staff', PASSWORDS.staff)
    await c.call('session.lock', {})
    const before = failedChecks(k.core)
    const tries = await Promise.all(Array.from({ length: 6 }, () => c.fail('session.unlock', { password: 'not it' })))
    expect(tally(tries)).toEqual({ wrong_password: 3, rate_limited: 3 })
    expect(failedChecks(k.core) - before).toBe(3)
    expect((await c.fail('session.unlock', { password: PASSWORDS.staff })).code).toBe('rate_limited')
    k.clock.advance(2_001)
    expect((await c.call('session.unlock', { password: PASSWORDS.staff })).locked).toBe(false)
  })
})

describe('taking the screen back through the browser host', () => {
  let host: WebHost
  let cookie = ''
  let consultationId = 0

  function api(name: string, body: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: ApiError } }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/${name}`,
          method: 'POST',
          headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        },
        (res) => {
          let text = ''
          res.on('data', (c) => (text += c))
          res.on('end', () => {
            const set = res.headers['set-cookie']?.[0]
            if (set) cookie = set.split(';')[0]!
            resolve({ status: res.statusCode!, body: JSON.parse(text) })
          })
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify(body))
    })
  }

  beforeAll(async () => {
    const rendererDir = join(tempDir(), 'renderer')
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
    host = await startWebHost({ core: k.core, rendererDir, port: 0 })
    k.clock.step = 50
    const c = Client.as(k.core, 'vbeer')
    const s = await clinicianPhase(c, await c.call('consultation.start', { patientId: k.patient.id }))
    consultationId = s.id
    k.clock.step = 0
    expect((await api('session.login', { username: 'vbeer', password: PASSWORDS.beer })).body.ok).toBe(true)
    expect((await api('consultation.enterPatientMode', { consultationId })).body.ok).toBe(true)
  })
  afterAll(() => host.close())

  it('evaluates only the three free tries of 20 parallel wrong passwords, and the screen stays with the patient', async () => {
    const before = failedChecks(k.core)
    const tries = await Promise.all(Array.from({ length: 20 }, (_, i) => api('consultation.exitPatientMode', { consultationId, password: `guess ${i}` })))
    expect(tally(tries.map((t) => t.body.error!))).toEqual({ wrong_password: 3, rate_limited: 17 })
    expect(tries.filter((t) => t.status === 429)).toHaveLength(17)
    expect(failedChecks(k.core) - before).toBe(3)
    const session = (await api('session.current', {})).body.value as { patientModeConsultationId: number | null }
    expect(session.patientModeConsultationId).toBe(consultationId)
    k.clock.advance(2_001)
    expect((await api('consultation.exitPatientMode', { consultationId, password: PASSWORDS.beer })).body.ok).toBe(true)
  })
})
