// The one list of every call the renderer can make. Main (both hosts), the
// preload bridge and the renderer's API client are all built from this object,
// so a call that is not here does not exist anywhere.
import type { z } from 'zod'
import type { CallSpec } from './define'
import { consentCalls } from './consents'
import { consultationCalls } from './consultation'
import { maintenanceCalls } from './maintenance'
import { patientCalls } from './patients'
import { scriptLibraryCalls } from './script-library'
import { sessionCalls } from './session'
import { settingsCalls } from './settings'
import { setupCalls } from './setup'
import { userCalls } from './users'

export const contract = {
  ...setupCalls,
  ...sessionCalls,
  ...userCalls,
  ...settingsCalls,
  ...patientCalls,
  ...scriptLibraryCalls,
  ...consultationCalls,
  ...consentCalls,
  ...maintenanceCalls,
} as const

export type Contract = typeof contract
export type CallName = keyof Contract
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>
export type CallParsedInput<N extends CallName> = z.output<Contract[N]['input']>
export type CallOutput<N extends CallName> = Contract[N] extends CallSpec<z.ZodType, infer O> ? O : never

export const CALL_NAMES = Object.keys(contract) as CallName[]

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

export * from './define'
