// The per-connection statement cache: one prepared statement per SQL text and
// connection, a fresh set for a new connection (as after a restore), the
// array-row variant kept apart, and a cached statement still right after the
// schema changed under it (a migration on the same connection).
import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { rawStatement, statement } from './statements'

function clinicDb(): Database.Database {
  const db = new Database(':memory:')
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO t (name) VALUES ('Ada'), ('Grace')")
  return db
}

describe('statement cache', () => {
  it('prepares once per SQL text and connection', () => {
    const a = clinicDb()
    const b = clinicDb()
    const sql = 'SELECT name FROM t WHERE id = ?'
    expect(statement(a, sql)).toBe(statement(a, sql))
    expect(statement(a, sql)).not.toBe(statement(a, 'SELECT id FROM t WHERE id = ?'))
    // Another connection (a restore reopens the file) never gets this one's statements.
    expect(statement(b, sql)).not.toBe(statement(a, sql))
    expect(statement(b, sql).database).toBe(b)
    expect(statement(a, sql).get(2)).toEqual({ name: 'Grace' })
    a.close()
    b.close()
  })

  it('keeps rows-as-arrays statements apart, so neither mode leaks into the other', () => {
    const db = clinicDb()
    const sql = 'SELECT id, name FROM t ORDER BY id'
    expect(rawStatement(db, sql)).not.toBe(statement(db, sql))
    expect(rawStatement(db, sql).all()).toEqual([
      [1, 'Ada'],
      [2, 'Grace'],
    ])
    expect(statement(db, sql).all()).toEqual([
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
    ])
    db.close()
  })

  it('still answers correctly after the schema changed on the same connection', () => {
    const db = clinicDb()
    const sql = 'SELECT * FROM t WHERE id = ?'
    expect(statement(db, sql).get(1)).toEqual({ id: 1, name: 'Ada' })
    db.exec("ALTER TABLE t ADD COLUMN phone TEXT NOT NULL DEFAULT ''; CREATE INDEX t_name ON t (name)")
    expect(statement(db, sql).get(1)).toEqual({ id: 1, name: 'Ada', phone: '' })
    db.close()
  })
})
