// Contract handlers of the admin's Maintenance screen.
import { join } from 'node:path'
import type { maintenanceCalls } from '../../../shared/contract/maintenance'
import type { HandlersFor } from '../dispatch/types'
import { backupsDir, listBackups } from './backup'
import { backupRunningClinic, restoreIntoRunningClinic, verifyRunningClinic } from './maintenance'

export const maintenanceHandlers = {
  'maintenance.verify': (_i, { ctx }) => verifyRunningClinic(ctx),
  'maintenance.listBackups': (_i, { ctx }) => ({ folder: backupsDir(ctx.dataDir), backups: listBackups(ctx.dataDir) }),
  'maintenance.backup': (input, { ctx, actor }) => backupRunningClinic(ctx, actor, input.passphrase),
  // The file name is checked by the contract (no folders), so only backups/ is reachable.
  'maintenance.restore': (input, call) => restoreIntoRunningClinic(call, call.actor, join(backupsDir(call.ctx.dataDir), input.fileName), input.passphrase),
} satisfies HandlersFor<keyof typeof maintenanceCalls>
