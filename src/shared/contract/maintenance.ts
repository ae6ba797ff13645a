// Keeping the record provably whole: verify the data, make a backup, restore
// one. Administrators only; the Maintenance screen and the command line use
// the same core functions.
import { z } from 'zod'
import { defineCall, roles } from './define'

/** What `verify` found: one entry per check, and a one-line summary. */
export interface VerifyReport {
  ok: boolean
  summary: string
  checks: { id: string; title: string; ok: boolean; detail: string }[]
  /** The first broken row or document and what is wrong with it; null when all holds. */
  firstProblem: string | null
}

export interface BackupInfo {
  /** The file's name inside the data folder's backups/ folder. */
  fileName: string
  /** Where it is on this computer, to copy it elsewhere. */
  path: string
  sizeBytes: number
  createdAt: string
  /** The audit chain's last position and hash in the backup. */
  chainHead: { position: number; hash: string }
}

export interface BackupResult extends BackupInfo {
  /** verify run on the copy just written. */
  verify: VerifyReport
}

export interface RestoreResult {
  restoredFrom: string
  backupCreatedAt: string
  /** Folder that keeps the data that was replaced. */
  previousCopy: string | null
  verify: VerifyReport
}

/** The passphrase protects the audit key inside the backup; it is never stored. */
export const backupPassphrase = z.string({ error: 'required' }).min(12, 'passphrase_too_short').max(1024, 'too_long')

/** A backup is named by its file name in backups/, never by a free path: the renderer cannot reach other files. */
export const backupFileName = z
  .string({ error: 'required' })
  .max(200, 'too_long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.dcbackup$/, 'invalid_backup_name')

const admin = roles('admin')

export const maintenanceCalls = {
  'maintenance.verify': defineCall<VerifyReport>()({
    input: z.object({}).strict(),
    access: admin,
  }),
  'maintenance.listBackups': defineCall<{ folder: string; backups: BackupInfo[] }>()({
    input: z.object({}).strict(),
    access: admin,
  }),
  'maintenance.backup': defineCall<BackupResult>()({
    input: z.object({ passphrase: backupPassphrase }).strict(),
    access: admin,
  }),
  'maintenance.restore': defineCall<RestoreResult>()({
    input: z.object({ fileName: backupFileName, passphrase: z.string({ error: 'required' }).min(1, 'required').max(1024, 'too_long') }).strict(),
    access: admin,
  }),
}
