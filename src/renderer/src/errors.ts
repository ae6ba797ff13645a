// Turns error values from the core into sentences in the user's language.
// Error codes (src/shared/errors.ts) translate as `common:errors.<code>`, field
// codes (the schemas' messages) as `common:fieldErrors.<code>`, roles as
// `common:roles.<role>`. Keys built at run time are registered with their code
// lists in i18n/dynamic-keys.ts, which test/i18n-catalogs.test.ts checks.
import type { TFunction } from 'i18next'
import type { ErrorCode, FieldError } from '../../shared/errors'
import type { Role } from '../../shared/roles'
import { ApiCallError } from './api'
import { NAMESPACES } from './i18n'

/** A sentence for an error thrown by `call()` (or anything else): never a stack trace. */
export function errorText(t: TFunction, e: unknown): string {
  const code: ErrorCode = e instanceof ApiCallError ? e.code : 'internal'
  if (code === 'rate_limited' && e instanceof ApiCallError) return t('common:errors.rate_limited_wait', { count: e.retryAfterSeconds ?? 1 })
  return t(`common:errors.${code}`)
}

/**
 * A field code's sentence: from `common:fieldErrors`, else from the
 * `fieldErrors` of the namespace whose screens raise it (e.g. consultation),
 * else the general "not valid".
 */
export function fieldErrorText(t: TFunction, code: string): string {
  return t(`common:fieldErrors.${code}`, {
    defaultValue: t(`fieldErrors.${code}`, { ns: NAMESPACES, defaultValue: t('common:fieldErrors.invalid') }),
  })
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
