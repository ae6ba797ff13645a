// The single entrance to the core for both hosts: validates the input with the
// contract's schema, checks the caller's session and role, runs the handler and
// turns every failure into an error value. Nothing the renderer sends can
// throw past this function.
import { contract, isCallName, type CallName } from '../../../shared/contract'
import { AppError, type ApiResult } from '../../../shared/errors'
import { parseOrThrow } from '../../../shared/validation'
import type { Actor } from '../context'
import type { CallContext, CoreServices, HostLink } from './types'
import { handlers } from './handlers'

export async function dispatch(services: CoreServices, name: string, rawInput: unknown, host: HostLink): Promise<ApiResult<unknown>> {
  try {
    if (!isCallName(name)) throw new AppError('unknown_call', `There is no call named "${String(name).slice(0, 80)}".`)
    const call = prepare(services, name, host)
    const input = parseOrThrow(contract[name].input, rawInput ?? {})
    const handler = handlers[name] as (input: unknown, call: CallContext) => unknown
    const value = await handler(input, call)
    if (call.session && !call.session.locked) services.sessions.touch(call.session)
    return { ok: true, value: value === undefined ? null : value }
  } catch (e) {
    return { ok: false, error: toApiError(e) }
  }
}

function prepare(services: CoreServices, name: CallName, host: HostLink): CallContext {
  const access = contract[name].access
  const session = services.sessions.get(host.sessionId)
  if (access.kind === 'user') {
    if (!session) throw new AppError('unauthenticated', 'Please log in first.')
    if (session.locked && !access.whileLocked) throw new AppError('locked', 'The app locked itself after a quiet spell. Enter your password to go on.')
    if (session.patientModeConsultationId !== null && !access.patientMode)
      throw new AppError('patient_mode', 'The screen is with the patient. The clinician must take it back first.')
    if (access.roles !== 'any' && !access.roles.includes(session.role)) throw new AppError('forbidden', `Your role (${session.role}) cannot do this.`)
  }
  const actor: Actor = session ? { id: session.userId, name: session.displayName, role: session.role } : { id: null, name: 'anonymous', role: 'system' }
  return { ...services, host, session, actor }
}

function toApiError(e: unknown) {
  if (e instanceof AppError) return e.toApiError()
  const storage = storageError(e)
  if (storage) return storage.toApiError()
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_')) {
    // A trigger or constraint refused the write: the record is protected.
    const msg = 'message' in e ? String(e.message) : ''
    if (/frozen|append-only|signed off/i.test(msg)) return new AppError('frozen', 'This record is signed off and cannot be changed.').toApiError()
    if (e.code === 'SQLITE_BUSY') return new AppError('internal', 'The database is busy. Please try again.').toApiError()
  }
  // Unexpected: log for the IT person, show a plain sentence to the user.
  console.error('[core] unexpected error:', e)
  return new AppError('internal', 'Something went wrong and nothing was changed. Please try again.').toApiError()
}

/**
 * A write the disk refused, from SQLite (better-sqlite3's SqliteError carries
 * the extended code, e.g. SQLITE_READONLY_DBMOVED) or from a file write.
 * Every write is one transaction, which SQLite rolls back when it fails, so
 * "nothing was changed" is true of these.
 */
function storageError(e: unknown): AppError | null {
  const code = e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : ''
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError('disk_full', 'The disk holding the clinic’s data is full, so nothing was saved. Free some space on it, then try again.')
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS')
    return new AppError('read_only', 'The clinic’s data folder cannot be written to, so nothing was saved. Ask the clinic’s IT person to check its permissions.')
  return null
}
