// The bridge between the sandboxed renderer and main: exactly one function per
// contract call, named after it. No generic invoke, no Node, no ipcRenderer.
// The renderer's type of it is src/preload/index.d.ts.
import { contextBridge, ipcRenderer } from 'electron'
import { CALL_NAMES } from '../shared/contract'
import { BRIDGE_NAME, ipcChannel, type DermConsentBridge } from '../shared/ipc'

const api = Object.freeze(Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]))) as DermConsentBridge

contextBridge.exposeInMainWorld(BRIDGE_NAME, api)
