// `verify --data DIR`: proves the clinic's record holds (audit chain, database
// file, append-only protections, records against the audit trail, signed
// consultations and PDFs as they exist). Exit 0 with one summary line when all
// holds; exit 1 naming the first broken row or document otherwise.
import { parseArgs } from 'node:util'
import { resourcesDir, verifyClinicFolder } from '../../core'
import { UsageError, type CliCommand } from '../command'

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check that the clinic record is whole and unaltered (audit chain, database, signed records).',
  usage: 'npm run cli -- verify --data DIR [--key-file FILE]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, 'key-file': { type: 'string' } }, strict: true })
    if (!values.data) throw new UsageError('--data DIR is required.')
    const report = verifyClinicFolder(values.data, { resourcesDir, keyFile: values['key-file'] })
    if (report.ok) {
      console.log(report.summary)
      return 0
    }
    console.error(report.summary)
    for (const c of report.checks.filter((x) => !x.ok)) console.error(`  - ${c.title}: ${c.detail}`)
    return 1
  },
}
