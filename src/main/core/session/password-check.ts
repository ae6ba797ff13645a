// The one throttled password check: logging in, unlocking, taking the screen
// back from the patient and signing off all ask it, so every wrong password
// counts against the same limit and leaves the same audit row.
//
// Order matters: the attempt is counted (durably) before the password is
// hashed, so parallel guesses cannot all slip in before the first failure
// is recorded; and the hashing itself waits for one of a few slots.
import { AppError } from '../../../shared/errors'
import { recordAudit } from '../audit/chain'
import { inTransaction, type Actor, type CoreContext } from '../context'
import { findUserByUsername, type UserRow } from '../users/users'
import { HashingSlots } from './hashing-slots'
import type { LoginThrottle } from './login-throttle'
import { decoyHash, verifyPassword } from './passwords'

/** Two hashes at once leave the other two of libuv's four worker threads to file work. */
const HASHING_AT_ONCE = 2
/** More waiting than a clinic's desks ever make at once: only a script fills it. */
const WAITING_AT_MOST = 8

function rateLimited(seconds: number): AppError {
  return new AppError('rate_limited', `Too many wrong passwords. Please wait ${seconds} seconds and try again.`, { retryAfterSeconds: seconds })
}

export class PasswordCheck {
  private readonly slots = new HashingSlots(HASHING_AT_ONCE, WAITING_AT_MOST)

  constructor(
    private readonly ctx: CoreContext,
    private readonly throttle: LoginThrottle,
  ) {}

  /** The user whose password this is; throws `wrong_password` or `rate_limited`. */
  async check(actor: Actor, username: string, password: string): Promise<UserRow> {
    const ctx = this.ctx
    // Refused before counting: a password that is never evaluated is not an attempt.
    if (this.slots.full) throw rateLimited(1)
    const wait = this.throttle.countAttempt(username)
    if (wait > 0) throw rateLimited(wait)
    const user = findUserByUsername(ctx, username)
    const ok = await this.slots.run(async () => verifyPassword(password, user?.password_hash ?? (await decoyHash())))
    if (!user || !ok) {
      inTransaction(ctx, () => recordAudit(ctx, actor, { action: 'login.failed', entityType: 'user', entityId: user?.id ?? null, detail: { username } }))
      throw new AppError('wrong_password', 'That username and password do not match. Check them and try again.')
    }
    this.throttle.clear(username)
    return user
  }
}
