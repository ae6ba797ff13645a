// Restore: brings a backup back into a data folder, on this machine or
// another. It refuses a file that the passphrase does not open, whose chunks
// do not authenticate (changed, missing, reordered or cut off), that fails
// `PRAGMA integrity_check`, or whose records do not verify against the key
// inside it. It never overwrites: the data it replaces (database, its WAL,
// the key) moves to previous/<time>/ first.
//
// Order on disk, chosen so that a crash at any point loses nothing: the
// backup's database is decrypted chunk by chunk into a staged file inside the
// data folder (each chunk authenticated before it is written; at most one
// chunk in memory), fsynced and checked; then the old files are moved aside
// and the new ones renamed in (same file system, atomic renames), the key
// first. The database must be closed by the caller.
//
// A BAK1 file (the first format, database in clear) is still restored; it is
// read whole into memory, as it always was (backup-bak1.ts says why that is
// bounded).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { VerifyReport } from '../../../shared/contract/maintenance'
import { DB_FILE_NAME } from '../db/open'
import { loadMigrations } from '../db/migrations'
import type { KeyStore } from '../keys/key-store'
import { unlockBackup, type BackupDescription, type BackupHeaderV2 } from './backup-file'
import { decodeBackup, unwrapAuditKey } from './backup-bak1'
import { readBackupHeader, readEncryptedBackup } from './backup-chunks'
import { syncDir } from './backup'
import { verifyClinicData } from './verify'

export interface StagedRestore {
  dir: string
  dbFile: string
  auditKey: Buffer
  description: BackupDescription
  verify: VerifyReport
}

function refuseNewerSchema(description: BackupDescription, resourcesDir: string): void {
  const latest = loadMigrations(join(resourcesDir, 'migrations')).at(-1)?.version ?? 0
  if (description.schemaVersion > latest)
    throw new AppError(
      'invalid_state',
      `This backup was made by a newer version of the app (schema ${description.schemaVersion}; this app knows up to ${latest}). Install the newer version to restore it.`,
    )
}

/** Decrypts a BAK2 file's database into `dbFile`, chunk by chunk, and fsyncs it. */
async function stageBak2(file: string, header: BackupHeaderV2, passphrase: string, dbFile: () => string): Promise<Buffer> {
  const keys = await unlockBackup(header, passphrase)
  const sink = await open(dbFile(), 'wx', 0o600)
  try {
    await readEncryptedBackup(file, header, keys, sink)
    await sink.sync()
  } finally {
    await sink.close()
  }
  return keys.auditKey
}

/** Checks a BAK1 file whole in memory (how BAK1 was always read), then writes its database to `dbFile` and fsyncs it. */
async function stageBak1(file: string, passphrase: string, dbFile: () => string): Promise<Buffer> {
  const { description, envelope, database } = decodeBackup(readFileSync(file))
  const auditKey = await unwrapAuditKey(description, envelope, passphrase)
  const fh = await open(dbFile(), 'wx', 0o600)
  try {
    await fh.writeFile(database)
    await fh.sync()
  } finally {
    await fh.close()
  }
  return auditKey
}

/**
 * Opens a backup with its passphrase and writes its plain database, fsynced,
 * to the file `dbFile()` names (called only once the passphrase has opened
 * the backup); the restore's staging, and the tests' way to read a backup.
 */
export async function decryptBackupInto(file: string, passphrase: string, dbFile: () => string): Promise<{ description: BackupDescription; auditKey: Buffer }> {
  const { description, v2 } = readBackupHeader(file)
  const auditKey = v2 ? await stageBak2(file, v2, passphrase, dbFile) : await stageBak1(file, passphrase, dbFile)
  return { description, auditKey }
}

/** Opens, checks and stages a backup inside `dataDir`; throws (and cleans up) if it is not fit to restore. */
export async function stageRestore(opts: { dataDir: string; resourcesDir: string; file: string; passphrase: string }): Promise<StagedRestore> {
  if (!existsSync(opts.file)) throw new AppError('not_found', `There is no backup file at ${opts.file}.`)
  refuseNewerSchema(readBackupHeader(opts.file).description, opts.resourcesDir)
  const staging: { dir: string | null } = { dir: null }
  // The staging folder is made only once the passphrase has opened the file, so a wrong one leaves nothing behind.
  const dbFile = () => {
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 })
    staging.dir = join(opts.dataDir, `.restore-${randomBytes(6).toString('hex')}`)
    mkdirSync(staging.dir, { mode: 0o700 })
    return join(staging.dir, DB_FILE_NAME)
  }
  try {
    const { description, auditKey } = await decryptBackupInto(opts.file, opts.passphrase, dbFile)
    const dir = staging.dir!
    const staged = join(dir, DB_FILE_NAME)
    syncDir(dir)
    const db = new Database(staged, { readonly: true, fileMustExist: true })
    let verify: VerifyReport
    try {
      verify = verifyClinicData({ db, auditKey, resourcesDir: opts.resourcesDir })
    } finally {
      db.close()
    }
    if (!verify.ok) throw new AppError('invalid_state', `This backup was not restored because it does not verify: ${verify.firstProblem}`)
    return { dir, dbFile: staged, auditKey, description, verify }
  } catch (e) {
    if (staging.dir) rmSync(staging.dir, { recursive: true, force: true })
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
