// Canonical JSON and its SHA-256: the one way the app fingerprints a script,
// a section or a consent record. Object keys are sorted, there is no
// whitespace, strings are NFC; the same content always gives the same hash
// whatever the key order or formatting of the file it came from.
import { createHash } from 'node:crypto'

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value, '$'))
}

function canonicalize(v: unknown, path: string): unknown {
  if (v === null || typeof v === 'boolean') return v
  if (typeof v === 'string') return v.normalize('NFC')
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`canonicalJson: ${path} is not a finite number`)
    return Object.is(v, -0) ? 0 : v
  }
  if (Array.isArray(v)) return v.map((x, i) => canonicalize(x === undefined ? null : x, `${path}[${i}]`))
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k]
      if (x === undefined) continue // absent and undefined are the same thing
      out[k.normalize('NFC')] = canonicalize(x, `${path}.${k}`)
    }
    return out
  }
  throw new Error(`canonicalJson: ${path} has a value JSON cannot hold (${typeof v})`)
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

/** SHA-256 of the canonical JSON of `value`. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value))
}
