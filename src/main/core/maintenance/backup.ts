// Backup: the clinic database copied, checked, encrypted under the admin's
// passphrase and written to one file (format: backup-file.ts), at any size
// with about one chunk (1 MiB) of file data in memory.
//
//   backupClinic(ctx, actor, outFile, passphrase): Promise<BackupResult>
//     ctx        the open clinic (its database connection, audit key, clock)
//     actor      who makes it (an admin from the Maintenance screen, or the command line)
//     outFile    the new file's path; refused if it exists; its folder is made if needed
//     passphrase locks the database and the audit key (the contract requires 12+ characters)
//   Resolves once the file is on disk, re-read and authenticated, and its
//   audit row written; throws (leaving no file behind) otherwise.
//
// Steps, in order, each needed before the next:
// 1. A copy with SQLite's online backup into the destination folder (same
//    file system as the backup, so no clear copy lands elsewhere). Why the
//    online backup rather than VACUUM INTO: both give one consistent moment
//    while the app writes, but the online backup copies pages as they are
//    (VACUUM INTO rebuilds every table and index, much slower on a large file)
//    and copies in steps, so the running app answers other calls meanwhile.
//    Writes through the same connection are carried into the copy as it goes;
//    a write from another connection (the app, when the command line backs
//    up) makes SQLite restart the copy, so after a restart the rest is copied
//    in one step, which holds one read snapshot (WAL: writers go on) and
//    cannot restart again.
// 2. verify on the copy, read-only: a backup restore would refuse is not made.
// 3. The copy's size and SHA-256, then the copy encrypted chunk by chunk into
//    a hidden partial file, fsynced, renamed to `outFile`, the folder fsynced.
// 4. The clear copy removed (it is removed on every path, errors included).
// 5. The written file read back and every chunk authenticated.
// 6. Only then the audit row, naming the file, its size, the database's
//    SHA-256 and the chain head it holds. If that row cannot be written the
//    file is removed: every backup the app made is in the trail.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import type { BackupInfo, BackupResult, VerifyReport } from '../../../shared/contract/maintenance'
import { AppError } from '../../../shared/errors'
import { chainHead, recordAudit } from '../audit/chain'
import { inTransaction, type Actor, type CoreContext } from '../context'
import type { Db } from '../db/open'
import { BACKUP_EXTENSION, CHUNK_BYTES, damagedBackup, newBackupHeader, type BackupHeaderV2, type BackupKeys } from './backup-file'
import { hashFile, readBackupHeader, readEncryptedBackup, writeEncryptedBackup } from './backup-chunks'
import { verifyClinicDataInSteps } from './verify'

/** Pages per step of the online backup while nothing else writes (4 KiB pages: 16 MiB a step). */
const STEP_PAGES = 4096

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups')
}

export function newBackupFileName(now: Date): string {
  return `derm-consent-${now.toISOString().replace(/[:.]/g, '-')}${BACKUP_EXTENSION}`
}

/** Writes `bytes` durably under `file`: temp name, fsync, rename, fsync the folder. */
export function writeFileDurably(file: string, bytes: Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const tmp = join(dirname(file), `.${basename(file)}.partial`)
  const fd = openSync(tmp, 'w', 0o600)
  try {
    let off = 0
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, file)
  syncDir(dirname(file))
}

export function syncDir(dir: string): void {
  if (process.platform === 'win32') return // directories cannot be opened for fsync there
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Removes a SQLite file and whatever SQLite may have put beside it. */
export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
}

/** The online backup (step 1 above). */
async function copyDatabase(db: Db, file: string): Promise<void> {
  let lastRemaining = Number.POSITIVE_INFINITY
  await db.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      const restarted = remainingPages > lastRemaining
      lastRemaining = remainingPages
      return restarted ? totalPages : STEP_PAGES
    },
  })
}

/** verify on the copy, opened read-only, and the facts its header needs (step 2). */
async function checkCopy(file: string, ctx: CoreContext): Promise<{ verify: VerifyReport; head: { position: number; hash: string }; schemaVersion: number }> {
  // A single self-contained file (no -wal beside it) is what gets encrypted and later restored.
  const rw = new Database(file, { fileMustExist: true })
  try {
    rw.pragma('journal_mode = DELETE')
  } finally {
    rw.close()
  }
  const copy = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const verify = await verifyClinicDataInSteps({ db: copy, auditKey: ctx.auditKey, resourcesDir: ctx.resourcesDir })
    return { verify, head: chainHead(copy), schemaVersion: copy.pragma('user_version', { simple: true }) as number }
  } finally {
    copy.close()
  }
}

/**
 * Step 3: a plain clinic database file encrypted into the backup file
 * `outFile` (through a hidden partial file, fsync, rename, fsync the folder).
 * Also the tests' way to make a backup around a database of their choosing.
 */
export async function encryptDatabaseFile(
  plainFile: string,
  outFile: string,
  facts: { createdAt: string; schemaVersion: number; chainHead: { position: number; hash: string } },
  auditKey: Buffer,
  passphrase: string,
): Promise<{ header: BackupHeaderV2; keys: BackupKeys }> {
  const database = await hashFile(plainFile, CHUNK_BYTES)
  const { header, keys } = await newBackupHeader({ ...facts, database }, auditKey, passphrase)
  const partial = join(dirname(outFile), `.${basename(outFile)}.partial`)
  try {
    await writeBackupFile(outFile, partial, header, keys, plainFile)
  } finally {
    rmSync(partial, { force: true })
  }
  return { header, keys }
}

async function writeBackupFile(outFile: string, partial: string, header: BackupHeaderV2, keys: BackupKeys, plainFile: string): Promise<void> {
  const fh = await open(partial, 'wx', 0o600)
  try {
    await writeEncryptedBackup(fh, header, keys, plainFile)
    await fh.sync()
  } finally {
    await fh.close()
  }
  renameSync(partial, outFile)
  syncDir(dirname(outFile))
}

/** Step 5: the file on disk has the header we wrote, and every chunk authenticates to the database we copied. */
async function checkWrittenBackup(outFile: string, header: BackupHeaderV2, keys: BackupKeys): Promise<void> {
  const onDisk = readBackupHeader(outFile).v2
  if (!onDisk || !onDisk.headerBytes.equals(header.headerBytes)) throw damagedBackup('its header did not read back as written')
  await readEncryptedBackup(outFile, onDisk, keys, null)
}

/** Makes a backup of the open clinic database into `outFile` (signature and steps at the top of this file). */
export async function backupClinic(ctx: CoreContext, actor: Actor, outFile: string, passphrase: string): Promise<BackupResult> {
  if (existsSync(outFile)) throw new AppError('conflict', `${outFile} already exists; choose another name so no backup is overwritten.`)
  mkdirSync(dirname(outFile), { recursive: true, mode: 0o700 })
  const snapshot = join(dirname(outFile), `.${basename(outFile)}.sqlite-snapshot`)
  removeDatabaseFile(snapshot)
  let renamed = false
  try {
    await copyDatabase(ctx.db, snapshot)
    const { verify, head, schemaVersion } = await checkCopy(snapshot, ctx)
    if (!verify.ok)
      throw new AppError('invalid_state', `No backup was made: the copy of the clinic database does not verify, so it could not be restored. ${verify.firstProblem ?? ''}`.trim())
    const createdAt = ctx.now().toISOString()
    renamed = true // from here on a file may exist under the real name: removed below unless all goes well
    const { header, keys } = await encryptDatabaseFile(snapshot, outFile, { createdAt, schemaVersion, chainHead: head }, ctx.auditKey, passphrase)
    removeDatabaseFile(snapshot)
    await checkWrittenBackup(outFile, header, keys)
    const sizeBytes = statSync(outFile).size
    inTransaction(ctx, () =>
      recordAudit(ctx, actor, {
        action: 'maintenance.backup',
        entityType: 'database',
        detail: {
          file: basename(outFile),
          bytes: sizeBytes,
          databaseBytes: header.description.database.bytes,
          databaseSha256: header.description.database.sha256,
          chainHead: head,
        },
      }),
    )
    renamed = false
    return { fileName: basename(outFile), path: outFile, sizeBytes, createdAt, chainHead: head, verify }
  } catch (e) {
    if (renamed) {
      rmSync(outFile, { force: true })
      syncDir(dirname(outFile))
    }
    throw e
  } finally {
    removeDatabaseFile(snapshot)
  }
}

/** Reads just the header of a backup file (no passphrase, no database bytes). */
export function readBackupInfo(file: string): BackupInfo {
  const { description: d } = readBackupHeader(file)
  return { fileName: basename(file), path: file, sizeBytes: statSync(file).size, createdAt: d.createdAt, chainHead: d.chainHead }
}

/** The backups kept in the data folder, newest first; unreadable files are left out. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir)
  if (!existsSync(dir)) return []
  const out: BackupInfo[] = []
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(BACKUP_EXTENSION) || f.startsWith('.')) continue
    try {
      out.push(readBackupInfo(join(dir, f)))
    } catch {
      // Not a backup we can read: not offered for restore.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}
