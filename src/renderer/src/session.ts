// Who is logged in, for every screen of the shell: the session the core
// returned, the clinic's name for the header, and the session's own actions
// (lock, log out, and telling the shell that settings changed).
import { createContext, useContext } from 'react'
import type { SessionInfo } from '../../shared/domain'

export interface SessionState {
  session: SessionInfo
  clinicName: string
  /** Locks the app now (the Lock button, or the idle timer). */
  lock(): void
  logOut(): void
  /** Settings changed the clinic name or the idle time: refresh the shell. */
  settingsChanged(s: { clinicName: string; idleLockMinutes: number }): void
  /** The core put the screen in patient mode for this consultation (or took it back: null). */
  patientModeChanged(consultationId: number | null): void
}

export const SessionContext = createContext<SessionState | null>(null)

export function useSession(): SessionState {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession() is used outside the app shell.')
  return s
}
