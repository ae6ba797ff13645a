// Slows down password guessing: the first three tries for a username are
// free; from the third failure on, each further try must wait, doubling from
// 2 seconds up to 5 minutes. A correct password clears the count.
//
// An attempt is counted BEFORE its password is checked, in one committed
// transaction (table password_attempts, migration 005): hashing is async, so
// counting afterwards let twelve parallel guesses all be evaluated before the
// first failure was recorded. Counting first makes the check-and-count one
// atomic step, for parallel calls in this process and for another process on
// the same clinic folder alike, and the counts survive a restart.
import { inTransaction, type CoreContext } from '../context'
import { statement } from '../db/statements'
import { iso } from '../util/clock'

const FREE_TRIES = 3
const BASE_MS = 2000
const MAX_MS = 5 * 60 * 1000

/** How long a username must wait after `failures` counted attempts. */
export function waitAfter(failures: number): number {
  return failures < FREE_TRIES ? 0 : Math.min(MAX_MS, BASE_MS * 2 ** (failures - FREE_TRIES))
}

const READ_SQL = 'SELECT failures, next_allowed_at FROM password_attempts WHERE username = ?'
const COUNT_SQL = `INSERT INTO password_attempts (username, failures, next_allowed_at) VALUES (@username, @failures, @next)
  ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, next_allowed_at = excluded.next_allowed_at`
const CLEAR_SQL = 'DELETE FROM password_attempts WHERE username = ?'

export class LoginThrottle {
  // The context, not its connection: a restore reopens `ctx.db`.
  constructor(private readonly ctx: CoreContext) {}

  /**
   * Counts one attempt for `username` and returns 0, or, while the username
   * must still wait, counts nothing and returns the seconds left.
   */
  countAttempt(username: string): number {
    const { ctx } = this
    return inTransaction(ctx, () => {
      const now = ctx.now().getTime()
      const row = statement(ctx.db, READ_SQL).get(username) as { failures: number; next_allowed_at: string } | undefined
      const failures = row?.failures ?? 0
      // Never longer than the rule allows, so a clock set back cannot lock a person out for the difference.
      const waitMs = row ? Math.min(Date.parse(row.next_allowed_at) - now, waitAfter(failures)) : 0
      if (waitMs > 0) return Math.ceil(waitMs / 1000)
      statement(ctx.db, COUNT_SQL).run({ username, failures: failures + 1, next: iso(new Date(now + waitAfter(failures + 1))) })
      return 0
    })
  }

  /** A correct password: the username starts afresh. */
  clear(username: string): void {
    inTransaction(this.ctx, () => statement(this.ctx.db, CLEAR_SQL).run(username))
  }
}
