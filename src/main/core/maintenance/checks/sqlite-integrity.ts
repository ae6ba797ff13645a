// SQLite's own consistency checks: the file's pages, indexes and free lists
// (`PRAGMA integrity_check`), and that every reference points at a row that
// exists (`PRAGMA foreign_key_check`).
import { plural, type IntegrityCheck } from './types'

export const sqliteIntegrityCheck: IntegrityCheck = {
  id: 'sqlite-integrity',
  title: 'The database file is intact',
  run({ db }) {
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok')
    if (problems.length > 0)
      return { ok: false, problem: `The database file is damaged: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.` }
    const pages = db.pragma('page_count', { simple: true }) as number
    return { ok: true, confirmed: `database file intact (${plural(pages, 'page')})` }
  },
}

export const foreignKeyCheck: IntegrityCheck = {
  id: 'foreign-keys',
  title: 'Every reference points at a record that exists',
  run({ db }) {
    const bad = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number | null; parent: string; fkid: number }[]
    const first = bad[0]
    if (first)
      return {
        ok: false,
        problem: `${first.table} row ${first.rowid ?? '?'} refers to a ${first.parent} row that does not exist${bad.length > 1 ? ` (${plural(bad.length - 1, 'more broken reference')})` : ''}.`,
      }
    return { ok: true, confirmed: 'all references resolve' }
  },
}
