// Stored script versions: each (script id, version, language) once, with the
// SHA-256 of its canonical JSON. Importing the same content again changes
// nothing; a different content under a version that exists is refused (give
// it a new version number), so what a consultation pinned never moves.
import { AppError } from '../../../shared/errors'
import type { ScriptImportResult, ScriptSummary, StoredScript } from '../../../shared/consultation'
import { consultationScriptSchema, type ConsultationScript } from '../../../shared/script/schema'
import { recordAudit } from '../audit/chain'
import { storedRowHash } from '../audit/row-hash'
import { describeCharacters, unprintableStrings } from '../consent-pdf/printable'
import { inTransaction, type Actor, type CoreContext } from '../context'
import { canonicalHash, canonicalJson, sha256Hex } from './canonical'
import { jsonPath } from './validate'

interface ScriptRow {
  id: number
  script_id: string
  version: number
  language: string
  title: string
  sha256: string
  content: string
  source: 'shipped' | 'imported'
  stored_at: string
  stored_by: number | null
}

/** The script a consultation uses when the clinician does not pick another (its newest version). */
export const DEFAULT_SCRIPT = { scriptId: 'botox-cosmetic', language: 'en' } as const

function isLatest(ctx: CoreContext, r: ScriptRow): boolean {
  const top = ctx.db.prepare('SELECT max(version) AS v FROM scripts WHERE script_id = ? AND language = ?').get(r.script_id, r.language) as { v: number }
  return top.v === r.version
}

function toSummary(ctx: CoreContext, r: ScriptRow, content?: ConsultationScript): ScriptSummary {
  const c = content ?? readContent(r)
  const latest = isLatest(ctx, r)
  return {
    storedId: r.id,
    scriptId: r.script_id,
    version: r.version,
    language: r.language,
    title: r.title,
    notice: c.notice,
    sha256: r.sha256,
    source: r.source,
    storedAt: r.stored_at,
    latest,
    isDefault: latest && r.script_id === DEFAULT_SCRIPT.scriptId && r.language === DEFAULT_SCRIPT.language,
  }
}

/** Parses stored content and proves it is still what was hashed when stored. */
function readContent(r: ScriptRow): ConsultationScript {
  if (sha256Hex(r.content) !== r.sha256) throw new AppError('internal', `The stored script ${r.script_id} v${r.version} does not match its fingerprint; it may have been altered.`)
  return consultationScriptSchema.parse(JSON.parse(r.content))
}

/** SHA-256 of each section's canonical JSON, by section id. */
export function sectionHashes(script: ConsultationScript): Record<string, string> {
  return Object.fromEntries(script.sections.map((s) => [s.id, canonicalHash(s)]))
}

export function listScripts(ctx: CoreContext): ScriptSummary[] {
  const rows = ctx.db.prepare('SELECT * FROM scripts ORDER BY script_id, language, version DESC').all() as ScriptRow[]
  return rows.map((r) => toSummary(ctx, r))
}

export function getStoredScript(ctx: CoreContext, storedId: number): StoredScript {
  const r = ctx.db.prepare('SELECT * FROM scripts WHERE id = ?').get(storedId) as ScriptRow | undefined
  if (!r) throw new AppError('not_found', 'No stored script with that id.')
  const content = readContent(r)
  return { ...toSummary(ctx, r, content), content, sectionHashes: sectionHashes(content) }
}

/** The newest stored version of a script in a language, or null. */
export function latestStoredId(ctx: CoreContext, scriptId: string, language: string): number | null {
  const r = ctx.db.prepare('SELECT id FROM scripts WHERE script_id = ? AND language = ? ORDER BY version DESC LIMIT 1').get(scriptId, language) as { id: number } | undefined
  return r?.id ?? null
}

/**
 * Stores a validated script version once. The caller has validated it; its
 * canonical JSON is what is kept and hashed, so formatting never matters.
 */
export function storeScript(ctx: CoreContext, actor: Actor, script: ConsultationScript, source: 'shipped' | 'imported'): ScriptImportResult {
  // Every text of a script can reach the consent PDF: refuse what it cannot print.
  const unprintable = unprintableStrings(ctx.resourcesDir, script)
  if (unprintable.length > 0)
    throw new AppError(
      'validation',
      `The script file was not imported; nothing was stored. Problems: ${unprintable.map((u) => `${jsonPath(u.path)}: the consent PDF cannot print ${describeCharacters(u.characters)}`).join('; ')}`,
      { fields: unprintable.map((u) => ({ path: jsonPath(u.path), code: 'unprintable_characters' })) },
    )
  const content = canonicalJson(script)
  const sha256 = sha256Hex(content)
  return inTransaction(ctx, () => {
    const same = ctx.db.prepare('SELECT * FROM scripts WHERE sha256 = ?').get(sha256) as ScriptRow | undefined
    if (same) return { script: toSummary(ctx, same, script), created: false }
    const clash = ctx.db.prepare('SELECT * FROM scripts WHERE script_id = ? AND version = ? AND language = ?').get(script.id, script.version, script.language) as
      ScriptRow | undefined
    if (clash)
      throw new AppError(
        'conflict',
        `Version ${script.version} of "${script.id}" (${script.language}) is already stored with different content. Give the changed script a new version number; the stored version stays as it is, because consultations point at it.`,
        { fields: [{ path: 'version', code: 'version_exists_with_other_content' }] },
      )
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO scripts (script_id, version, language, title, sha256, content, source, stored_at, stored_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(script.id, script.version, script.language, script.title, sha256, content, source, ctx.now().toISOString(), actor.id).lastInsertRowid,
    )
    recordAudit(ctx, actor, {
      action: source === 'shipped' ? 'script.store_shipped' : 'script.import',
      entityType: 'script',
      entityId: id,
      // rowSha256 seals the whole stored row (content, source, who stored it and when), so verify notices a row slipped in or replaced.
      detail: { scriptId: script.id, version: script.version, language: script.language, sha256, rowSha256: storedRowHash(ctx.db, 'scripts', id) },
    })
    const row = ctx.db.prepare('SELECT * FROM scripts WHERE id = ?').get(id) as ScriptRow
    return { script: toSummary(ctx, row, script), created: true }
  })
}
