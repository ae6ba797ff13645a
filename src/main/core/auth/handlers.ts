// Setup, login, idle lock and logout, as contract handlers.
import { AppError } from '../../../shared/errors'
import type { SessionInfo } from '../../../shared/domain'
import type { sessionCalls } from '../../../shared/contract/session'
import { recordAudit } from '../audit/chain'
import { createClinic, needsSetup } from '../clinic/setup'
import { seedDemo } from '../clinic/demo'
import { readSettings } from '../clinic/settings'
import { inTransaction, type CoreContext } from '../context'
import { requireSession, type CallContext, type HandlersFor } from '../dispatch/types'
import { findUserByUsername, getUser, toUserSummary } from '../users/users'
import { decoyHash, verifyPassword } from './passwords'
import type { Session } from './sessions'

export function sessionInfo(ctx: CoreContext, s: Session): SessionInfo {
  return {
    user: toUserSummary(getUser(ctx, s.userId)),
    idleLockMinutes: readSettings(ctx).idleLockMinutes,
    locked: s.locked,
    patientModeConsultationId: s.patientModeConsultationId,
  }
}

/** Checks a user's password with throttling; throws `wrong_password` or `rate_limited`. */
export async function checkPassword(call: CallContext, username: string, password: string): Promise<ReturnType<typeof findUserByUsername> & object> {
  const { core, ctx } = call
  const wait = core.throttle.waitSeconds(username)
  if (wait > 0)
    throw new AppError('rate_limited', `Too many wrong passwords. Please wait ${wait} seconds and try again.`, { retryAfterSeconds: wait })
  const user = findUserByUsername(ctx, username)
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()))
  if (!user || !ok) {
    core.throttle.recordFailure(username)
    inTransaction(ctx, () =>
      recordAudit(ctx, call.actor, { action: 'login.failed', entityType: 'user', entityId: user?.id ?? null, detail: { username } }),
    )
    throw new AppError('wrong_password', 'That username and password do not match. Check them and try again.')
  }
  core.throttle.recordSuccess(username)
  return user
}

function startSession(call: CallContext, user: { id: number }): SessionInfo {
  const { core, ctx } = call
  if (call.host.sessionId) core.sessions.end(call.host.sessionId)
  const u = toUserSummary(getUser(ctx, user.id))
  const s = core.sessions.create(u)
  call.host.setSessionId(s.id)
  inTransaction(ctx, () => recordAudit(ctx, { id: u.id, name: u.displayName, role: u.role }, { action: 'login', entityType: 'user', entityId: u.id }))
  return sessionInfo(ctx, s)
}

export const sessionHandlers = {
  'setup.status': (_i, { ctx }) => ({ needsSetup: needsSetup(ctx), clinicName: readSettings(ctx).clinic.name || null }),

  'setup.createClinic': async (input, call) => {
    const admin = await createClinic(call.ctx, input)
    return startSession(call, admin)
  },

  'setup.loadDemo': async (_i, { ctx, core }) => {
    const logins = await seedDemo(ctx, core)
    return { logins: logins.map(({ username, password, role }) => ({ username, password, role })) }
  },

  'session.login': async (input, call) => {
    const user = await checkPassword(call, input.username, input.password)
    return startSession(call, user)
  },

  'session.current': (_i, { ctx, session }) => (session ? sessionInfo(ctx, session) : null),

  'session.logout': (_i, call) => {
    const s = requireSession(call)
    call.core.sessions.end(s.id)
    call.host.setSessionId(null)
    inTransaction(call.ctx, () => recordAudit(call.ctx, call.actor, { action: 'logout', entityType: 'user', entityId: s.userId }))
    return null
  },

  'session.lock': (_i, call) => {
    requireSession(call).locked = true
    return null
  },

  'session.unlock': async (input, call) => {
    const s = requireSession(call)
    await checkPassword(call, s.username, input.password)
    s.locked = false
    call.core.sessions.touch(s)
    return sessionInfo(call.ctx, s)
  },
} satisfies HandlersFor<keyof typeof sessionCalls>
