// Opening the clinic file: migrations applied once each in order, a copy taken
// before migrating an existing file, and a file from a newer app refused untouched.
import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE_NAME, openDatabase, migrate } from '../../src/main/core/testing'
import { loadMigrations } from '../../src/main/core/testing'
import { resourcesDir } from '../../src/main/core'
import { tempDir } from '../support/core'

const migrationsDir = join(resourcesDir, 'migrations')
const latest = loadMigrations(migrationsDir).at(-1)!.version

describe('openDatabase', () => {
  it('creates the schema at the latest version with durable settings', () => {
    const dir = tempDir()
    const db = openDatabase({ dataDir: dir, migrationsDir })
    expect(db.pragma('user_version', { simple: true })).toBe(latest)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const dir = tempDir()
    openDatabase({ dataDir: dir, migrationsDir }).close()
    const raw = new Database(join(dir, DB_FILE_NAME))
    raw.pragma(`user_version = ${latest + 1}`)
    raw.close()
    const before = readFileSync(join(dir, DB_FILE_NAME))
    expect(() => openDatabase({ dataDir: dir, migrationsDir })).toThrow(/newer version of the app/)
    expect(readFileSync(join(dir, DB_FILE_NAME)).equals(before)).toBe(true)
  })

  it('copies the file before migrating it, and applies each migration in one transaction', () => {
    const dir = tempDir()
    const migDir = join(dir, 'migrations')
    mkdirSync(migDir)
    writeFileSync(join(migDir, '001-a.sql'), 'CREATE TABLE a (x INTEGER);')
    const db = openDatabase({ dataDir: join(dir, 'data'), migrationsDir: migDir })
    db.prepare('INSERT INTO a VALUES (1)').run()
    db.close()
    // 002 fails halfway: nothing of it may stay, and the version must not move.
    writeFileSync(join(migDir, '002-b.sql'), 'CREATE TABLE b (y INTEGER); INSERT INTO nope VALUES (1);')
    expect(() => openDatabase({ dataDir: join(dir, 'data'), migrationsDir: migDir })).toThrow()
    const raw = new Database(join(dir, 'data', DB_FILE_NAME))
    expect(raw.pragma('user_version', { simple: true })).toBe(1)
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 })
    raw.close()
    const backups = readdirSync(join(dir, 'data', 'backups'))
    expect(backups.some((f) => f.startsWith('before-migration-v1-'))).toBe(true)
    const copy = new Database(join(dir, 'data', 'backups', backups[0]!), { readonly: true })
    expect(copy.prepare('SELECT x FROM a').all()).toEqual([{ x: 1 }])
    copy.close()
  })

  it('rejects gaps in migration numbers', () => {
    const dir = tempDir()
    writeFileSync(join(dir, '001-a.sql'), 'SELECT 1;')
    writeFileSync(join(dir, '003-c.sql'), 'SELECT 1;')
    expect(() => loadMigrations(dir)).toThrow(/without gaps/)
    const db = new Database(':memory:')
    migrate(db, [])
    db.close()
  })
})
