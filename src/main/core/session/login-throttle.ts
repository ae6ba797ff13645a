// Slows down password guessing: after three failures for a username, each
// further try must wait, doubling from 2 seconds up to 5 minutes. Kept in
// memory: a restart resets it, which is acceptable on a single desk machine.
import type { Clock } from '../util/clock'

const FREE_TRIES = 3
const BASE_MS = 2000
const MAX_MS = 5 * 60 * 1000

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; nextAllowedAt: number }>()
  constructor(private readonly now: Clock) {}

  /** Seconds still to wait before `username` may try again; 0 when free to try. */
  waitSeconds(username: string): number {
    const f = this.failures.get(username)
    if (!f) return 0
    return Math.max(0, Math.ceil((f.nextAllowedAt - this.now().getTime()) / 1000))
  }

  recordFailure(username: string): void {
    const count = (this.failures.get(username)?.count ?? 0) + 1
    const delay = count < FREE_TRIES ? 0 : Math.min(MAX_MS, BASE_MS * 2 ** (count - FREE_TRIES))
    this.failures.set(username, { count, nextAllowedAt: this.now().getTime() + delay })
  }

  recordSuccess(username: string): void {
    this.failures.delete(username)
  }
}
