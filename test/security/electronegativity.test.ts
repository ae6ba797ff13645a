// Doyensec's Electronegativity scans src/ for Electron misconfigurations
// through its programmatic API. Its online check (AvailableSecurityFixes,
// which downloads Electron's release list) is excluded, and its translation
// download is answered locally: the test never touches the network. Every
// finding must be explained in the reviewed allow-list, and every allow-list
// entry must still match a finding.
import { readFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)

interface Finding {
  id: string
  file: string
  location: { line: number; column: number }
  description: string
  severity: { name: string }
  confidence: { name: string }
}

interface AllowEntry {
  id: string
  file: string
  reason: string
}

/** Electronegativity fetches translations with `got` at start-up; answer "offline" without a socket. */
function keepOffline(): void {
  const fromPackage = createRequire(require.resolve('@doyensec/electronegativity'))
  const gotPath = fromPackage.resolve('got')
  const stub = new Module(gotPath)
  stub.exports = () => Promise.reject(new Error('offline: the test suite does not use the network'))
  stub.loaded = true
  require.cache[gotPath] = stub
}

describe('electronegativity over src/', () => {
  it('finds nothing that is not explained in the reviewed allow-list', async () => {
    keepOffline()
    const run = require('@doyensec/electronegativity') as (opts: object) => Promise<{ errors: unknown[]; issues: Finding[]; atomicChecks: number; globalChecks: number }>
    const result = await run({
      input: join(ROOT, 'src'),
      isRelative: true,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      electronVersionOverride: JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version,
      parserPlugins: [],
    })
    expect(result.atomicChecks).toBeGreaterThan(30)
    expect(result.errors, 'files the scanner could not parse').toEqual([])
    const allow = (JSON.parse(readFileSync(join(ROOT, 'test/security/electronegativity-allowlist.json'), 'utf8')) as { allowed: AllowEntry[] }).allowed
    for (const a of allow) expect(a.reason.length, `${a.id} ${a.file} needs a reason`).toBeGreaterThan(40)
    const explained = (f: Finding) => allow.some((a) => a.id === f.id && a.file === f.file)
    const unexplained = result.issues.filter((f) => !explained(f)).map((f) => `${f.id} ${f.file}:${f.location.line} (${f.severity.name}/${f.confidence.name}) ${f.description}`)
    expect(unexplained).toEqual([])
    const stale = allow.filter((a) => !result.issues.some((f) => f.id === a.id && f.file === a.file)).map((a) => `${a.id} ${a.file}`)
    expect(stale, 'allow-list entries that no longer match a finding: remove them').toEqual([])
  }, 120_000)
})
