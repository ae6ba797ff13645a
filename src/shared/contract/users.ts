// Managing the people who use the app: administrators only.
import { z } from 'zod'
import { defineCall, roles } from './define'
import { line, newPassword, username } from './fields'
import { ROLES } from '../roles'
import type { UserSummary } from '../domain'

export const userCalls = {
  'users.list': defineCall<UserSummary[]>()({
    input: z.object({}).strict(),
    access: roles('admin'),
  }),
  'users.create': defineCall<UserSummary>()({
    input: z
      .object({
        username,
        displayName: line(120),
        role: z.enum(ROLES, { error: 'required' }),
        password: newPassword,
      })
      .strict(),
    access: roles('admin'),
  }),
}
