// The admin's maintenance actions on the running app: verify, back up and
// restore, and the command line's restore into a closed clinic folder. Restore
// swaps the database under the running core: it closes the connection, moves
// the files, reopens, installs the backup's audit key and logs everyone out
// (the restored users may not be the ones logged in).
import { join } from 'node:path'
import type { BackupResult, RestoreResult, VerifyReport } from '../../../shared/contract/maintenance'
import { AppError } from '../../../shared/errors'
import { recordAudit } from '../audit/chain'
import { inTransaction, SYSTEM_ACTOR, type Actor, type CoreContext } from '../context'
import { FileKeyStore } from '../keys/key-store'
import { ensureShippedScripts } from '../script-library/shipped'
import type { SessionStore } from '../session/sessions'
import type { Clock } from '../util/clock'
import type { ClinicFilePort } from './clinic-file-port'
import Database from 'better-sqlite3'
import { DB_FILE_NAME, openDatabase } from '../db/open'
import { backupClinic, backupsDir, newBackupFileName } from './backup'
import { databaseInUseElsewhere, discardStaged, stageRestore, swapInStaged, type StagedRestore } from './restore'
import { verifyClinicData, verifyClinicDataInSteps } from './verify'

/**
 * Verify from the app: on a connection of its own, read-only, inside one read
 * transaction, so it checks one consistent moment of the record (WAL gives it
 * a snapshot) while the app goes on writing through its own connection; and
 * in steps, so other calls are answered meanwhile.
 */
export async function verifyRunningClinic(ctx: CoreContext): Promise<VerifyReport> {
  const db = new Database(join(ctx.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    db.exec('BEGIN')
    db.prepare('SELECT count(*) FROM sqlite_master').get() // the snapshot starts with the first read
    return await verifyClinicDataInSteps({ db, auditKey: ctx.auditKey, resourcesDir: ctx.resourcesDir })
  } finally {
    if (db.inTransaction) db.exec('COMMIT')
    db.close()
  }
}

export function backupRunningClinic(ctx: CoreContext, actor: Actor, passphrase: string): Promise<BackupResult> {
  return backupClinic(ctx, actor, join(backupsDir(ctx.dataDir), newBackupFileName(ctx.now())), passphrase)
}

/** The restore's audit row, written into the restored clinic's own trail. */
function recordRestore(ctx: CoreContext, actor: Actor, file: string, staged: StagedRestore, previousCopy: string | null): void {
  inTransaction(ctx, () =>
    recordAudit(ctx, actor, {
      action: 'maintenance.restore',
      entityType: 'database',
      detail: { from: file.split(/[/\\]/).pop(), backupCreatedAt: staged.description.createdAt, previousCopy },
    }),
  )
}

/** Restore from the Maintenance screen: swaps the database under the running app through its port. */
export async function restoreIntoRunningClinic(
  services: { ctx: CoreContext; clinicFile: ClinicFilePort; sessions: SessionStore },
  actor: Actor,
  file: string,
  passphrase: string,
): Promise<RestoreResult> {
  const { ctx, clinicFile } = services
  const keyStore = clinicFile.keyStore
  if (!keyStore.file || !keyStore.install) throw new AppError('invalid_state', 'This app cannot install a restored audit key here.')
  const staged = await stageRestore({ dataDir: ctx.dataDir, resourcesDir: ctx.resourcesDir, file, passphrase })
  // From here to the reopen, nothing awaits: no other call can run on a closed database.
  let previousCopy: string | null
  try {
    clinicFile.close()
  } catch (e) {
    discardStaged(staged)
    throw e
  }
  try {
    previousCopy = swapInStaged(ctx.dataDir, staged, { file: keyStore.file, install: (k) => keyStore.install!(k) }, ctx.now())
  } finally {
    clinicFile.reopen()
  }
  clinicFile.useAuditKey(staged.auditKey)
  services.sessions.endAll()
  recordRestore(ctx, actor, file, staged, previousCopy)
  return { restoredFrom: file, backupCreatedAt: staged.description.createdAt, previousCopy, verify: await verifyRunningClinic(ctx) }
}

/** Refuses a clinic folder whose database the app has open (a restore from outside must wait for it to close). */
export function assertClinicFolderClosed(dataDir: string): void {
  if (databaseInUseElsewhere(dataDir))
    throw new AppError('invalid_state', `The clinic database in ${dataDir} is open in the app. Close the app first, or restore from its Maintenance screen.`)
}

/**
 * Restore from the command line, with the app closed: into a data folder that
 * may hold another clinic, a damaged one or nothing yet (a new machine).
 */
export async function restoreClinicFolder(opts: { dataDir: string; resourcesDir: string; file: string; passphrase: string; now: Clock }): Promise<RestoreResult> {
  const { dataDir, resourcesDir, file } = opts
  assertClinicFolderClosed(dataDir)
  const staged = await stageRestore({ dataDir, resourcesDir, file, passphrase: opts.passphrase })
  let previousCopy: string | null
  try {
    previousCopy = swapInStaged(dataDir, staged, FileKeyStore.forDataDir(dataDir), opts.now())
  } catch (e) {
    discardStaged(staged)
    throw e
  }
  const db = openDatabase({ dataDir, migrationsDir: join(resourcesDir, 'migrations'), now: opts.now })
  try {
    const ctx: CoreContext = { db, auditKey: staged.auditKey, now: opts.now, dataDir, resourcesDir }
    ensureShippedScripts(ctx) // as opening the app would, before the restore's own row
    recordRestore(ctx, SYSTEM_ACTOR, file, staged, previousCopy)
    return { restoredFrom: file, backupCreatedAt: staged.description.createdAt, previousCopy, verify: verifyClinicData({ db, auditKey: staged.auditKey, resourcesDir }) }
  } finally {
    db.close()
  }
}

export { backupsDir }
