import type { userCalls } from '../../../shared/contract/users'
import type { HandlersFor } from '../dispatch/types'
import { createUser, listUsers } from './users'

export const userHandlers = {
  'users.list': (_i, { ctx }) => listUsers(ctx),
  'users.create': (input, { ctx, actor }) => createUser(ctx, actor, input),
} satisfies HandlersFor<keyof typeof userCalls>
