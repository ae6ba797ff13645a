// The Electron shell: one hardened window on app://bundle/, the contract bound
// to IPC, and nothing else. All behaviour lives in the core.
import { app, BrowserWindow, safeStorage, session, type WebContents } from 'electron'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Core, cupsPrintService, FileKeyStore, type KeyWrapper } from '../core'
import { loadDemoClinic } from '../demo/demo-clinic'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { bindContract } from './ipc'
import { ElectronPrintService } from './system-print'
import { APP_ENTRY_URL, isAllowedRequestUrl, windowOptions } from './window-options'

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database: hand over to the first and leave.
  app.quit()
} else {
  app.on('second-instance', () => {
    const w = BrowserWindow.getAllWindows()[0]
    if (w) {
      if (w.isMinimized()) w.restore()
      w.focus()
    }
  })
  app.on('web-contents-created', (_e, contents) => hardenContents(contents))
  app.on('window-all-closed', () => app.quit())
  app
    .whenReady()
    .then(start)
    .catch((e) => {
      console.error('Derm Consent could not start:', e)
      app.exit(1)
    })
}

function dataDirFromArgs(): string {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { data: { type: 'string' } }, strict: false })
  return typeof values.data === 'string' ? values.data : app.getPath('userData')
}

/** Protects the audit-chain key with the OS keychain where one is available. */
function keychainWrapper(): KeyWrapper | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  return { wrap: (b) => safeStorage.encryptString(b.toString('base64')), unwrap: (b) => Buffer.from(safeStorage.decryptString(b), 'base64') }
}

async function start(): Promise<void> {
  const appPath = app.getAppPath()
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(appPath, 'resources')
  const dataDir = dataDirFromArgs()
  const wrapper = keychainWrapper()
  const keyStore = new FileKeyStore(join(dataDir, 'keys', wrapper ? 'audit-chain.key.safestorage' : 'audit-chain.key'), wrapper)
  const core = Core.open({ dataDir, resourcesDir, keyStore, printService: new ElectronPrintService(cupsPrintService), demo: loadDemoClinic })
  app.on('will-quit', () => core.close())

  // No permission (camera, notifications, geolocation...) is ever granted,
  // and nothing outside the app's own origin is ever fetched.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.setDevicePermissionHandler(() => false)
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !isAllowedRequestUrl(details.url) }))

  // Saving a consent: the renderer downloads the stored bytes (the same code
  // as in the browser host) and Electron asks where with the system dialog.
  session.defaultSession.on('will-download', (_e, item) => {
    item.setSaveDialogOptions({ title: 'Save the consent PDF', filters: [{ name: 'PDF document', extensions: ['pdf'] }] })
  })

  serveRenderer(join(appPath, 'out', 'renderer'))
  bindContract(core)

  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')))
  win.once('ready-to-show', () => win.show())
  await win.loadURL(APP_ENTRY_URL)
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (url !== APP_ENTRY_URL) e.preventDefault()
  })
  contents.on('will-redirect', (e) => e.preventDefault())
  contents.on('will-attach-webview', (e) => e.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
