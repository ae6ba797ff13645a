// Every text the renderer shows must exist in the catalogs, and every language
// must have the same namespaces and keys as English, so adding a language is
// adding a folder and never a code change.
//
// How keys are found in src/renderer (keep keys static so this scan works):
// - `t('key')` resolves against the namespace of the nearest `useTranslation('ns')`
//   above it in the same file (or `common`); `t('ns:key')` names its namespace.
// - Any string literal of the form 'ns:key' (for a known namespace) is checked
//   too, so mapping objects of literal keys are covered.
// - Keys built at run time are allowed only with the prefixes registered in
//   src/renderer/src/i18n/dynamic-keys.ts; each prefix's codes must all have texts.
// - Every field code the schemas or the core can return has a `fieldErrors.<code>`
//   text, in common or in the namespace of the screens that raise it.
// - `t('key', { count })` may be written in the catalog as key_one/key_other...
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RENDERER_FIELD_CODES } from '../src/renderer/src/field-codes'
import { DYNAMIC_KEYS } from '../src/renderer/src/i18n/dynamic-keys'

const ROOT = resolve(import.meta.dirname, '..')
const I18N = join(ROOT, 'src/renderer/src/i18n')
const RENDERER = join(ROOT, 'src/renderer/src')
const PLURAL = /_(zero|one|two|few|many|other)$/

type Catalog = { [k: string]: string | Catalog }

function flatten(obj: Catalog, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)))
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return files(p, ext)
    return ext.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : []
  })
}

const languages = readdirSync(I18N).filter((d) => statSync(join(I18N, d)).isDirectory())
const catalogs: Record<string, Record<string, Set<string>>> = {}
for (const lng of languages) {
  catalogs[lng] = {}
  for (const f of readdirSync(join(I18N, lng)).filter((n) => n.endsWith('.json'))) {
    catalogs[lng]![f.replace(/\.json$/, '')] = new Set(flatten(JSON.parse(readFileSync(join(I18N, lng, f), 'utf8')) as Catalog))
  }
}
const en = catalogs.en!
const namespaces = Object.keys(en)

/** True when `key` (or its plural forms) is in namespace `ns` of English. */
function inEnglish(ns: string, key: string): boolean {
  const keys = en[ns]
  if (!keys) return false
  return keys.has(key) || [...keys].some((k) => PLURAL.test(k) && k.replace(PLURAL, '') === key)
}

/**
 * Field codes that can reach a screen: the codes the shared schemas use as
 * messages, those the core raises with `fieldError(path, code)` or as
 * `{ path, code }`, the validation layer's own, and the renderer's.
 */
function fieldCodes(): string[] {
  const codes = new Set<string>(['invalid', 'unexpected_field', ...RENDERER_FIELD_CODES])
  const CODE = "'([a-z][a-z0-9_]*)'"
  const shared = [
    new RegExp(`message:\\s*${CODE}`, 'g'),
    new RegExp(`error:\\s*${CODE}`, 'g'),
    new RegExp(`\\.(?:min|max|int|positive|nonnegative|length|regex|email|gte|lte|gt|lt|multipleOf)\\([^()]*?,\\s*${CODE}\\s*\\)`, 'g'),
  ]
  const core = [new RegExp(`fieldError\\(\\s*[^,]+,\\s*${CODE}`, 'g'), new RegExp(`path:\\s*[^,}]+,\\s*code:\\s*${CODE}`, 'g')]
  const scan = (dir: string, patterns: RegExp[]) => {
    for (const f of files(dir, /\.ts$/)) {
      const src = readFileSync(f, 'utf8')
      for (const re of patterns) for (const m of src.matchAll(re)) codes.add(m[1]!)
    }
  }
  scan(join(ROOT, 'src/shared'), shared)
  scan(join(ROOT, 'src/main/core'), core)
  codes.delete('custom') // zod's own issue kind, not a message
  return [...codes].sort()
}

interface KeyUse {
  file: string
  ns: string
  key: string
}

/** Finds every translation key the renderer's source uses, with its namespace. */
function scanRenderer(): { uses: KeyUse[]; dynamic: { file: string; prefix: string }[] } {
  const uses: KeyUse[] = []
  const dynamic: { file: string; prefix: string }[] = []
  const token = /useTranslation\(\s*(?:\[\s*)?(['"])([\w-]+)\1|(?<![\w$])t\(\s*(['"`])((?:(?!\3)[^\\]|\\.)*)\3|(['"])((?:[\w-]+):(?:[\w-]+(?:\.[\w-]+)*))\5/g
  for (const file of files(RENDERER, /\.tsx?$/)) {
    const rel = relative(ROOT, file)
    let ns = 'common'
    for (const m of readFileSync(file, 'utf8').matchAll(token)) {
      if (m[2]) ns = m[2]
      else if (m[4] !== undefined) {
        const raw = m[4]
        const interpolated = raw.indexOf('${')
        if (interpolated >= 0) {
          const head = raw.slice(0, interpolated)
          dynamic.push({ file: rel, prefix: head.includes(':') ? head : `${ns}:${head}` })
        } else {
          const [n, k] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : [ns, raw]
          uses.push({ file: rel, ns: n, key: k })
        }
      } else if (m[6] && namespaces.includes(m[6].split(':')[0]!)) {
        const [n, k] = m[6].split(':', 2) as [string, string]
        uses.push({ file: rel, ns: n, key: k })
      }
    }
  }
  return { uses, dynamic }
}

describe('translation catalogs', () => {
  it('has English with the common namespace', () => {
    expect(languages).toContain('en')
    expect(namespaces).toContain('common')
  })

  it.each(languages.filter((l) => l !== 'en'))('%s has the same namespaces and keys as English', (lng) => {
    const other = catalogs[lng]!
    expect(Object.keys(other).sort()).toEqual([...namespaces].sort())
    // Plural forms differ by language (Polish has _few and _many), so compare base keys.
    const base = (s: Set<string>) => [...new Set([...s].map((k) => k.replace(PLURAL, '')))].sort()
    for (const ns of namespaces) expect(base(other[ns]!), `${lng}/${ns}.json`).toEqual(base(en[ns]!))
  })

  it('has every key the renderer uses', () => {
    const { uses } = scanRenderer()
    expect(uses.length).toBeGreaterThan(50) // the scan itself works
    const missing = uses.filter((u) => !inEnglish(u.ns, u.key)).map((u) => `${u.file}: ${u.ns}:${u.key}`)
    expect(missing).toEqual([])
  })

  it('builds keys at run time only under the documented prefixes', () => {
    const { dynamic } = scanRenderer()
    expect(dynamic.length).toBeGreaterThan(0)
    const unknown = dynamic.filter((d) => !(d.prefix in DYNAMIC_KEYS)).map((d) => `${d.file}: ${d.prefix}…`)
    expect(unknown).toEqual([])
  })

  it.each(Object.keys(DYNAMIC_KEYS))('has a text for every code under %s', (prefix) => {
    const [ns, head] = prefix.split(':') as [string, string]
    const codes = DYNAMIC_KEYS[prefix]!
    expect(codes.length).toBeGreaterThan(0)
    const missing = codes.filter((c) => !inEnglish(ns, `${head}${c}`))
    expect(missing).toEqual([])
  })

  it('has a text for every field code the schemas and the core can return', () => {
    const missing = fieldCodes().filter((c) => !namespaces.some((ns) => inEnglish(ns, `fieldErrors.${c}`)))
    expect(missing).toEqual([])
  })

  it('finds the field codes the patient form depends on', () => {
    // Guards the scan: if the schemas' style changed and the regexes found nothing, this fails.
    expect(fieldCodes()).toEqual(expect.arrayContaining(['required', 'date_in_future', 'invalid_email', 'duplicate_record_number', 'username_taken']))
  })
})
