// The renderer's only way to reach the core. It never knows which host it is
// in: inside Electron the preload bridge is there; in a browser it posts to
// the browser host with the launch token from the address's #fragment.
// `window.dermConsent` is typed by src/preload/index.d.ts.
import type { CallInput, CallName, CallOutput } from '../../shared/contract'
import type { ApiError, ApiResult, FieldError } from '../../shared/errors'

export class ApiCallError extends Error {
  readonly code: ApiError['code']
  readonly fields: FieldError[]
  readonly retryAfterSeconds?: number
  constructor(e: ApiError) {
    super(e.message)
    this.code = e.code
    this.fields = e.fields ?? []
    this.retryAfterSeconds = e.retryAfterSeconds
  }
}

const TOKEN_KEY = 'dc.token'

/** Takes the launch token out of the address (so it is not left on screen or in history). */
function readToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1])
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

type Transport = <N extends CallName>(name: N, input: CallInput<N>) => Promise<ApiResult<CallOutput<N>>>

function pickTransport(): Transport {
  const bridge = window.dermConsent
  if (bridge) return (name, input) => bridge[name](input)
  const token = readToken()
  return async <N extends CallName>(name: N, input: CallInput<N>): Promise<ApiResult<CallOutput<N>>> => {
    let res: Response
    try {
      res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      })
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The app is not reachable. Is it still running?' } }
    }
    try {
      return (await res.json()) as ApiResult<CallOutput<N>>
    } catch {
      return { ok: false, error: { code: 'internal', message: `Unexpected answer (${res.status}).` } }
    }
  }
}

const transport = pickTransport()

/** Listeners told when the core says the session is locked or gone, so the shell can react. */
const sessionListeners = new Set<(code: 'locked' | 'unauthenticated') => void>()
export function onSessionProblem(fn: (code: 'locked' | 'unauthenticated') => void): () => void {
  sessionListeners.add(fn)
  return () => sessionListeners.delete(fn)
}

/** Calls the core; resolves with the result or rejects with an `ApiCallError`. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await transport(name, input)
  if (r.ok) return r.value
  if (r.error.code === 'locked' || r.error.code === 'unauthenticated') sessionListeners.forEach((fn) => fn(r.error.code as 'locked'))
  throw new ApiCallError(r.error)
}
