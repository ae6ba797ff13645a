// The shape of a handler: one function per contract entry, given the parsed
// input and who is calling.
import type { CallName, CallOutput, CallParsedInput } from '../../../shared/contract'
import type { Session } from '../auth/sessions'
import type { Actor, CoreContext } from '../context'
import type { Core } from '../core'

/** What a host tells the core about the caller, and how the core hands a new session back. */
export interface HostLink {
  sessionId: string | null
  setSessionId(id: string | null): void
}

export interface CallContext {
  ctx: CoreContext
  core: Core
  host: HostLink
  /** Present for every non-public call (the dispatcher has checked it). */
  session: Session | null
  actor: Actor
}

export type Handler<N extends CallName> = (input: CallParsedInput<N>, call: CallContext) => CallOutput<N> | Promise<CallOutput<N>>
export type HandlersFor<K extends CallName> = { [N in K]: Handler<N> }

/** The session of a non-public call; the dispatcher guarantees it exists. */
export function requireSession(call: CallContext): Session {
  if (!call.session) throw new Error('handler reached without a session')
  return call.session
}
