// How a contract entry is declared: the zod schema of its input, who may call
// it, and (as a type only) what it returns. Hosts validate with `input`; the
// core's dispatcher checks `access` before any handler runs.
import type { z } from 'zod'
import type { Role } from '../roles'

export type Access =
  /** Reachable without logging in (setup, login). */
  | { kind: 'public' }
  /**
   * A logged-in user with one of these roles. `whileLocked` calls still work on
   * an idle-locked session; `patientMode` calls work while a patient holds the screen.
   */
  | { kind: 'user'; roles: readonly Role[] | 'any'; whileLocked?: boolean; patientMode?: boolean }

export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I
  readonly access: Access
  /** Type-only marker of the result; never set at run time. */
  readonly __output?: O
}

/** `defineCall<Output>()({ input, access })`: curried so the input type is inferred. */
export function defineCall<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access }): CallSpec<I, O> => spec
}

export const anyUser = { kind: 'user', roles: 'any' } as const satisfies Access
export const publicAccess = { kind: 'public' } as const satisfies Access
export function roles(...r: Role[]): Access {
  return { kind: 'user', roles: r }
}
