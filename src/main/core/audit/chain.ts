// The audit trail: one row per change, written in the same transaction as the
// change, chained by an HMAC so that an edit, insertion, deletion or reorder
// made behind the app's back is detectable by `verifyAuditChain`.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Actor, CoreContext } from '../context'
import type { Db } from '../db/open'
import { statement } from '../db/statements'

export const GENESIS = 'genesis'

export interface AuditEntry {
  action: string
  entityType: string
  entityId?: string | number | null
  detail?: Record<string, unknown>
}

interface AuditRow {
  id: number
  at: string
  actor_id: number | null
  actor_name: string
  action: string
  entity_type: string
  entity_id: string | null
  detail: string
  prev_hash: string
  hash: string
}

export function auditHash(key: Buffer, r: Omit<AuditRow, 'hash'>): string {
  const material = JSON.stringify([r.id, r.at, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, r.detail, r.prev_hash])
  return createHmac('sha256', key).update(material, 'utf8').digest('hex')
}

const HEAD_SQL = 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'

/** Appends one audit row. Call inside the transaction that makes the change. */
export function recordAudit(ctx: CoreContext, actor: Actor, entry: AuditEntry): { id: number; hash: string } {
  const last = statement(ctx.db, HEAD_SQL).get() as { id: number; hash: string } | undefined
  const row = {
    id: (last?.id ?? 0) + 1,
    at: ctx.now().toISOString(),
    actor_id: actor.id,
    actor_name: actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    detail: JSON.stringify(entry.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS,
  }
  const hash = auditHash(ctx.auditKey, row)
  statement(
    ctx.db,
    `INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, detail, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @actor_name, @action, @entity_type, @entity_id, @detail, @prev_hash, @hash)`,
  ).run({ ...row, hash })
  return { id: row.id, hash }
}

export interface ChainHead {
  position: number
  hash: string
}

export function chainHead(db: Db): ChainHead {
  const last = statement(db, HEAD_SQL).get() as { id: number; hash: string } | undefined
  return last ? { position: last.id, hash: last.hash } : { position: 0, hash: GENESIS }
}

export type ChainCheck = { ok: true; rows: number; head: ChainHead } | { ok: false; rows: number; brokenAt: number; problem: string }

/** Walks the whole chain in order; reports the first row that does not hold. */
export function verifyAuditChain(db: Db, key: Buffer): ChainCheck {
  let prev = GENESIS
  let expectedId = 1
  let rows = 0
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++
    if (r.id !== expectedId) return { ok: false, rows, brokenAt: expectedId, problem: `audit row ${expectedId} is missing` }
    if (r.prev_hash !== prev) return { ok: false, rows, brokenAt: r.id, problem: `audit row ${r.id} does not follow the row before it` }
    const want = Buffer.from(auditHash(key, r), 'hex')
    const got = Buffer.from(r.hash, 'hex')
    if (want.length !== got.length || !timingSafeEqual(want, got))
      return { ok: false, rows, brokenAt: r.id, problem: `audit row ${r.id} was changed after it was written` }
    prev = r.hash
    expectedId++
  }
  return { ok: true, rows, head: { position: expectedId - 1, hash: prev } }
}
