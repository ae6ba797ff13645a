// `seed --data DIR --patients N --consultations M --seed S`: fills a new data
// folder with a generated, clinic-sized data set (for benchmarks, load tests
// and trying the app at scale). Deterministic: the same options give the same
// patients and consultations.
import { parseArgs } from 'node:util'
import { resourcesDir } from '../../core'
import { seedClinicData } from '../../seed/seed'
import { UsageError, type CliCommand } from '../command'

function count(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, not "${v}".`)
  return Number(v)
}

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'Generate a clinic-sized, deterministic data set (patients, consultations, signed PDFs) in a new data folder.',
  usage:
    'npm run cli -- seed --data DIR [--patients N] [--consultations M] [--seed S]\n' +
    '  --patients N        patients to register (default 1000)\n' +
    '  --consultations M   consultations to record (default 3 per patient)\n' +
    '  --seed S            any text; the same seed gives the same data (default "1")',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        patients: { type: 'string' },
        consultations: { type: 'string' },
        seed: { type: 'string' },
      },
      strict: true,
    })
    if (!values.data) throw new UsageError('--data DIR is required.')
    const patients = count('patients', values.patients, 1000)
    const consultations = count('consultations', values.consultations, patients * 3)
    const report = await seedClinicData({
      dataDir: values.data,
      resourcesDir,
      patients,
      consultations,
      seed: values.seed ?? '1',
      log: (line) => console.log(line),
    })
    const c = report.consultations
    const n = (x: number) => x.toLocaleString('en')
    console.log(`Done in ${report.seconds.toFixed(1)} s: ${values.data}`)
    console.log(`  ${n(report.patients)} patients (${n(report.patientEdits)} later edited)`)
    console.log(
      `  ${n(c.signedOff + c.notTreated + c.inProgress)} consultations: ${n(c.signedOff)} signed off (${n(c.withdrawn)} later withdrawn), ${n(c.notTreated)} not treated, ${n(c.inProgress)} in progress`,
    )
    if (c.storedPdfs > 0) console.log(`  ${n(c.storedPdfs)} stored signed PDFs (${n(c.distinctPdfs)} distinct documents, from ${n(c.realRuns)} consultations run for real)`)
    console.log(`  ${n(report.auditRows)} audit rows, chained`)
    for (const note of report.notes) console.log(`Note: ${note}`)
    console.log('Logins (username / password / role):')
    for (const l of report.logins) console.log(`  ${l.username.padEnd(11)} ${l.password.padEnd(20)} ${l.role.padEnd(10)} ${l.displayName}`)
    return 0
  },
}
