// Shared by the hostile-input tests: the real browser host started in-process
// on a demo clinic, a raw HTTP client (so nothing about a request is
// sanitised on the way), logged-in sessions per role, and a full dump of the
// database to compare before and after.
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { type Core } from '../../src/main/core'
import { type Db } from '../../src/main/core/testing'
import { loadDemoClinic, DEMO_LOGINS } from '../../src/main/demo/demo-clinic'
import { completeConsultation } from '../../src/main/client/complete-consultation'
import { clinicianPhase } from '../consultation/fixture'
import { startWebHost, type WebHost } from '../../src/main/web/server'
import { Client, openCore, tempDir } from '../support/core'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // agent: false: a fresh connection per request, never a pooled one the server has since closed.
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'POST', headers: opts.headers, setHost: !opts.headers?.host, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

export interface HostileRig {
  core: Core
  host: WebHost
  /** Session cookie per demo role, a locked clinician session, and one handed to a patient (patient mode). */
  cookies: Record<'admin' | 'clinician' | 'staff' | 'locked' | 'patient', string>
  /** The consultation the patient-mode session is pinned to, and another patient's signed-off one. */
  consultations: { pinned: number; signedOff: number }
  api(name: string, body: string | Buffer, cookie?: string | null, extraHeaders?: Record<string, string>): Promise<RawResponse>
  close(): Promise<void>
}

export async function startRig(): Promise<HostileRig> {
  const dir = tempDir('derm-consent-hostile-')
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Derm Consent</title>')
  const core = openCore(join(dir, 'data'))
  await loadDemoClinic(core, { withConsent: false })
  const host = await startWebHost({ core, rendererDir, port: 0 })
  const api: HostileRig['api'] = (name, body, cookie, extraHeaders = {}) =>
    send(host.port, `/api/${name}`, {
      headers: {
        authorization: `Bearer ${host.token}`,
        'content-type': 'application/json',
        origin: `http://127.0.0.1:${host.port}`,
        ...(cookie ? { cookie } : {}),
        ...extraHeaders,
      },
      body,
    })
  const login = async (role: 'admin' | 'clinician' | 'staff'): Promise<string> => {
    const l = DEMO_LOGINS.find((x) => x.role === role)!
    const r = await api('session.login', JSON.stringify({ username: l.username, password: l.password }))
    if (r.status !== 200) throw new Error(`login as ${role} failed: ${r.body}`)
    return String(r.headers['set-cookie']).split(';')[0]!
  }
  const cookies = {
    admin: await login('admin'),
    clinician: await login('clinician'),
    staff: await login('staff'),
    locked: await login('clinician'),
    patient: await login('clinician'),
  }
  const locked = await api('session.lock', '{}', cookies.locked)
  if (locked.status !== 200) throw new Error(`lock failed: ${locked.body}`)
  // Records for "ids of other records": another patient's signed-off consultation,
  // and a consultation handed to its patient on the `patient` session.
  const clinician = DEMO_LOGINS.find((x) => x.role === 'clinician')!
  const [first, second] = core.ctx.db.prepare('SELECT id FROM patients ORDER BY id LIMIT 2').all() as { id: number }[]
  const signedOff = (await completeConsultation(core, { patientId: first!.id, clinician: { username: clinician.username, password: clinician.password } })).consultationId
  const tablet = new Client(core)
  tablet.sessionId = cookies.patient.split('=')[1]!
  const started = await tablet.call('consultation.start', { patientId: second!.id })
  await clinicianPhase(tablet, started)
  await tablet.call('consultation.enterPatientMode', { consultationId: started.id })
  return {
    core,
    host,
    cookies,
    consultations: { pinned: started.id, signedOff },
    api,
    async close() {
      await host.close()
      core.close()
    },
  }
}

/**
 * Every row of every table, as one digest plus the dump itself. Audit rows of
 * failed logins are left out: a wrong password is recorded on purpose (who
 * tried which account, and when), so a hostile login attempt is expected to
 * add exactly that row and nothing else; `failedLogins` counts them.
 */
export function dumpDatabase(db: Db): { digest: string; failedLogins: number; tables: Record<string, unknown[]> } {
  const tables: Record<string, unknown[]> = {}
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
  let failedLogins = 0
  for (const t of names) {
    const q = `"${t.replace(/"/g, '""')}"`
    // BLOBs (PDFs, signature images) enter the dump as their SHA-256: as exact, far cheaper.
    let rows = (db.prepare(`SELECT * FROM ${q}`).all() as Record<string, unknown>[]).map((r) => {
      for (const [k, v] of Object.entries(r)) if (Buffer.isBuffer(v)) r[k] = `blob:${createHash('sha256').update(v).digest('hex')}`
      return r
    })
    if (t === 'audit_log') {
      failedLogins = rows.filter((r) => r.action === 'login.failed').length
      rows = rows.filter((r) => r.action !== 'login.failed')
    }
    tables[t] = rows
  }
  const digest = createHash('sha256')
    .update(JSON.stringify(tables, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
    .digest('hex')
  return { digest, failedLogins, tables }
}
