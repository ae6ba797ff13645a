// The audit chain, written in bulk. The generator writes hundreds of
// thousands of records in a few large transactions; calling recordAudit for
// each would re-read the chain head every time. This writer keeps the head in
// memory and appends rows with one prepared statement, computing each HMAC
// with the core's own `auditHash` in the same pass, so the result is exactly
// the chain recordAudit would have written and `verifyAuditChain` accepts it.
//
// Only the generator may use it, and only while nothing else writes audit
// rows; after any call to a normal core service, `resync()` re-reads the head.
import type { Statement } from 'better-sqlite3'
import { auditHash, chainHead } from '../core/audit/chain'
import type { Actor } from '../core/context'
import type { Db } from '../core/db/open'

export interface BulkAuditEntry {
  at: string
  actor: Actor
  action: string
  entityType: string
  entityId: string | number | null
  detail: Record<string, unknown>
}

export class BulkAuditWriter {
  private lastId = 0
  private lastHash = ''
  private readonly insert: Statement
  written = 0

  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.resync()
  }

  /** Re-reads the chain head (after a core service wrote audit rows of its own). */
  resync(): void {
    const head = chainHead(this.db)
    this.lastId = head.position
    this.lastHash = head.hash
  }

  /** Appends one row; call inside the transaction that writes the change. Returns its id. */
  append(e: BulkAuditEntry): number {
    const row = {
      id: this.lastId + 1,
      at: e.at,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId == null ? null : String(e.entityId),
      detail: JSON.stringify(e.detail),
      prev_hash: this.lastHash,
    }
    const hash = auditHash(this.key, row)
    this.insert.run(row.id, row.at, row.actor_id, row.actor_name, row.action, row.entity_type, row.entity_id, row.detail, row.prev_hash, hash)
    this.lastId = row.id
    this.lastHash = hash
    this.written++
    return row.id
  }
}
