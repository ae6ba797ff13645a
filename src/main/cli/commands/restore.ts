// `restore --data DIR --from FILE`: brings a backup back, here or on another
// machine. Refuses a backup that is damaged, that the passphrase does not
// open, or that does not verify; keeps the data it replaces in
// DIR/previous/<time>/. The app must be closed while this runs.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { assertClinicFolderClosed, resourcesDir, restoreClinicFolder, systemClock } from '../../core'
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
    assertClinicFolderClosed(dataDir) // before asking for the passphrase
    const passphrase = await readPassphrase({ file: values['passphrase-file'], confirm: false })
    const r = await restoreClinicFolder({ dataDir, resourcesDir, file: resolve(values.from), passphrase, now: systemClock })
    console.log(`Restored the backup of ${r.backupCreatedAt} into ${dataDir}.`)
    if (r.previousCopy) console.log(`The data it replaced is kept in ${r.previousCopy}.`)
    console.log(r.verify.summary)
    return r.verify.ok ? 0 : 1
  },
}
