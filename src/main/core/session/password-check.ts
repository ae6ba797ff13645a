// The one throttled password check: logging in, unlocking, taking the screen
// back from the patient and signing off all ask it, so every wrong password
// counts against the same limit and leaves the same audit row.
import { AppError } from '../../../shared/errors'
import { recordAudit } from '../audit/chain'
import { inTransaction, type Actor, type CoreContext } from '../context'
import { findUserByUsername, type UserRow } from '../users/users'
import type { LoginThrottle } from './login-throttle'
import { decoyHash, verifyPassword } from './passwords'

export class PasswordCheck {
  constructor(
    private readonly ctx: CoreContext,
    private readonly throttle: LoginThrottle,
  ) {}

  /** The user whose password this is; throws `wrong_password` or `rate_limited`. */
  async check(actor: Actor, username: string, password: string): Promise<UserRow> {
    const ctx = this.ctx
    const wait = this.throttle.waitSeconds(username)
    if (wait > 0) throw new AppError('rate_limited', `Too many wrong passwords. Please wait ${wait} seconds and try again.`, { retryAfterSeconds: wait })
    const user = findUserByUsername(ctx, username)
    const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()))
    if (!user || !ok) {
      this.throttle.recordFailure(username)
      inTransaction(ctx, () => recordAudit(ctx, actor, { action: 'login.failed', entityType: 'user', entityId: user?.id ?? null, detail: { username } }))
      throw new AppError('wrong_password', 'That username and password do not match. Check them and try again.')
    }
    this.throttle.recordSuccess(username)
    return user
  }
}
