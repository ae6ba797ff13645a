// The in-process client: a caller that holds one session, as a host (a browser
// tab, the Electron window) does, and makes the app's calls through the core's
// own dispatcher. The demo, the seed generator, the benchmarks, the crash test
// and the test fixtures all drive the core through this one class.
import type { CallInput, CallName, CallOutput } from '../../shared/contract'
import { AppError, type ApiError } from '../../shared/errors'
import type { Core, HostLink } from '../core'

/** A call the core refused: an AppError that also carries the ApiError as the core returned it. */
export class CallError extends AppError {
  constructor(
    readonly call: string,
    readonly apiError: ApiError,
  ) {
    super(apiError.code, `${call}: ${apiError.code}: ${apiError.message}`, { fields: apiError.fields, retryAfterSeconds: apiError.retryAfterSeconds })
    this.name = 'CallError'
  }
}

export class Client implements HostLink {
  sessionId: string | null = null

  /** A client with no session yet (log in with `call('session.login', …)`). */
  constructor(readonly core: Core) {}

  /** A client already holding a session for `username`, opened by the command line (no password: in-process drivers only). */
  static as(core: Core, username: string): Client {
    const c = new Client(core)
    c.sessionId = core.commandLine.openSession(username).sessionId
    return c
  }

  /** A client logged in with a password, as a person at the login screen. */
  static async login(core: Core, username: string, password: string): Promise<Client> {
    const c = new Client(core)
    await c.call('session.login', { username, password })
    return c
  }

  setSessionId(id: string | null): void {
    this.sessionId = id
  }

  /** Makes the call; throws a CallError (message `name: code: message`) when the core refuses it. */
  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const r = await this.core.dispatch(name, input, this)
    if (!r.ok) throw new CallError(name, r.error)
    return r.value as CallOutput<N>
  }

  /** Expects the call to fail; returns the error value. */
  async fail<N extends CallName>(name: N, input: unknown): Promise<ApiError> {
    const r = await this.core.dispatch(name, input as CallInput<N>, this)
    if (r.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(r.value)}`)
    return r.error
  }

  /** Ends the session (without a call: the way a host closes). */
  end(): void {
    this.core.commandLine.endSession(this)
  }
}
