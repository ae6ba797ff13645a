// Binds every contract call to ipcMain.handle. The sender frame must be the
// app's own page; the input is validated by the core's dispatcher against the
// contract's schema. Each window has its own session, held here in main and
// never exposed to the renderer.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CALL_NAMES } from '../../shared/contract'
import type { ApiResult } from '../../shared/errors'
import { ipcChannel } from '../../shared/ipc'
import type { Core } from '../core'
import { isTrustedSenderUrl } from './window-options'

export function bindContract(core: Core): void {
  const sessions = new Map<number, string>()
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the app.' } }
      }
      const id = event.sender.id
      if (!sessions.has(id)) event.sender.once('destroyed', () => sessions.delete(id))
      return core.dispatch(name, input, {
        sessionId: sessions.get(id) ?? null,
        setSessionId: (sid) => (sid ? sessions.set(id, sid) : sessions.delete(id)),
      })
    })
  }
}
