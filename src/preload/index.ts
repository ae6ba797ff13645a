// The bridge between the sandboxed renderer and main: exactly one function per
// contract call, named after it. No generic invoke, no Node, no ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron'
import { CALL_NAMES } from '../shared/contract'

const IPC_PREFIX = 'dc:' // keep in step with src/main/electron/ipc.ts

const api = Object.freeze(
  Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input)])),
)

contextBridge.exposeInMainWorld('dermConsent', api)
