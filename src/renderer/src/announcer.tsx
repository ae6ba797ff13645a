// One polite live region for the whole app, so a screen reader hears "Saved",
// "3 patients found" or "Please correct the marked fields" without moving
// focus. Screens also show the same words on screen; this is the spoken copy.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'

type Announce = (message: string) => void

const AnnouncerContext = createContext<Announce>(() => {})

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext)
}

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('')
  const timer = useRef<number | undefined>(undefined)
  const announce = useCallback<Announce>((m) => {
    // Clearing first makes a repeated identical message be read again.
    setMessage('')
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setMessage(m), 60)
  }, [])
  const value = useMemo(() => announce, [announce])
  return (
    <AnnouncerContext value={value}>
      {children}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnouncerContext>
  )
}
