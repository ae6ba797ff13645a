// The shape of a handler: one function per contract entry, given the parsed
// input and who is calling, with the services the core hands every call.
import type { CallName, CallOutput, CallParsedInput } from '../../../shared/contract'
import type { ClinicFilePort } from '../maintenance/clinic-file-port'
import type { PrintService } from '../printing/print-service'
import type { PasswordCheck } from '../session/password-check'
import type { Session, SessionStore } from '../session/sessions'
import type { DemoLoader } from '../setup/demo-port'
import type { Actor, CoreContext } from '../context'

/** What a host tells the core about the caller, and how the core hands a new session back. */
export interface HostLink {
  sessionId: string | null
  setSessionId(id: string | null): void
}

/** The running app's services, the same for every call. */
export interface CoreServices {
  ctx: CoreContext
  sessions: SessionStore
  passwords: PasswordCheck
  printing: PrintService
  demo: DemoLoader
  clinicFile: ClinicFilePort
}

export interface CallContext extends CoreServices {
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
