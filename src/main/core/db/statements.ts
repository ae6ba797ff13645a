// Prepared statements, kept per database connection and reused.
//
// Preparing an SQL statement (parsing it and planning it against the schema)
// costs more than running a small one: the profile of one acknowledgment
// showed a fifth of its CPU time in `prepare`. Hot paths therefore ask
// `statement(db, sql)` instead of `db.prepare(sql)`; the first call prepares,
// later calls on the same connection get the same statement back.
//
// Keyed by the connection, not by the core: a restore closes the connection
// and opens a new one, whose statements start afresh. SQLite re-prepares a
// cached statement by itself if the schema changes under it (a migration).
//
// Rules for callers, because a cached statement is shared:
//  - Pass the SQL as a constant string; values go in as parameters, never
//    into the text (the cache would grow with every value, and it would be
//    an injection risk anyway).
//  - Never change a cached statement's mode (`pluck`, `raw`, `expand`,
//    `safeIntegers`): every other caller would get the changed mode. For
//    rows as arrays ask `rawStatement`; for other modes use `db.prepare`.
//  - Use `run`, `get` and `all`. Do not hold an `iterate()` open on a cached
//    statement while something else may run the same statement.
import type Database from 'better-sqlite3'
import type { Db } from './open'

type Statement = Database.Statement

const objectRows = new WeakMap<Db, Map<string, Statement>>()
const arrayRows = new WeakMap<Db, Map<string, Statement>>()

function cached(cache: WeakMap<Db, Map<string, Statement>>, db: Db, sql: string, raw: boolean): Statement {
  let byText = cache.get(db)
  if (!byText) cache.set(db, (byText = new Map()))
  let s = byText.get(sql)
  if (!s) byText.set(sql, (s = raw ? db.prepare(sql).raw(true) : db.prepare(sql)))
  return s
}

/** The prepared statement for `sql` on this connection, prepared on first use. */
export function statement(db: Db, sql: string): Statement {
  return cached(objectRows, db, sql, false)
}

/**
 * The same, returning each row as an array of its column values in SELECT
 * order: no object with named fields is built per row, which is what most of
 * the time of reading many small rows goes to. For hot reads of many rows.
 */
export function rawStatement(db: Db, sql: string): Statement {
  return cached(arrayRows, db, sql, true)
}
