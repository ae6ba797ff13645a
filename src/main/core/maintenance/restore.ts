// Restore: brings a backup back into a data folder, on this machine or
// another. It refuses a file that is not whole (its hash), that the
// passphrase does not open, that fails `PRAGMA integrity_check`, or whose
// records do not verify against the key inside it. It never overwrites: the
// data it replaces (database, its WAL, the key) moves to
// previous/<time>/ first.
//
// Order on disk, chosen so that a crash at any point loses nothing: the
// backup's database is staged and checked inside the data folder, then the
// old files are moved aside and the new ones renamed in (same file system,
// atomic renames), the key first. The database must be closed by the caller.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { VerifyReport } from '../../../shared/contract/maintenance'
import { DB_FILE_NAME } from '../db/open'
import { loadMigrations } from '../db/migrations'
import type { KeyStore } from '../keys/key-store'
import { decodeBackup, unwrapAuditKey, type BackupDescription } from './backup-file'
import { syncDir } from './backup'
import { verifyClinicData } from './verify'

export interface StagedRestore {
  dir: string
  dbFile: string
  auditKey: Buffer
  description: BackupDescription
  verify: VerifyReport
}

/** Opens, checks and stages a backup inside `dataDir`; throws (and cleans up) if it is not fit to restore. */
export async function stageRestore(opts: { dataDir: string; resourcesDir: string; file: string; passphrase: string }): Promise<StagedRestore> {
  if (!existsSync(opts.file)) throw new AppError('not_found', `There is no backup file at ${opts.file}.`)
  const { description, envelope, database } = decodeBackup(readFileSync(opts.file))
  const latest = loadMigrations(join(opts.resourcesDir, 'migrations')).at(-1)?.version ?? 0
  if (description.schemaVersion > latest)
    throw new AppError(
      'invalid_state',
      `This backup was made by a newer version of the app (schema ${description.schemaVersion}; this app knows up to ${latest}). Install the newer version to restore it.`,
    )
  const auditKey = await unwrapAuditKey(description, envelope, opts.passphrase)

  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 })
  const dir = join(opts.dataDir, `.restore-${randomBytes(6).toString('hex')}`)
  mkdirSync(dir, { mode: 0o700 })
  try {
    const dbFile = join(dir, DB_FILE_NAME)
    writeFileSync(dbFile, database, { mode: 0o600 })
    const db = new Database(dbFile, { fileMustExist: true })
    let verify: VerifyReport
    try {
      db.pragma('query_only = ON')
      verify = verifyClinicData({ db, auditKey, resourcesDir: opts.resourcesDir })
    } finally {
      db.close()
    }
    if (!verify.ok) throw new AppError('invalid_state', `This backup was not restored because it does not verify: ${verify.firstProblem}`)
    return { dir, dbFile, auditKey, description, verify }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
}

export function discardStaged(staged: StagedRestore): void {
  rmSync(staged.dir, { recursive: true, force: true })
}

/**
 * Moves the current data aside and the staged backup in. Returns the folder
 * that keeps the replaced data, or null when the data folder was empty.
 * `keyStore` writes the key in the form the host uses (plain file, or
 * wrapped by the system keychain in the desktop app).
 */
export function swapInStaged(dataDir: string, staged: StagedRestore, keyStore: Required<Pick<KeyStore, 'file' | 'install'>>, now: Date): string | null {
  const dbFile = join(dataDir, DB_FILE_NAME)
  const current = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, keyStore.file].filter((f) => existsSync(f))
  let previous: string | null = null
  if (current.length > 0) {
    previous = join(dataDir, 'previous', now.toISOString().replace(/[:.]/g, '-'))
    mkdirSync(join(previous, 'keys'), { recursive: true, mode: 0o700 })
    writeFileSync(
      join(previous, 'README.txt'),
      `The clinic data that was in place before the backup ${staged.description.createdAt} was restored on ${now.toISOString()}.\n` +
        'To go back to it, close the app and move these files back into the data folder (keys/ into keys/).\n',
    )
    // The key first: if we stop right after, the old database is still in
    // place and its old key is in previous/ (nothing is lost, verify says why).
    if (existsSync(keyStore.file)) renameSync(keyStore.file, join(previous, 'keys', basename(keyStore.file)))
  }
  const movedKey = previous !== null && existsSync(join(previous, 'keys', basename(keyStore.file)))
  let swapped = false
  try {
    keyStore.install(staged.auditKey)
    if (previous) {
      for (const f of [`${dbFile}-wal`, `${dbFile}-shm`, dbFile]) if (existsSync(f)) renameSync(f, join(previous, basename(f)))
      syncDir(previous)
    }
    renameSync(staged.dbFile, dbFile)
    swapped = true
    syncDir(dataDir)
  } catch (e) {
    // Until the new database is in place, put back whatever was moved, so the clinic is left as it was.
    if (previous && !swapped) {
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
        const kept = join(previous, basename(f))
        if (existsSync(kept) && !existsSync(f)) renameSync(kept, f)
      }
      if (movedKey) renameSync(join(previous, 'keys', basename(keyStore.file)), keyStore.file)
    }
    throw e
  }
  rmSync(staged.dir, { recursive: true, force: true })
  return previous
}

/**
 * True when another process (the app) holds the database open: SQLite removes
 * the -wal file when the last connection closes, so one that stays after we
 * open and close our own connection belongs to someone else.
 */
export function databaseInUseElsewhere(dataDir: string): boolean {
  const dbFile = join(dataDir, DB_FILE_NAME)
  if (!existsSync(dbFile)) return false
  const db = new Database(dbFile, { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  db.prepare('SELECT count(*) FROM sqlite_master').get() // really open the file (a lazy open would not checkpoint on close)
  db.close()
  return existsSync(`${dbFile}-wal`)
}
