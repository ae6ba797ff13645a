// The hardened window, as data, so a unit test can check every option without
// starting Electron. Electron's security checklist items that live here:
// context isolation, sandbox, no Node in the renderer, web security on, no
// experimental features, no <webview>, no insecure content.
import type { BrowserWindowConstructorOptions } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 640,
    show: false, // shown on 'ready-to-show', so no blank flash
    backgroundColor: '#f5f7f8',
    title: 'Derm Consent',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: process.env.NODE_ENV === 'development',
      safeDialogs: true,
      // A middle click must not open anything either (Electron checklist: limit navigation).
      disableBlinkFeatures: 'Auxclick',
    },
  }
}

/** Only the app's own pages may talk to the core over IPC. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}

/**
 * Chromium's built-in PDF viewer, which shows a stored consent in the staff
 * desk's preview and in the print window. It is part of Electron, not remote.
 */
export const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/'

/** Schemes the renderer may load at all; anything else (http, https, ws, file) is cancelled. */
export function isAllowedRequestUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('blob:app://') || url.startsWith('data:') || url.startsWith('devtools:') || url.startsWith(PDF_VIEWER_ORIGIN)
}
