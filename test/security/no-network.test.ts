// The main process opens no outbound connection: a whole session runs in a
// child process under a guard that records every attempt to reach another
// machine (TCP, TLS, UDP, DNS). The canary run proves the guard would notice.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../support/core'

const ROOT = resolve(import.meta.dirname, '..', '..')

function runSession(canary: boolean): { status: number | null; stdout: string; stderr: string; attempts: { kind: string; target: string }[] } {
  const dir = tempDir('derm-consent-offline-')
  const report = join(dir, 'attempts.json')
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', join(ROOT, 'test/security/no-network-guard.mjs'), join(ROOT, 'test/security/no-network-session.ts'), dir, ...(canary ? ['--canary'] : [])],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_NETWORK_REPORT: report }, timeout: 120_000 },
  )
  return { status: out.status, stdout: out.stdout, stderr: out.stderr, attempts: JSON.parse(readFileSync(report, 'utf8')) }
}

describe('the main process stays offline', () => {
  it('a full session through the browser host makes no connection beyond this computer', () => {
    const r = runSession(false)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/SESSION DONE \d+ calls/)
    expect(r.attempts).toEqual([])
  }, 120_000)

  it('the guard does notice an attempt to reach another machine (canary)', () => {
    const r = runSession(true)
    expect(r.status).toBe(0)
    expect(r.attempts.map((a) => [a.kind, a.target])).toEqual([['tcp', '203.0.113.7:443']])
  }, 120_000)
})
