// Errors are values that cross every boundary (IPC, HTTP, CLI) intact. The
// renderer shows a translated sentence for `code`; `message` is a plain-English
// fallback for the command line and logs. Never a stack trace.

export const ERROR_CODES = [
  'validation', // input failed the contract's schema or a business rule; see `fields`
  'unauthenticated', // no session: log in first
  'forbidden', // the role may not do this
  'locked', // the session is locked after idle time; unlock with the password
  'patient_mode', // the screen is handed to a patient; only their steps are reachable
  'wrong_password',
  'rate_limited', // too many failed logins; see `retryAfterSeconds`
  'not_found',
  'conflict', // e.g. a duplicate record number
  'frozen', // a signed-off record cannot change
  'invalid_state', // the step is not possible in the record's current state
  'setup_done', // the clinic is already set up
  'unknown_call',
  'audit_key_unavailable', // the clinic's audit key is missing, different, or kept in a form this host cannot open
  'database_damaged', // the clinic database failed its quick check at start; the recovery screen offers a restore
  'read_only', // the data folder or database cannot be written; nothing was changed
  'disk_full', // the disk holding the data folder is full; nothing was changed
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** A problem with one input field, keyed by a dotted path such as `dateOfBirth`. */
export interface FieldError {
  path: string
  /** A stable code such as `required` or `date_in_future`; the renderer translates it. */
  code: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  fields?: FieldError[]
  retryAfterSeconds?: number
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Thrown inside the core; the dispatcher turns it into an `ApiError` value. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: FieldError[]
  readonly retryAfterSeconds?: number
  constructor(code: ErrorCode, message: string, extra: { fields?: FieldError[]; retryAfterSeconds?: number } = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = extra.fields
    this.retryAfterSeconds = extra.retryAfterSeconds
  }
  toApiError(): ApiError {
    const e: ApiError = { code: this.code, message: this.message }
    if (this.fields) e.fields = this.fields
    if (this.retryAfterSeconds !== undefined) e.retryAfterSeconds = this.retryAfterSeconds
    return e
  }
}

export function fieldError(path: string, code: string, message: string): AppError {
  return new AppError('validation', message, { fields: [{ path, code }] })
}
