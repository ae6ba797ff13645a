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
import { openDatabase } from '../db/open'
import { backupClinic, backupsDir, newBackupFileName } from './backup'
import { discardStaged, stageRestore, swapInStaged } from './restore'
import { verifyClinicData } from './verify'

export function verifyRunningClinic(ctx: CoreContext): VerifyReport {
  return verifyClinicData({ db: ctx.db, auditKey: ctx.auditKey, resourcesDir: ctx.resourcesDir })
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
  return { restoredFrom: file, backupCreatedAt: staged.description.createdAt, previousCopy, verify: verifyRunningClinic(ctx) }
}

export { backupsDir }
