// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// item by item, checked against our code. The main process and the preload run
// for real against a stand-in `electron` module (see electron-shell-harness.ts);
// what cannot run here (fuses, packaging) is checked in its config.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES } from '../../src/shared/contract'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security'
import { APP_ENTRY_URL, isAllowedRequestUrl, isTrustedSenderUrl, windowOptions } from '../../src/main/electron/window-options'
import { FakeWebContents, loadPreload, startShell, type PreloadRecord, type ShellRecord } from './electron-shell-harness'

const ROOT = resolve(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|tsx|js|cjs|mjs|html)$/.test(f) ? [p] : []
  })
}
const SRC = sourceFiles(join(ROOT, 'src')).filter((f) => !/\.test\.tsx?$/.test(f))
const read = (f: string) => readFileSync(f, 'utf8')

let shell: ShellRecord
let preload: PreloadRecord

beforeAll(async () => {
  shell = await startShell()
  preload = await loadPreload()
})

function csp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

describe('Electron security checklist', () => {
  const opts = windowOptions('/app/preload.cjs').webPreferences!

  it('1. only loads secure, local content: the app:// page, nothing remote', () => {
    expect(shell.windows.map((w) => w.loadedUrls)).toEqual([[APP_ENTRY_URL]])
    expect(APP_ENTRY_URL).toBe('app://bundle/index.html')
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:80/', 'ws://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'ftp://x/'])
      shell.beforeRequest!({ url }, (r) => expect(r.cancel, url).toBe(true))
    for (const url of ['app://bundle/index.html', 'app://bundle/assets/index.js']) shell.beforeRequest!({ url }, (r) => expect(r.cancel, url).toBe(false))
  })

  it('2-4. no Node in the renderer, context isolation, sandbox', () => {
    expect(opts).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, contextIsolation: true, sandbox: true })
    expect(shell.windows[0]!.options).toEqual(windowOptions(shell.windows[0]!.options.webPreferences!['preload' as never]))
  })

  it('5. every permission request and check is denied', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'serial'])
      shell.permissionRequest!({}, permission, (granted) => expect(granted, permission).toBe(false), {})
    expect(shell.permissionCheck!({}, 'media', 'app://bundle', {})).toBe(false)
    expect(shell.devicePermission!({ deviceType: 'usb', origin: 'app://bundle' })).toBe(false)
  })

  it('6, 8, 9, 10. web security on, no insecure content, no experimental or Blink features switched on', () => {
    expect(opts).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false })
    expect(opts.enableBlinkFeatures).toBeUndefined()
    expect(opts.disableBlinkFeatures).toBe('Auxclick')
    for (const f of SRC) expect(read(f), relative(ROOT, f)).not.toMatch(/enableBlinkFeatures|allowRunningInsecureContent:\s*true|webSecurity:\s*false/)
  })

  it('7. a strict Content-Security-Policy on every page: no remote origin, no eval, no inline script', () => {
    const p = csp(CONTENT_SECURITY_POLICY)
    expect(p.get('default-src')).toEqual(["'none'"])
    expect(p.get('script-src')).toEqual(["'self'"])
    expect(p.get('object-src')).toEqual(["'none'"])
    expect(p.get('base-uri')).toEqual(["'none'"])
    expect(p.get('frame-ancestors')).toEqual(["'none'"])
    expect(p.get('form-action')).toEqual(["'none'"])
    for (const [name, values] of p) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/)
        // Only keywords and the data:/blob: schemes: no host, no http(s), no wildcard.
        expect(v, `${name} ${v}`).toMatch(/^('self'|'none'|data:|blob:)$/)
      }
    }
    // The page's own <meta> says the same (frame-ancestors cannot be set by <meta>).
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read(join(ROOT, 'src/renderer/index.html')))![1]!
    const expected = new Map(p)
    expected.delete('frame-ancestors')
    expect(csp(meta)).toEqual(expected)
  })

  it('7. the app:// protocol sends the CSP, and serves nothing outside the renderer folder or for another host', async () => {
    const serve = shell.protocolHandlers.get('app')!
    const ok = await serve(new Request('app://bundle/index.html'))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff')
    for (const url of ['app://bundle/%2e%2e/%2e%2e/secret.txt', 'app://bundle/..%2f..%2fsecret.txt', 'app://other/index.html', 'app://bundle/nothing.js'])
      expect((await serve(new Request(url))).status, url).toBe(404)
  })

  it('11-12. no <webview>: the tag is off and any attach is prevented', () => {
    expect(opts.webviewTag).toBe(false)
    const wc = new FakeWebContents()
    shell.app.emit('web-contents-created', {}, wc)
    let prevented = false
    wc.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {})
    expect(prevented).toBe(true)
    for (const f of SRC.filter((x) => x.includes('/renderer/'))) expect(read(f), relative(ROOT, f)).not.toMatch(/<webview|allowpopups/i)
  })

  it('13. navigation away from the app page is prevented, redirects too', () => {
    const wc = new FakeWebContents()
    shell.app.emit('web-contents-created', {}, wc)
    const navigate = (url: string) => {
      let prevented = false
      wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://bundle/other.html', 'javascript:alert(1)', 'about:blank']) expect(navigate(url), url).toBe(true)
    expect(navigate(APP_ENTRY_URL)).toBe(false)
    let redirected = false
    wc.emit('will-redirect', { preventDefault: () => (redirected = true) }, 'https://evil.example/')
    expect(redirected).toBe(true)
  })

  it('14. new windows are denied', () => {
    const wc = new FakeWebContents()
    shell.app.emit('web-contents-created', {}, wc)
    for (const url of ['https://evil.example/', APP_ENTRY_URL, 'about:blank']) expect(wc.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
  })

  it('15. shell.openExternal is never used', () => {
    for (const f of SRC) expect(read(f), relative(ROOT, f)).not.toMatch(/openExternal|openPath\(|\bshell\s*\.\s*open|import\s*\{[^}]*\bshell\b[^}]*\}\s*from\s*'electron'/)
  })

  it('16. uses a current Electron', () => {
    const major = Number(/(\d+)/.exec(JSON.parse(read(join(ROOT, 'package.json'))).devDependencies.electron)![1])
    expect(major).toBeGreaterThanOrEqual(38)
  })

  it('17. every IPC call checks the sender frame: only the app page reaches the core', async () => {
    expect([...shell.ipcHandlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => `dc:${n}`).sort())
    const handler = shell.ipcHandlers.get('dc:setup.status')!
    const event = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url }, sender: { id: 99, once: () => undefined } })
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'blob:app://bundle/1234', 'about:blank', undefined])
      expect(await handler(event(url), {}), String(url)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await handler(event(APP_ENTRY_URL), {})).toEqual({ ok: true, value: { needsSetup: true, clinicName: null } })
    // Input is validated by the contract's schema behind IPC too.
    expect(await shell.ipcHandlers.get('dc:session.login')!(event(APP_ENTRY_URL), { username: 7 })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(isTrustedSenderUrl('app://bundle.evil.example/')).toBe(false)
  })

  it('18. never file://: the app is served from a privileged app:// scheme that does not bypass the CSP', () => {
    expect(shell.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(shell.privilegedSchemes[0]!.privileges.bypassCSP).toBeUndefined()
    for (const f of SRC.filter((x) => x.includes('/electron/') || x.includes('/preload/'))) expect(read(f), relative(ROOT, f)).not.toMatch(/['"`]file:\/\/|loadFile\(/)
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false)
  })

  it('19. fuses are set when packaging: no RunAsNode, no NODE_OPTIONS, no --inspect, cookie encryption, app only from an integrity-checked asar', () => {
    const { FUSES } = require(join(ROOT, 'build', 'after-pack.cjs')) as { FUSES: Record<number, boolean> }
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false)
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
    const config = read(join(ROOT, 'electron-builder.yml'))
    expect(config).toMatch(/^afterPack: \.\/build\/after-pack\.cjs$/m)
    expect(config).toMatch(/^asar: true$/m)
    expect(config).toMatch(/^asarUnpack:\n(\s+- .*\n)*\s+- node_modules\/better-sqlite3\/\*\*\/\*$/m)
    expect(config).toMatch(/^extraResources:\n\s+- from: resources\n\s+to: resources$/m)
  })

  it('20. the preload exposes exactly the contract, one function per call, nothing generic', async () => {
    expect([...preload.exposed.keys()]).toEqual(['dermConsent'])
    const api = preload.exposed.get('dermConsent') as Record<string, (i: unknown) => Promise<unknown>>
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort())
    for (const name of CALL_NAMES) expect(typeof api[name]).toBe('function')
    await api['patients.search']!({ query: 'x' })
    expect(preload.invoked).toEqual([{ channel: 'dc:patients.search', args: [{ query: 'x' }] }])
    expect(preload.otherElectronUse).toEqual([])
  })

  it('the app takes the single-instance lock and shows its window only when ready', () => {
    expect(shell.singleInstanceRequested).toBe(true)
    const w = shell.windows[0]!
    expect(w.options.show).toBe(false)
    expect(w.shown).toBe(false)
    w.events.emit('ready-to-show')
    expect(w.shown).toBe(true)
    expect(opts.devTools).toBe(false)
  })
})
