// better-sqlite3 is a native addon, compiled for one ABI at a time: Node's (for
// the browser host, the command line and the tests) or Electron's (for the
// desktop app). `node scripts/native-deps.mjs node|electron` rebuilds it only
// when it does not already match the runtime about to use it.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const target = process.argv[2]
const require = createRequire(import.meta.url)

function loadsInNode() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { stdio: 'ignore' })
  return r.status === 0
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (target === 'node') {
  if (!loadsInNode()) {
    console.log('Rebuilding better-sqlite3 for Node...')
    run('npm', ['rebuild', 'better-sqlite3'])
  }
} else if (target === 'electron') {
  const electron = require('electron')
  const r = spawnSync(electron, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    stdio: 'ignore',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  })
  if (r.status !== 0) {
    console.log("Rebuilding better-sqlite3 for Electron's ABI...")
    run('npx', ['electron-builder', 'install-app-deps'])
  }
} else {
  console.error('usage: node scripts/native-deps.mjs node|electron')
  process.exit(2)
}
