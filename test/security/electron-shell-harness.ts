// Runs the real Electron main-process and preload code without Electron: the
// modules are bundled with esbuild (`electron` left external) and evaluated
// with a stand-in `electron` module that records what the code asks of it
// (window options, protocol handlers, IPC channels, permission handlers,
// navigation listeners). The app code itself is not replaced: the core opens
// a real database in a temp folder. The Electron binary cannot be downloaded
// on our build machines, so this is how the shell's behaviour is exercised.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { tempDir } from '../support/core'

const ROOT = resolve(import.meta.dirname, '..', '..')

type Listener = (...args: unknown[]) => unknown

export class Emitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
    return this
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn)
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((fn) => fn(...args))
  }
}

export class FakeWebContents extends Emitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn
  }
}

export interface ShellRecord {
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[]
  protocolHandlers: Map<string, (req: Request) => Promise<Response>>
  ipcHandlers: Map<string, (event: unknown, input: unknown) => Promise<unknown>>
  windows: { options: Record<string, unknown>; loadedUrls: string[]; shown: boolean; events: Emitter }[]
  permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void
  permissionCheck?: (...a: unknown[]) => boolean
  devicePermission?: (...a: unknown[]) => boolean
  beforeRequest?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void
  sessionEvents: Record<string, unknown>
  app: Emitter
  singleInstanceRequested: boolean
  dataDir: string
}

function fakeElectron(rec: ShellRecord, appPath: string) {
  const app = Object.assign(rec.app, {
    isPackaged: false,
    requestSingleInstanceLock: () => ((rec.singleInstanceRequested = true), true),
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? rec.dataDir : tempDir()),
    getAppPath: () => appPath,
    quit: () => undefined,
    exit: () => undefined,
  })
  class BrowserWindow {
    static all: BrowserWindow[] = []
    static getAllWindows = () => BrowserWindow.all
    readonly events = new Emitter()
    readonly webContents = new FakeWebContents()
    private readonly record: ShellRecord['windows'][number]
    constructor(options: Record<string, unknown>) {
      this.record = { options, loadedUrls: [], shown: false, events: this.events }
      rec.windows.push(this.record)
      BrowserWindow.all.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    once(e: string, fn: Listener) {
      this.events.once(e, fn)
    }
    on(e: string, fn: Listener) {
      this.events.on(e, fn)
    }
    show() {
      this.record.shown = true
    }
    async loadURL(url: string) {
      this.record.loadedUrls.push(url)
    }
    isMinimized() {
      return false
    }
    restore() {}
    focus() {}
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: ShellRecord['permissionRequest']) => (rec.permissionRequest = fn),
      setPermissionCheckHandler: (fn: ShellRecord['permissionCheck']) => (rec.permissionCheck = fn),
      setDevicePermissionHandler: (fn: ShellRecord['devicePermission']) => (rec.devicePermission = fn),
      webRequest: { onBeforeRequest: (fn: ShellRecord['beforeRequest']) => (rec.beforeRequest = fn) },
      // 'will-download' (the save dialog's options); recorded by event name.
      on: (event: string, fn: unknown) => (rec.sessionEvents[event] = fn),
    },
  }
  return {
    app,
    BrowserWindow,
    session,
    safeStorage: { isEncryptionAvailable: () => false },
    protocol: {
      registerSchemesAsPrivileged: (s: ShellRecord['privilegedSchemes']) => rec.privilegedSchemes.push(...s),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => rec.protocolHandlers.set(scheme, fn),
    },
    ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => rec.ipcHandlers.set(channel, fn) },
  }
}

async function bundle(entry: string, format: 'cjs'): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format,
    packages: 'external',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
    define: { 'import.meta.url': '__import_meta_url' },
  })
  return out.outputFiles[0]!.text
}

function evaluate(code: string, file: string, electron: unknown): void {
  const realRequire = createRequire(join(ROOT, 'package.json'))
  const req = (id: string) => (id === 'electron' ? electron : realRequire(id))
  const module = { exports: {} }
  new Function('require', 'module', 'exports', '__dirname', '__filename', '__import_meta_url', code)(
    req,
    module,
    module.exports,
    join(ROOT, 'out', 'main'),
    file,
    `file://${join(ROOT, 'src', 'main', 'core', 'paths.ts')}`,
  )
}

/** Starts src/main/electron/main.ts against the stand-in and waits until its window has loaded. */
export async function startShell(): Promise<ShellRecord> {
  const appPath = tempDir('derm-consent-app-')
  symlinkSync(join(ROOT, 'resources'), join(appPath, 'resources'))
  mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true })
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Derm Consent</title>')
  writeFileSync(join(appPath, 'secret.txt'), 'not for the renderer')
  const rec: ShellRecord = {
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    windows: [],
    app: new Emitter(),
    singleInstanceRequested: false,
    sessionEvents: {},
    dataDir: tempDir('derm-consent-userdata-'),
  }
  evaluate(await bundle('src/main/electron/main.ts', 'cjs'), join(ROOT, 'out', 'main', 'index.js'), fakeElectron(rec, appPath))
  for (let i = 0; i < 200 && !(rec.windows[0]?.loadedUrls.length ?? 0); i++) await new Promise((r) => setTimeout(r, 10))
  if (!rec.windows[0]) throw new Error('the shell did not open its window')
  return rec
}

export interface PreloadRecord {
  exposed: Map<string, unknown>
  invoked: { channel: string; args: unknown[] }[]
  otherElectronUse: string[]
}

/** Evaluates src/preload/index.ts against a stand-in contextBridge / ipcRenderer. */
export async function loadPreload(): Promise<PreloadRecord> {
  const rec: PreloadRecord = { exposed: new Map(), invoked: [], otherElectronUse: [] }
  const electron = new Proxy(
    {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => rec.exposed.set(key, api) },
      ipcRenderer: new Proxy(
        { invoke: async (channel: string, ...args: unknown[]) => (rec.invoked.push({ channel, args }), { ok: true, value: null }) },
        {
          get(t, p) {
            if (p !== 'invoke') rec.otherElectronUse.push(`ipcRenderer.${String(p)}`)
            return Reflect.get(t, p)
          },
        },
      ),
    },
    {
      get(t, p) {
        if (p !== 'contextBridge' && p !== 'ipcRenderer' && p !== '__esModule' && p !== 'default') rec.otherElectronUse.push(String(p))
        return Reflect.get(t, p)
      },
    },
  )
  evaluate(await bundle('src/preload/index.ts', 'cjs'), join(ROOT, 'out', 'preload', 'index.cjs'), electron)
  return rec
}
