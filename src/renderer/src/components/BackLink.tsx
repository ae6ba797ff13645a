// The "← Back to …" link above a detail screen (a patient, a consent, a
// consultation, a script): one look and one markup for every way back.
import type { ReactNode } from 'react'
import { useNavigation, type Route } from '../navigation'

export function BackLink({ to, children }: { to: Route; children: ReactNode }) {
  const { navigate } = useNavigation()
  return (
    <p className="breadcrumb">
      <button type="button" className="link-button" onClick={() => navigate(to)}>
        <span aria-hidden="true">← </span>
        {children}
      </button>
    </p>
  )
}
