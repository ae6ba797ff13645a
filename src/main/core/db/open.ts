// Opens the clinic's SQLite file with the settings a legal record needs, and
// brings its schema up to date.
//
// Durability is configured, not assumed: WAL with synchronous=FULL makes every
// commit survive power loss (better-sqlite3 leaves synchronous at the SQLite
// default, which in WAL mode is not enough), and on macOS fullfsync asks the
// disk itself to flush.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import { loadMigrations, type Migration } from './migrations'

export type Db = Database.Database

export const DB_FILE_NAME = 'clinic.sqlite'

export interface OpenOptions {
  dataDir: string
  migrationsDir: string
  /** Used to name the copy taken before a migration. */
  now?: () => Date
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  if (process.platform === 'darwin') db.pragma('fullfsync = ON')
}

export function openDatabase(opts: OpenOptions): Db {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 })
  const file = join(opts.dataDir, DB_FILE_NAME)
  const existed = existsSync(file)
  const db = new Database(file)
  try {
    applyPragmas(db)
    migrate(db, loadMigrations(opts.migrationsDir), {
      backupBefore: existed ? (version) => backupBeforeMigration(db, opts.dataDir, version, opts.now ?? (() => new Date())) : undefined,
    })
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

export function migrate(db: Db, migrations: Migration[], opts: { backupBefore?: (fromVersion: number) => void } = {}): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version
  if (current > latest) {
    throw new AppError(
      'invalid_state',
      `This clinic database was written by a newer version of the app (schema ${current}; this app knows up to ${latest}). Install the newer version; the data has not been touched.`,
    )
  }
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return
  if (current > 0) opts.backupBefore?.(current)
  for (const m of pending) {
    // One transaction per migration: it applies whole or not at all.
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
  }
}

function backupBeforeMigration(db: Db, dataDir: string, version: number, now: () => Date): void {
  const dir = join(dataDir, 'backups')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  // Fold the WAL into the main file first so a plain file copy is complete.
  db.pragma('wal_checkpoint(TRUNCATE)')
  const stamp = now().toISOString().replace(/[:.]/g, '-')
  copyFileSync(join(dataDir, DB_FILE_NAME), join(dir, `before-migration-v${version}-${stamp}.sqlite`))
}
