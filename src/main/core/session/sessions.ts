// Logged-in sessions, held in memory by the running app. A session locks
// itself after the clinic's idle time; while a patient holds the screen it is
// pinned to that patient's consultation.
import { randomBytes } from 'node:crypto'
import type { Role } from '../../../shared/roles'
import type { Clock } from '../util/clock'

export interface Session {
  id: string
  userId: number
  username: string
  displayName: string
  role: Role
  lastActivityAt: number
  locked: boolean
  patientModeConsultationId: number | null
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>()
  constructor(
    private readonly now: Clock,
    private readonly idleLockMinutes: () => number,
  ) {}

  create(user: { id: number; username: string; displayName: string; role: Role }): Session {
    const s: Session = {
      id: randomBytes(32).toString('base64url'),
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      lastActivityAt: this.now().getTime(),
      locked: false,
      patientModeConsultationId: null,
    }
    this.sessions.set(s.id, s)
    return s
  }

  /** Looks a session up and applies the idle lock if its time has passed. */
  get(id: string | null | undefined): Session | null {
    if (!id) return null
    const s = this.sessions.get(id)
    if (!s) return null
    if (!s.locked && this.now().getTime() - s.lastActivityAt > this.idleLockMinutes() * 60_000) s.locked = true
    return s
  }

  touch(s: Session): void {
    s.lastActivityAt = this.now().getTime()
  }

  end(id: string): void {
    this.sessions.delete(id)
  }

  /** Logs everyone out (after a restore the users may no longer be who they were). */
  endAll(): void {
    this.sessions.clear()
  }
}
