// Where the user is inside the logged-in app. A tiny state-based router: a
// typed `Route` value in React state, no URLs and no router library (the app
// runs from app:// or a token-carrying local address, so deep links have no use).
//
// To add a screen: add a variant to `Route` below, then add its entry to
// `SCREENS` in ./routes.tsx (who may open it and what it renders). TypeScript
// refuses to build until both are done, so a route cannot be half-registered.
import { createContext, useContext } from 'react'

export type Route =
  | { name: 'patients' }
  | { name: 'patientNew' }
  /** `notice` says what just happened, so the screen can confirm it ("Saved"). */
  | { name: 'patient'; id: number; notice?: 'created' | 'updated' }
  | { name: 'patientEdit'; id: number }
  /** `added` names the person just added, so the list can confirm it. */
  | { name: 'users'; added?: string }
  | { name: 'userNew' }
  | { name: 'settings' }
  /** A consultation as the clinician runs it, or reads it when finished. */
  | { name: 'consultation'; id: number }
  /** Admin: the stored consultation scripts and importing one; one stored version, read-only. */
  | { name: 'scripts' }
  | { name: 'script'; id: number }
  /** The staff desk: signed consents, and one consent with its PDF. */
  | { name: 'consents' }
  | { name: 'consent'; consultationId: number }
  /** Admin: verify the record, back up, restore. */
  | { name: 'maintenance' }

export type RouteName = Route['name']
export type RouteOf<N extends RouteName> = Extract<Route, { name: N }>

export interface Navigation {
  route: Route
  navigate(to: Route): void
}

export const NavigationContext = createContext<Navigation | null>(null)

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext)
  if (!nav) throw new Error('useNavigation() is used outside the app shell.')
  return nav
}
