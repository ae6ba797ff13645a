// A visible message box: a confirmation ("Saved") or a problem that belongs to
// the whole form rather than one field. Problems use role="alert" so they are
// read at once; confirmations are also sent to the app's live region by the
// screen that shows them.
import type { ReactNode } from 'react'

export function Notice({ kind, children }: { kind: 'success' | 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : undefined}>
      <span className="notice__icon" aria-hidden="true">
        {kind === 'success' ? '✓' : kind === 'error' ? '!' : 'i'}
      </span>
      <div className="notice__text">{children}</div>
    </div>
  )
}
