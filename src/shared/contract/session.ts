// Login, idle lock and logout.
import { z } from 'zod'
import { anyUser, defineCall, publicAccess } from './define'
import { password, username } from './fields'
import type { SessionInfo } from '../domain'

export const sessionCalls = {
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
