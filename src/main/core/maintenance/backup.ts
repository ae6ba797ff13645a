// Backup: a consistent copy of the clinic database made with SQLite's online
// backup API (safe while the app is running and writing: the copy is one
// point in time), checked with `verify`, and written with the audit key
// wrapped by the admin's passphrase (see backup-file.ts). The file is written
// to a temporary name, flushed to disk, then renamed, so a crash never leaves
// a half-written backup under the real name.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import type { BackupInfo, BackupResult } from '../../../shared/contract/maintenance'
import { AppError } from '../../../shared/errors'
import { chainHead, recordAudit } from '../audit/chain'
import { inTransaction, type Actor, type CoreContext } from '../context'
import { BACKUP_EXTENSION, decodeBackupHeader, encodeBackup } from './backup-file'
import { verifyClinicData } from './verify'

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

/**
 * Makes a backup of the open clinic database into `outFile`. Records who made
 * it in the audit trail first, so the backup itself carries that row.
 */
export async function backupClinic(ctx: CoreContext, actor: Actor, outFile: string, passphrase: string): Promise<BackupResult> {
  if (existsSync(outFile)) throw new AppError('conflict', `${outFile} already exists; choose another name so no backup is overwritten.`)
  inTransaction(ctx, () => recordAudit(ctx, actor, { action: 'maintenance.backup', entityType: 'database', detail: { file: basename(outFile) } }))

  mkdirSync(dirname(outFile), { recursive: true, mode: 0o700 })
  const snapshot = join(dirname(outFile), `.${basename(outFile)}.sqlite-snapshot`)
  rmSync(snapshot, { force: true })
  try {
    // The online backup copies page by page and restarts if another
    // connection writes meanwhile, so the copy is one consistent moment.
    await ctx.db.backup(snapshot)
    const copy = new Database(snapshot, { fileMustExist: true })
    let verify, head, schemaVersion
    try {
      // Keep the copy a single self-contained file (no -wal beside it).
      copy.pragma('journal_mode = DELETE')
      verify = verifyClinicData({ db: copy, auditKey: ctx.auditKey, resourcesDir: ctx.resourcesDir })
      head = chainHead(copy)
      schemaVersion = copy.pragma('user_version', { simple: true }) as number
    } finally {
      copy.close()
    }
    const createdAt = ctx.now().toISOString()
    const bytes = await encodeBackup({ createdAt, schemaVersion, chainHead: head }, readFileSync(snapshot), ctx.auditKey, passphrase)
    writeFileDurably(outFile, bytes)
    return { fileName: basename(outFile), path: outFile, sizeBytes: bytes.length, createdAt, chainHead: head, verify }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(snapshot + suffix, { force: true })
  }
}

/** Reads just the header of a backup file (no passphrase, no database bytes). */
export function readBackupInfo(file: string): BackupInfo {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(20)
    readSync(fd, head, 0, 20, 0)
    const len = head.readUInt32BE(16)
    const manifest = Buffer.alloc(Math.min(len, 1024 * 1024))
    readSync(fd, manifest, 0, manifest.length, 20)
    const d = decodeBackupHeader(Buffer.concat([head, manifest]))
    return { fileName: basename(file), path: file, sizeBytes: statSync(file).size, createdAt: d.createdAt, chainHead: d.chainHead }
  } finally {
    closeSync(fd)
  }
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
