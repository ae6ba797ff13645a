// Editable records (patients, users) may change through the app, so they
// cannot be frozen; instead every change the app makes leaves its content in
// the audit trail (creation: all fields; later edits: `changed: {field: {from,
// to}}`). Replaying the trail gives what each row must hold now, so a row
// edited, added or deleted with raw SQL shows up here, provided the audit
// chain itself holds (the audit-chain check proves that).
//
// What is compared: the fields the app records in the audit detail. Columns
// the trail never mentions (timestamps) are not covered by this check;
// password hashes are sealed in the trail and checked by user-credentials.ts.
import type { Db } from '../../db/open'
import { hasTable, plural, type CheckOutcome, type IntegrityCheck } from './types'

interface AuditRow {
  id: number
  action: string
  entity_id: string | null
  detail: string
}

interface Expected {
  fields: Map<string, { value: unknown; auditId: number }>
  createdBy: number
}

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name))
}

function parseDetail(s: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(s)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Replays the audit trail of one kind of record into the field values each must hold now. */
export function replayAuditTrail(db: Db, entityType: string, columns: Set<string>, upToAuditId = Number.MAX_SAFE_INTEGER): Map<string, Expected> {
  const expected = new Map<string, Expected>()
  const rows = db
    .prepare('SELECT id, action, entity_id, detail FROM audit_log WHERE entity_type = ? AND entity_id IS NOT NULL AND id <= ? ORDER BY id')
    .iterate(entityType, upToAuditId) as IterableIterator<AuditRow>
  for (const r of rows) {
    const key = r.entity_id!
    const detail = parseDetail(r.detail)
    if (r.action === `${entityType}.create`) {
      const fields = new Map<string, { value: unknown; auditId: number }>()
      for (const [k, v] of Object.entries(detail)) if (columns.has(snake(k))) fields.set(snake(k), { value: v, auditId: r.id })
      expected.set(key, { fields, createdBy: r.id })
    } else if (r.action === `${entityType}.delete`) {
      expected.delete(key)
    } else if (detail.changed && typeof detail.changed === 'object') {
      const e = expected.get(key)
      if (!e) continue // reported below as a row the trail never created, if the row exists
      for (const [k, change] of Object.entries(detail.changed as Record<string, unknown>)) {
        if (change && typeof change === 'object' && 'to' in change && columns.has(snake(k))) e.fields.set(snake(k), { value: (change as { to: unknown }).to, auditId: r.id })
      }
    }
  }
  return expected
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`
}

export function auditedRecordsCheck(opts: { id: string; title: string; table: string; entityType: string; noun: string }): IntegrityCheck {
  return {
    id: opts.id,
    title: opts.title,
    run({ db }): CheckOutcome {
      if (!hasTable(db, opts.table)) return { ok: true, confirmed: `no ${opts.table} table yet` }
      const columns = columnsOf(db, opts.table)
      const expected = replayAuditTrail(db, opts.entityType, columns)
      const seen = new Set<string>()
      let n = 0
      for (const row of db.prepare(`SELECT * FROM "${opts.table}" ORDER BY rowid`).iterate() as IterableIterator<Record<string, unknown>>) {
        n++
        const key = String(row.id)
        seen.add(key)
        const e = expected.get(key)
        if (!e) return { ok: false, problem: `${opts.table} row ${key} was added outside the app: no audit row records its creation.` }
        for (const [col, { value, auditId }] of e.fields) {
          if (row[col] !== value)
            return {
              ok: false,
              problem: `${opts.table} row ${key} was changed outside the app: ${col} is ${show(row[col])} but the audit trail last recorded ${show(value)} (audit row ${auditId}).`,
            }
        }
      }
      for (const [key, e] of expected)
        if (!seen.has(key)) return { ok: false, problem: `${opts.table} row ${key} (created in audit row ${e.createdBy}) has been deleted outside the app.` }
      return { ok: true, confirmed: `${plural(n, opts.noun)} match the audit trail` }
    },
  }
}

export const patientsMatchAuditCheck = auditedRecordsCheck({
  id: 'patients-audited',
  title: 'Patient records match the audit trail',
  table: 'patients',
  entityType: 'patient',
  noun: 'patient',
})

export const usersMatchAuditCheck = auditedRecordsCheck({
  id: 'users-audited',
  title: 'User accounts and roles match the audit trail',
  table: 'users',
  entityType: 'user',
  noun: 'user',
})
