// The append-only and frozen tables still carry the triggers that refuse
// UPDATE and DELETE. Someone who drops a trigger to rewrite a record leaves
// this trace even if they put the rows back in order.
import type { Db } from '../../db/open'
import { PROTECTED_TABLES, type ProtectedTable } from '../protected-tables'
import { hasTable, plural, type IntegrityCheck } from './types'

interface TriggerRow {
  name: string
  tbl_name: string
  sql: string
}

function triggersOn(db: Db): Map<string, TriggerRow[]> {
  const map = new Map<string, TriggerRow[]>()
  for (const t of db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all() as TriggerRow[]) {
    const list = map.get(t.tbl_name) ?? []
    list.push(t)
    map.set(t.tbl_name, list)
  }
  return map
}

function refuses(triggers: TriggerRow[], event: 'UPDATE' | 'DELETE'): boolean {
  const when = new RegExp(`\\bBEFORE\\s+${event}\\b`, 'i')
  return triggers.some((t) => when.test(t.sql) && /\bRAISE\s*\(\s*(ABORT|FAIL|ROLLBACK)\b/i.test(t.sql))
}

/** The listed tables that this database's schema version must have, plus any discovered by their triggers. */
export function protectedTablesOf(db: Db): ProtectedTable[] {
  const version = db.pragma('user_version', { simple: true }) as number
  const listed = PROTECTED_TABLES.filter((t) => t.since <= version)
  const known = new Set(listed.map((t) => t.table))
  const discovered: ProtectedTable[] = []
  for (const [table, triggers] of triggersOn(db)) {
    if (known.has(table)) continue
    const appendOnly = triggers.some((t) => /append-only/i.test(t.sql))
    if (appendOnly && refuses(triggers, 'UPDATE') && refuses(triggers, 'DELETE')) discovered.push({ table, since: 0, protection: 'append-only' })
  }
  return [...listed, ...discovered]
}

export const protectedTablesCheck: IntegrityCheck = {
  id: 'protected-tables',
  title: 'Append-only records are still protected',
  run({ db }) {
    const tables = protectedTablesOf(db)
    const triggers = triggersOn(db)
    for (const t of tables) {
      if (!hasTable(db, t.table)) return { ok: false, problem: `The ${t.table} table is missing.` }
      const mine = triggers.get(t.table) ?? []
      for (const event of ['UPDATE', 'DELETE'] as const)
        if (!refuses(mine, event))
          return { ok: false, problem: `The trigger that refuses ${event} on ${t.table} has been removed: its rows could have been changed outside the app.` }
    }
    return { ok: true, confirmed: `${plural(tables.length, 'protected table')} guarded` }
  },
}
