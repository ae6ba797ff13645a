// `restore --data DIR --from FILE`: brings a backup back, here or on another
// machine. Refuses a backup that is damaged, that the passphrase does not
// open, or that does not verify; keeps the data it replaces in
// DIR/previous/<time>/. The app must be closed while this runs.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../../shared/errors'
import { Core } from '../../core'
import { recordAudit } from '../../core/audit/chain'
import { inTransaction, SYSTEM_ACTOR } from '../../core/context'
import { databaseInUseElsewhere, discardStaged, stageRestore, swapInStaged } from '../../core/maintenance/restore'
import { verifyClinicData } from '../../core/maintenance/verify'
import { FileKeyStore } from '../../core/keys/key-store'
import { resourcesDir } from '../../core/paths'
import { UsageError, type CliCommand } from '../command'
import { readPassphrase } from '../passphrase'

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore a backup file into a data folder, keeping the data it replaces.',
  usage: 'npm run cli -- restore --data DIR --from FILE [--passphrase-file FILE]   (or set DERM_CONSENT_BACKUP_PASSPHRASE)',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, from: { type: 'string' }, 'passphrase-file': { type: 'string' } },
      strict: true,
    })
    if (!values.data || !values.from) throw new UsageError('--data DIR and --from FILE are required.')
    const dataDir = resolve(values.data)
    if (databaseInUseElsewhere(dataDir))
      throw new AppError('invalid_state', `The clinic database in ${dataDir} is open in the app. Close the app first, or restore from its Maintenance screen.`)
    const passphrase = await readPassphrase({ file: values['passphrase-file'], confirm: false })
    const staged = await stageRestore({ dataDir, resourcesDir, file: resolve(values.from), passphrase })
    let previous: string | null
    try {
      previous = swapInStaged(dataDir, staged, FileKeyStore.forDataDir(dataDir), new Date())
    } catch (e) {
      discardStaged(staged)
      throw e
    }
    const core = Core.open({ dataDir, resourcesDir })
    try {
      inTransaction(core.ctx, () =>
        recordAudit(core.ctx, SYSTEM_ACTOR, {
          action: 'maintenance.restore',
          entityType: 'database',
          detail: { from: resolve(values.from!).split(/[/\\]/).pop(), backupCreatedAt: staged.description.createdAt, previousCopy: previous },
        }),
      )
      const report = verifyClinicData({ db: core.ctx.db, auditKey: core.ctx.auditKey, resourcesDir })
      console.log(`Restored the backup of ${staged.description.createdAt} into ${dataDir}.`)
      if (previous) console.log(`The data it replaced is kept in ${previous}.`)
      console.log(report.summary)
      return report.ok ? 0 : 1
    } finally {
      core.close()
    }
  },
}
