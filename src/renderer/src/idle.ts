// Watches for a person at the keyboard or screen. After the clinic's idle time
// with no activity it asks the shell to lock. While someone is active it also
// pings the core now and then, so the core's own idle clock (which only sees
// API calls) does not lock a person who is busy typing a long form.
import { useEffect, useRef } from 'react'

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
const HEARTBEAT_MS = 60_000
const CHECK_MS = 5_000

export function useIdleLock(opts: { minutes: number; paused: boolean; onIdle(): void; onHeartbeat(): void }): void {
  const latest = useRef(opts)
  useEffect(() => {
    latest.current = opts
  })

  useEffect(() => {
    if (opts.paused) return
    let lastActivity = Date.now()
    let lastBeat = Date.now()
    const onActivity = () => {
      const now = Date.now()
      lastActivity = now
      if (now - lastBeat > HEARTBEAT_MS) {
        lastBeat = now
        latest.current.onHeartbeat()
      }
    }
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { capture: true, passive: true })
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= latest.current.minutes * 60_000) latest.current.onIdle()
    }, CHECK_MS)
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity, { capture: true })
      window.clearInterval(timer)
    }
  }, [opts.paused])
}
