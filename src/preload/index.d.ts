// What the preload (src/preload/index.ts) puts on the renderer's window, typed
// from the contract. Part of the renderer's type world (tsconfig.web.json), so
// the renderer relies on it without importing the preload. In the browser host
// there is no preload, hence optional.
import type { DermConsentBridge } from '../shared/ipc'

declare global {
  interface Window {
    readonly dermConsent?: DermConsentBridge
  }
}

export {}
