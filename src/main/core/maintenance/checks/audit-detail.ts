// Reading what the audit trail recorded about one record (the chain check
// proves those rows are authentic, so their detail is the reference).
import type { Db } from '../../db/open'

export function auditDetails(db: Db, entityType: string, action: string): Map<string, { auditId: number; detail: Record<string, unknown> }> {
  const out = new Map<string, { auditId: number; detail: Record<string, unknown> }>()
  const rows = db.prepare('SELECT id, entity_id, detail FROM audit_log WHERE entity_type = ? AND action = ? ORDER BY id').iterate(entityType, action) as IterableIterator<{
    id: number
    entity_id: string | null
    detail: string
  }>
  for (const r of rows) {
    if (r.entity_id === null) continue
    let detail: Record<string, unknown> = {}
    try {
      detail = JSON.parse(r.detail) as Record<string, unknown>
    } catch {
      // left empty: the comparison that needs it will report the row
    }
    out.set(r.entity_id, { auditId: r.id, detail })
  }
  return out
}
