// What a list, detail or form screen asks the core for when it opens (a
// patient, the users, a script, the clinic's settings), and again when what it
// shows changes (another id). An answer that comes after the screen has moved
// on (another id, or left) is dropped, so a slow answer never overwrites a
// newer one or touches a screen that is gone.
import { useEffect, type DependencyList } from 'react'

/** `load` null: nothing to ask (a form for a new record). */
export function useLoadOnOpen<T>(load: (() => Promise<T>) | null, loaded: (value: T) => void, failed: (err: unknown) => void, deps: DependencyList): void {
  useEffect(() => {
    if (!load) return
    let live = true
    load()
      .then((value) => live && loaded(value))
      .catch((err: unknown) => live && failed(err))
    return () => {
      live = false
    }
    // The caller's deps say when to ask again, as they would for its own effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
}
