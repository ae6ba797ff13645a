// Clinic-wide settings: the clinic's name and address (printed on every
// consent) and how long the app waits before locking itself.
import { z } from 'zod'
import { anyUser, defineCall, roles } from './define'
import { clinicFields } from './setup'
import type { ClinicSettings } from '../domain'

export const settingsCalls = {
  'settings.get': defineCall<ClinicSettings>()({
    input: z.object({}).strict(),
    access: anyUser,
  }),
  'settings.update': defineCall<ClinicSettings>()({
    input: z
      .object({
        clinic: clinicFields,
        idleLockMinutes: z.number({ error: 'required' }).int('invalid').min(1, 'too_small').max(60, 'too_large'),
      })
      .strict(),
    access: roles('admin'),
  }),
}
