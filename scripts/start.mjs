// `npm start`: builds the app and opens it in Electron. Where Electron's
// binary is missing (it cannot be downloaded on some machines), says so in one
// sentence and starts the browser host instead.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const args = process.argv.slice(2)

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

/** The Electron executable, or null where its binary is not (fully) installed. */
function findElectron() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    // electron/index.js throws while its download has never run.
    return null
  }
}

// npm install never downloads Electron's binary (package.json "allowScripts"
// denies electron's install script, so installing works with no network);
// fetch it here on first start where the network allows.
let electronPath = findElectron()
if (!electronPath && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log("Downloading Electron's binary (only on the first start)...")
  const installer = require.resolve('electron/install.js')
  const r = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 5 * 60_000 })
  electronPath = findElectron()
  if (!electronPath) console.log(`The download did not work (${r.error?.message ?? r.stderr?.trim().split('\n')[0] ?? 'no reason given'}).`)
}

run('npx', ['electron-vite', 'build'])

if (electronPath) {
  // better-sqlite3 must match Electron's ABI inside the app.
  run('node', ['scripts/native-deps.mjs', 'electron'])
  const child = spawn(electronPath, ['.', ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log("Electron's binary is not installed on this machine, so Derm Consent opens in your browser instead.")
  run('node', ['scripts/native-deps.mjs', 'node'])
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/start.ts', ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
