// `backup --data DIR --out FILE`: a consistent copy made with SQLite's online
// backup (safe while the app is running), verified, with the audit key inside
// wrapped by a passphrase so the backup can be restored on another machine.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { backupPassphrase } from '../../../shared/contract/maintenance'
import { parseOrThrow } from '../../../shared/validation'
import { auditKeyPath, Core, DB_FILE_NAME, resourcesDir } from '../../core'
import { UsageError, type CliCommand } from '../command'
import { readPassphrase } from '../passphrase'

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Make a verified backup file (database + passphrase-protected audit key), safe while the app runs.',
  usage: 'npm run cli -- backup --data DIR --out FILE [--passphrase-file FILE]   (or set DERM_CONSENT_BACKUP_PASSPHRASE)',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, out: { type: 'string' }, 'passphrase-file': { type: 'string' } },
      strict: true,
    })
    if (!values.data || !values.out) throw new UsageError('--data DIR and --out FILE are required.')
    if (!existsSync(join(values.data, DB_FILE_NAME))) throw new UsageError(`There is no clinic database in ${values.data}.`)
    if (!existsSync(auditKeyPath(values.data)))
      throw new UsageError(
        `The audit key ${auditKeyPath(values.data)} is missing; a backup without it could never be verified. (A desktop-app clinic keeps it in the system keychain: back up from the app's Maintenance screen.)`,
      )
    const passphrase = parseOrThrow(backupPassphrase, await readPassphrase({ file: values['passphrase-file'], confirm: true }))
    const core = Core.open({ dataDir: values.data, resourcesDir })
    try {
      const r = await core.commandLine.backup(resolve(values.out), passphrase)
      console.log(`Backup written to ${r.path} (${r.sizeBytes.toLocaleString('en')} bytes, audit head #${r.chainHead.position}).`)
      if (!r.verify.ok) {
        console.error(`Warning: the data in this backup does not verify: ${r.verify.firstProblem}`)
        return 1
      }
      console.log(r.verify.summary)
      return 0
    } finally {
      core.close()
    }
  },
}
