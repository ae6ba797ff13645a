// The admin's maintenance actions on the running app: verify, back up and
// restore. Restore swaps the database under the running core: it closes the
// connection, moves the files, reopens, installs the backup's audit key and
// logs everyone out (the restored users may not be the ones logged in).
import { join } from 'node:path'
import type { BackupResult, RestoreResult, VerifyReport } from '../../../shared/contract/maintenance'
import { AppError } from '../../../shared/errors'
import { recordAudit } from '../audit/chain'
import { inTransaction, type Actor, type CoreContext } from '../context'
import type { Core } from '../core'
import Database from 'better-sqlite3'
import { DB_FILE_NAME, openDatabase } from '../db/open'
import { backupClinic, backupsDir, newBackupFileName } from './backup'
import { discardStaged, stageRestore, swapInStaged } from './restore'
import { verifyClinicDataInSteps } from './verify'

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

/** Reopens the clinic database into the running core (after a restore swapped the file). */
function reopen(core: Core): void {
  const ctx = core.ctx
  ctx.db = openDatabase({ dataDir: ctx.dataDir, migrationsDir: join(ctx.resourcesDir, 'migrations'), now: ctx.now })
}

export async function restoreIntoRunningClinic(core: Core, actor: Actor, file: string, passphrase: string): Promise<RestoreResult> {
  const ctx = core.ctx
  const keyStore = core.keyStore
  if (!keyStore.file || !keyStore.install) throw new AppError('invalid_state', 'This app cannot install a restored audit key here.')
  const staged = await stageRestore({ dataDir: ctx.dataDir, resourcesDir: ctx.resourcesDir, file, passphrase })
  // From here to the reopen, nothing awaits: no other call can run on a closed database.
  let previousCopy: string | null
  try {
    ctx.db.close()
  } catch (e) {
    discardStaged(staged)
    throw e
  }
  try {
    previousCopy = swapInStaged(ctx.dataDir, staged, { file: keyStore.file, install: (k) => keyStore.install!(k) }, ctx.now())
  } finally {
    reopen(core)
  }
  ctx.auditKey = staged.auditKey
  core.sessions.endAll()
  inTransaction(ctx, () =>
    recordAudit(ctx, actor, {
      action: 'maintenance.restore',
      entityType: 'database',
      detail: { from: file.split(/[/\\]/).pop(), backupCreatedAt: staged.description.createdAt, previousCopy },
    }),
  )
  return { restoredFrom: file, backupCreatedAt: staged.description.createdAt, previousCopy, verify: await verifyRunningClinic(ctx) }
}

export { backupsDir }
