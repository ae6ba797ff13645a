// `seed-demo --data DIR`: a ready demo clinic to explore the app with.
import { parseArgs } from 'node:util'
import { Core, resourcesDir } from '../../core'
import { DEMO_CLINIC, loadDemoClinic } from '../../demo/demo-clinic'
import { UsageError, type CliCommand } from '../command'

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Create the demo clinic (clinician, admin, staff, a dozen patients, one signed consent) in a new data folder.',
  usage: 'npm run cli -- seed-demo --data DIR',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: true })
    if (!values.data) throw new UsageError('--data DIR is required.')
    const core = Core.open({ dataDir: values.data, resourcesDir, demo: loadDemoClinic })
    try {
      const logins = await loadDemoClinic(core)
      console.log(`Demo clinic "${DEMO_CLINIC.name}" created in ${values.data}.`)
      console.log('Demo logins (username / password / role):')
      for (const l of logins) console.log(`  ${l.username.padEnd(8)} ${l.password.padEnd(22)} ${l.role.padEnd(10)} ${l.displayName}`)
      return 0
    } finally {
      core.close()
    }
  },
}
