// `npm run start:web -- --port PORT --data DIR`: opens the clinic's data and
// serves the app on 127.0.0.1. Prints one line with the address to open.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Core, defaultDataDir, rendererDir, resourcesDir } from '../core'
import { loadDemoClinic } from '../demo/demo-clinic'
import { startWebHost } from './server'

const HELP = `Usage: npm run start:web -- [--port PORT] [--data DIR]

Serves Derm Consent to this computer's browser at http://127.0.0.1:PORT/.
  --port PORT   port to listen on (default 5480; 0 picks a free one)
  --data DIR    folder holding the clinic's database (default: ${defaultDataDir()})
`

async function main(): Promise<void> {
  let args
  try {
    args = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean' } }, strict: true })
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${HELP}`)
    process.exit(2)
  }
  if (args.values.help) {
    console.log(HELP)
    return
  }
  const port = Number(args.values.port ?? 5480)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${args.values.port}".`)
    process.exit(2)
  }
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('The app has not been built yet. Run "npm run build" first (npm run start:web does this for you).')
    process.exit(1)
  }
  const dataDir = args.values.data ?? defaultDataDir()
  let core: Core
  try {
    core = Core.open({ dataDir, resourcesDir, demo: loadDemoClinic })
  } catch (e) {
    console.error(`Could not open the clinic data in ${dataDir}: ${(e as Error).message}`)
    process.exit(1)
  }
  const host = await startWebHost({ core, rendererDir, port }).catch((e: NodeJS.ErrnoException) => {
    console.error(e.code === 'EADDRINUSE' ? `Port ${port} is already in use; choose another with --port.` : `Could not start: ${e.message}`)
    process.exit(1)
  })
  console.log(`Derm Consent is running. Open this address in your browser: ${host.url}`)
  console.log(`Clinic data: ${dataDir}`)
  const stop = async (): Promise<void> => {
    await host.close()
    core.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
