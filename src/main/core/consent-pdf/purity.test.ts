// consent-pdf/ is pure rendering: a record, a seal, the fonts and options in,
// bytes or a layout out. Inside the core it reaches only itself and the pure
// key type it signs with; never the database, the audit trail, a call's
// context or the document workflow (consents/), which use it, never the
// other way round.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const HERE = import.meta.dirname
const CORE = resolve(HERE, '..')
/** Core modules outside consent-pdf/ that it may use: the signing key's type (pure crypto, no storage). */
const ALLOWED_IN_CORE = new Set(['signing/credentials'])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return sources(p)
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : []
  })
}

/** The relative module specifiers a file imports or re-exports (type imports included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.[^'"]*)['"]/gm)].map((m) => m[1]!)
}

describe('consent-pdf is pure rendering', () => {
  it('imports nothing of the core outside itself (no database, audit, call context or document workflow)', () => {
    const files = sources(HERE)
    expect(files.length).toBeGreaterThan(5)
    const offending = files.flatMap((file) =>
      importsOf(file)
        .map((spec) => resolve(dirname(file), spec))
        .filter((target) => {
          const inCore = relative(CORE, target)
          if (inCore.startsWith('..')) return false // shared, outside the core
          if (!relative(HERE, target).startsWith('..')) return false // consent-pdf itself
          return !ALLOWED_IN_CORE.has(inCore)
        })
        .map((target) => `${relative(HERE, file)} → ${relative(CORE, target)}`),
    )
    expect(offending).toEqual([])
  })
})
