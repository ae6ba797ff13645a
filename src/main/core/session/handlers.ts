// Login, idle lock and logout, as contract handlers.
import type { SessionInfo } from '../../../shared/domain'
import type { sessionCalls } from '../../../shared/contract/session'
import { recordAudit } from '../audit/chain'
import { readSettings } from '../settings/settings'
import { inTransaction, type CoreContext } from '../context'
import { requireSession, type CallContext, type HandlersFor } from '../dispatch/types'
import { getUser, toUserSummary } from '../users/users'
import type { Session } from './sessions'

export function sessionInfo(ctx: CoreContext, s: Session): SessionInfo {
  return {
    user: toUserSummary(getUser(ctx, s.userId)),
    idleLockMinutes: readSettings(ctx).idleLockMinutes,
    locked: s.locked,
    patientModeConsultationId: s.patientModeConsultationId,
  }
}

/**
 * Replaces the caller's session (if any) with a new one for `user`, and hands
 * it to the host. The login's audit row commits first: if it cannot be written
 * (a full disk), no session exists that the trail does not show, and the
 * caller keeps whatever session it had.
 */
export function startSession(call: CallContext, user: { id: number }): SessionInfo {
  const { sessions, ctx } = call
  const u = toUserSummary(getUser(ctx, user.id))
  inTransaction(ctx, () => recordAudit(ctx, { id: u.id, name: u.displayName, role: u.role }, { action: 'login', entityType: 'user', entityId: u.id }))
  if (call.host.sessionId) sessions.end(call.host.sessionId)
  const s = sessions.create(u)
  call.host.setSessionId(s.id)
  return sessionInfo(ctx, s)
}

export const sessionHandlers = {
  'session.login': async (input, call) => {
    const user = await call.passwords.check(call.actor, input.username, input.password)
    return startSession(call, user)
  },

  'session.current': (_i, { ctx, session }) => (session ? sessionInfo(ctx, session) : null),

  // The session ends first and stays ended even if its audit row cannot be
  // written (a full disk): ending a session is the safe direction, and a
  // person who pressed "Log out" must not be left logged in. The failed row
  // is still reported as the call's error.
  'session.logout': (_i, call) => {
    const s = requireSession(call)
    call.sessions.end(s.id)
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
    await call.passwords.check(call.actor, s.username, input.password)
    s.locked = false
    call.sessions.touch(s)
    return sessionInfo(call.ctx, s)
  },
} satisfies HandlersFor<keyof typeof sessionCalls>
