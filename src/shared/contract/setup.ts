// First run: whether the clinic is set up, creating it with its first
// administrator, or loading the demo clinic.
import { z } from 'zod'
import { defineCall, publicAccess } from './define'
import { line, newPassword, paragraph, username } from './fields'
import type { SessionInfo } from '../domain'

export const clinicFields = z.object({
  name: line(120),
  address: paragraph(300),
})

export const setupCalls = {
  'setup.status': defineCall<{ needsSetup: boolean; clinicName: string | null }>()({
    input: z.object({}).strict(),
    access: publicAccess,
  }),
  'setup.createClinic': defineCall<SessionInfo>()({
    input: z
      .object({
        clinic: clinicFields,
        admin: z.object({ username, displayName: line(120), password: newPassword }).strict(),
      })
      .strict(),
    access: publicAccess,
  }),
  'setup.loadDemo': defineCall<{ logins: { username: string; password: string; role: string }[] }>()({
    input: z.object({}).strict(),
    access: publicAccess,
  }),
}
