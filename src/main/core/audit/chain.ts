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

export interface AuditRow {
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
const INSERT_SQL = `INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, detail, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @actor_name, @action, @entity_type, @entity_id, @detail, @prev_hash, @hash)`

/**
 * Appends the row that follows `head`, written at `at`, and returns the new
 * head. The one place an audit row is composed, hashed and inserted: both
 * `recordAudit` and the bulk `AuditAppender` write through it.
 */
export function appendAuditRow(db: Db, key: Buffer, head: ChainHead, at: string, actor: Actor, entry: AuditEntry): ChainHead {
  const row = {
    id: head.position + 1,
    at,
    actor_id: actor.id,
    actor_name: actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    detail: JSON.stringify(entry.detail ?? {}),
    prev_hash: head.hash,
  }
  const hash = auditHash(key, row)
  statement(db, INSERT_SQL).run({ ...row, hash })
  return { position: row.id, hash }
}

/** Appends one audit row. Call inside the transaction that makes the change. */
export function recordAudit(ctx: CoreContext, actor: Actor, entry: AuditEntry): { id: number; hash: string } {
  const head = chainHead(ctx.db)
  const next = appendAuditRow(ctx.db, ctx.auditKey, head, ctx.now().toISOString(), actor, entry)
  return { id: next.position, hash: next.hash }
}

/**
 * The audit chain written in bulk, by the machine's owner only (the seed
 * generator), while nothing else writes audit rows: the head is kept in memory
 * instead of being read back for every row, and each row is exactly the one
 * `recordAudit` would have written at that time. After any call to a normal
 * core service, `resync()` re-reads the head.
 */
export class AuditAppender {
  private head: ChainHead
  written = 0

  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
  ) {
    this.head = chainHead(db)
  }

  resync(): void {
    this.head = chainHead(this.db)
  }

  /** Appends one row; call inside the transaction that writes the change. Returns its id. */
  append(at: string, actor: Actor, entry: AuditEntry): number {
    this.head = appendAuditRow(this.db, this.key, this.head, at, actor, entry)
    this.written++
    return this.head.position
  }
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
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, rows, brokenAt: r.id, problem: `audit row ${r.id} was changed after it was written` }
    prev = r.hash
    expectedId++
  }
  return { ok: true, rows, head: { position: expectedId - 1, hash: prev } }
}
