// Launches the built desktop app (out/, from `electron-vite build`) in the real
// Electron binary with Playwright's Electron support, for the Electron smoke
// test. Where the binary is not installed (it cannot be downloaded on every
// machine), or Linux has no display, says why in one sentence instead.
//
// better-sqlite3 is built for one ABI at a time, and the other end-to-end
// specs need Node's build in node_modules while they run. So the app is
// launched from a throwaway folder whose node_modules links to the project's
// packages, except better-sqlite3, which is a copy rebuilt once for Electron's
// ABI and kept in node_modules/.cache/electron-smoke/. The project's own
// node_modules is never changed.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication, type Page } from '@playwright/test'

const ROOT = resolve(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)

/** The Electron executable, or null where its binary is not installed. */
export function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    // node_modules/electron/index.js throws when its download never ran.
    return null
  }
}

/** Why the Electron app cannot be launched here, in one sentence, or null if it can. */
export function electronUnavailable(): string | null {
  if (!electronBinary()) return "Electron's binary is not installed on this machine (npm start downloads it where the network allows), so the Electron smoke test is skipped."
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'There is no display for Electron (run under xvfb-run), so the Electron smoke test is skipped.'
  return null
}

function loadsInElectron(electron: string, moduleDir: string): boolean {
  const r = spawnSync(electron, ['-e', `new (require(${JSON.stringify(moduleDir)}))(':memory:').close()`], {
    stdio: 'ignore',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  })
  return r.status === 0
}

/** Links every package of the project's node_modules into `modules`, but better-sqlite3. */
function linkPackages(modules: string): void {
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.') || name === 'better-sqlite3') continue
    rmSync(join(modules, name), { recursive: true, force: true })
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name))
  }
}

/**
 * A node_modules folder for the app in Electron: better-sqlite3 a copy that
 * loads in Electron (rebuilt once per Electron and better-sqlite3 version),
 * every other package a link to the project's.
 */
function electronNodeModules(electron: string): string {
  const electronVersion = (require('electron/package.json') as { version: string }).version
  const sqliteVersion = (require('better-sqlite3/package.json') as { version: string }).version
  const app = join(ROOT, 'node_modules', '.cache', 'electron-smoke', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`)
  const modules = join(app, 'node_modules')
  const copy = join(modules, 'better-sqlite3')
  if (!existsSync(copy) || !loadsInElectron(electron, copy)) {
    rmSync(app, { recursive: true, force: true })
    mkdirSync(modules, { recursive: true })
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'electron-smoke-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }))
    cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), copy, { recursive: true })
    linkPackages(modules)
    if (!loadsInElectron(electron, copy)) {
      const cli = join(ROOT, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js')
      const r = spawnSync(process.execPath, [cli, '--version', electronVersion, '--module-dir', app, '--only', 'better-sqlite3', '--force'], { cwd: app, encoding: 'utf8' })
      if (r.status !== 0 || !loadsInElectron(electron, copy))
        throw new Error(`Could not build better-sqlite3 for Electron ${electronVersion} (it needs Electron's headers from the network once):\n${r.stdout}\n${r.stderr}`)
    }
  }
  linkPackages(modules) // packages added since the copy was made
  return modules
}

/** A throwaway app folder: the built app (out/, package.json), the resources, and node_modules with Electron's better-sqlite3. */
function appFolder(electron: string): string {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('The app is not built: run `npx electron-vite build` first (npm run test:e2e does).')
  const modules = electronNodeModules(electron)
  const dir = mkdtempSync(join(tmpdir(), 'derm-consent-electron-'))
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'))
  // A copy, not a link: Node resolves packages from a module's real path.
  cpSync(join(ROOT, 'out'), join(dir, 'out'), { recursive: true })
  symlinkSync(join(ROOT, 'resources'), join(dir, 'resources'))
  symlinkSync(modules, join(dir, 'node_modules'))
  return dir
}

export interface RunningElectronApp {
  app: ElectronApplication
  /** The app's one window. */
  page: Page
  close(): Promise<void>
}

/** Starts the built app in Electron on a new, empty data folder and waits for its window. */
export async function launchElectronApp(): Promise<RunningElectronApp> {
  const electron = electronBinary()
  if (!electron) throw new Error(electronUnavailable() ?? "Electron's binary is not installed.")
  const dir = appFolder(electron)
  const dataDir = join(dir, 'data')
  const args = [dir, '--data', dataDir]
  // Chromium refuses to run as root with its sandbox on (CI runs as root).
  if (process.getuid?.() === 0) args.unshift('--no-sandbox')
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v
  // Its own settings folder, so the single-instance lock does not meet a copy the developer has open.
  env.XDG_CONFIG_HOME = join(dir, 'config')
  let app: ElectronApplication
  let page: Page
  try {
    app = await _electron.launch({ executablePath: electron, args, cwd: dir, env })
    page = await app.firstWindow()
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  return {
    app,
    page,
    async close() {
      await app.close().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
