// Turns error values from the core into sentences in the user's language.
// Error codes (src/shared/errors.ts) translate as `common:errors.<code>`, field
// codes (the schemas' messages) as `common:fieldErrors.<code>`, roles as
// `common:roles.<role>`. These three prefixes are the only keys built at run
// time; test/i18n-catalogs.test.ts checks each of them against its source list.
import type { TFunction } from 'i18next'
import type { ErrorCode, FieldError } from '../../shared/errors'
import type { Role } from '../../shared/roles'
import { ApiCallError } from './api'

/** Field codes the renderer itself produces (checks that need no round trip). */
export const RENDERER_FIELD_CODES = ['password_mismatch'] as const

/** A sentence for an error thrown by `call()` (or anything else): never a stack trace. */
export function errorText(t: TFunction, e: unknown): string {
  const code: ErrorCode = e instanceof ApiCallError ? e.code : 'internal'
  if (code === 'rate_limited' && e instanceof ApiCallError)
    return t('common:errors.rate_limited_wait', { count: e.retryAfterSeconds ?? 1 })
  return t(`common:errors.${code}`)
}

export function fieldErrorText(t: TFunction, code: string): string {
  const key = `common:fieldErrors.${code}`
  return t(key, { defaultValue: t('common:fieldErrors.invalid') })
}

export function roleText(t: TFunction, role: Role): string {
  return t(`common:roles.${role}`)
}

/** Field errors keyed by the field's path, when `e` is a validation error. */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (e instanceof ApiCallError) for (const f of e.fields as FieldError[]) out[f.path] ??= f.code
  return out
}
