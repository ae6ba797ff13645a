// Setup, login, idle lock and logout.
import { z } from 'zod'
import { anyUser, defineCall, publicAccess } from './define'
import { line, newPassword, password, paragraph, username } from './fields'
import type { SessionInfo } from '../domain'

export const clinicFields = z.object({
  name: line(120),
  address: paragraph(300),
})

export const sessionCalls = {
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
  'session.login': defineCall<SessionInfo>()({
    input: z.object({ username, password }).strict(),
    access: publicAccess,
  }),
  'session.current': defineCall<SessionInfo | null>()({
    input: z.object({}).strict(),
    access: publicAccess,
  }),
  'session.logout': defineCall<null>()({
    input: z.object({}).strict(),
    access: { ...anyUser, whileLocked: true, patientMode: false },
  }),
  'session.lock': defineCall<null>()({
    input: z.object({}).strict(),
    access: { ...anyUser, whileLocked: true, patientMode: true },
  }),
  'session.unlock': defineCall<SessionInfo>()({
    input: z.object({ password }).strict(),
    access: { ...anyUser, whileLocked: true, patientMode: true },
  }),
}
