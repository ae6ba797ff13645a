// A scripted session run under no-network-guard.mjs: the browser host starts
// on a demo clinic and is driven over its HTTP API on 127.0.0.1 the way the
// renderer drives it (setup, login as each role, patients, the admin's verify
// and backup, logout). With --canary it first tries to reach another machine,
// to prove the guard notices.
import { mkdirSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import { Core, resourcesDir } from '../../src/main/core'
import { DEMO_LOGINS, loadDemoClinic } from '../../src/main/demo/demo-clinic'
import { startWebHost } from '../../src/main/web/server'
import { CALL_NAMES } from '../../src/shared/contract'

const [dir, flag] = process.argv.slice(2) as [string, string | undefined]

async function main(): Promise<void> {
  if (flag === '--canary') {
    await new Promise<void>((resolve) => {
      const s = net.connect({ host: '203.0.113.7', port: 443 })
      s.on('error', () => resolve())
      s.on('connect', () => resolve())
    })
  }
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Derm Consent</title>')
  const core = Core.open({ dataDir: join(dir, 'data'), resourcesDir, demo: loadDemoClinic })
  const host = await startWebHost({ core, rendererDir, port: 0 })
  let cookie = ''
  const call = async (name: string, input: unknown) => {
    const r = await fetch(`http://127.0.0.1:${host.port}/api/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input),
    })
    const set = r.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]!
    return (await r.json()) as { ok: boolean; value?: unknown; error?: { code: string } }
  }
  const must = async (name: string, input: unknown) => {
    const r = await call(name, input)
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`)
    return r.value
  }
  await fetch(`http://127.0.0.1:${host.port}/`)
  await must('setup.status', {})
  await must('setup.loadDemo', {})
  let calls = 0
  for (const login of DEMO_LOGINS) {
    await must('session.login', { username: login.username, password: login.password })
    // Every call of the contract once as this role; refusals are fine, reaching out is not.
    for (const name of CALL_NAMES) {
      if (['session.logout', 'session.lock', 'maintenance.restore'].includes(name)) continue
      await call(name, {})
      calls++
    }
    if (login.role === 'clinician') {
      await must('patients.create', { givenName: 'Nora', familyName: 'Offline', dateOfBirth: '1991-03-04', recordNumber: 'NET-1', phone: '', email: '' })
      await must('patients.search', { query: 'offline', limit: 5 })
    }
    if (login.role === 'admin') {
      await must('maintenance.verify', {})
      await must('maintenance.backup', { passphrase: 'a long enough passphrase' })
    }
    await must('session.logout', {})
  }
  await host.close()
  core.close()
  process.stdout.write(`SESSION DONE ${calls} calls\n`)
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`session failed: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  },
)
