// How the Electron host and its preload talk: one IPC channel per contract
// call, named `dc:<call name>`, and one object on the page's window,
// `window.dermConsent`, with one function per call. Defined once, here, for
// the preload (src/preload/index.ts), main (src/main/electron/ipc.ts) and the
// renderer's type of the bridge (src/preload/index.d.ts).
import type { CallInput, CallName, CallOutput } from './contract'
import type { ApiResult } from './errors'

/** Every contract call's IPC channel starts with this. */
export const IPC_PREFIX = 'dc:'

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_NAME = 'dermConsent'

/** The IPC channel of one contract call. */
export function ipcChannel(name: CallName): string {
  return IPC_PREFIX + name
}

/** What the preload exposes: exactly one function per contract call, named after it. */
export type DermConsentBridge = { readonly [N in CallName]: (input: CallInput<N>) => Promise<ApiResult<CallOutput<N>>> }
