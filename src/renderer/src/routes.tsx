// The registry of screens inside the logged-in app: for every `Route` variant
// (see ./navigation.ts), who may open it and what it renders; and the menu.
//
// Adding a screen (e.g. a consultation, patient mode, consents):
//   1. add a variant to `Route` in ./navigation.ts,
//   2. add its entry to `SCREENS` below (the mapped type makes this required),
//   3. if it belongs in the top menu, add a `MENU` item; otherwise link to it
//      from another screen with `navigate({ name: ... })`.
// Roles here only hide what a person cannot use; the core checks every call.
import { createElement, lazy, useState, type ComponentType, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import type { Role } from '../../shared/roles'
import type { Route, RouteName, RouteOf } from './navigation'

// Every screen is its own chunk, fetched the first time it is opened or
// earlier by `preloadRoute` / `preloadScreensFor` (while the login form waits,
// and after logging in), so the entry script carries only what the first
// screen (setup, login) needs. Until a screen's chunk is in, the shell shows a
// loading status (App.tsx).
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component
        return { default: component }
      },
      (e: unknown) => {
        loading = undefined // a failed preload must not doom the screen's own load later
        throw e
      },
    ))
  const Lazy = lazy(preload)
  /**
   * A screen already fetched renders at once: React.lazy would still suspend on
   * its first render, and React keeps a fallback it has shown for at least
   * 300 ms. The choice is made once per mount, so a screen is never remounted
   * (losing what was typed) when its chunk arrives.
   */
  function Screen(props: P) {
    const [Loaded] = useState(() => loaded)
    return Loaded ? createElement(Loaded, props) : createElement(Lazy, props)
  }
  return Object.assign(Screen, { preload })
}

const PatientsScreen = lazyScreen(() => import('./screens/patients/PatientsScreen').then((m) => m.PatientsScreen))
const PatientFormScreen = lazyScreen(() => import('./screens/patients/PatientFormScreen').then((m) => m.PatientFormScreen))
const PatientDetailScreen = lazyScreen(() => import('./screens/patients/PatientDetailScreen').then((m) => m.PatientDetailScreen))
const UsersScreen = lazyScreen(() => import('./screens/users/UsersScreen').then((m) => m.UsersScreen))
const UserFormScreen = lazyScreen(() => import('./screens/users/UserFormScreen').then((m) => m.UserFormScreen))
const SettingsScreen = lazyScreen(() => import('./screens/settings/SettingsScreen').then((m) => m.SettingsScreen))
const ConsultationScreen = lazyScreen(() => import('./screens/consultation/ConsultationScreen').then((m) => m.ConsultationScreen))
const ScriptsScreen = lazyScreen(() => import('./screens/script-library/ScriptsScreen').then((m) => m.ScriptsScreen))
const ScriptScreen = lazyScreen(() => import('./screens/script-library/ScriptScreen').then((m) => m.ScriptScreen))
const ConsentsScreen = lazyScreen(() => import('./screens/consents/ConsentsScreen').then((m) => m.ConsentsScreen))
const ConsentDetailScreen = lazyScreen(() => import('./screens/consents/ConsentDetailScreen').then((m) => m.ConsentDetailScreen))
const MaintenanceScreen = lazyScreen(() => import('./screens/maintenance/MaintenanceScreen').then((m) => m.MaintenanceScreen))

/** The screen with the patient (no shell): rendered by App.tsx when the session is in patient mode. */
export const PatientModeScreen = lazyScreen(() => import('./screens/consultation/patient/PatientModeScreen').then((m) => m.PatientModeScreen))

interface ScreenEntry<N extends RouteName> {
  roles: readonly Role[]
  render(route: RouteOf<N>): ReactNode
  /** Starts fetching the screen's chunk before it is rendered. */
  preload(): Promise<unknown>
}

const PATIENT_DESK: readonly Role[] = ['clinician', 'staff']
const ADMIN: readonly Role[] = ['admin']

export const SCREENS: { [N in RouteName]: ScreenEntry<N> } = {
  patients: { roles: PATIENT_DESK, render: () => <PatientsScreen />, preload: PatientsScreen.preload },
  patientNew: { roles: PATIENT_DESK, render: () => <PatientFormScreen />, preload: PatientFormScreen.preload },
  patient: { roles: PATIENT_DESK, render: (r) => <PatientDetailScreen id={r.id} notice={r.notice} />, preload: PatientDetailScreen.preload },
  patientEdit: { roles: PATIENT_DESK, render: (r) => <PatientFormScreen id={r.id} />, preload: PatientFormScreen.preload },
  users: { roles: ADMIN, render: (r) => <UsersScreen added={r.added} />, preload: UsersScreen.preload },
  userNew: { roles: ADMIN, render: () => <UserFormScreen />, preload: UserFormScreen.preload },
  settings: { roles: ADMIN, render: () => <SettingsScreen />, preload: SettingsScreen.preload },
  consultation: { roles: PATIENT_DESK, render: (r) => <ConsultationScreen id={r.id} />, preload: ConsultationScreen.preload },
  scripts: { roles: ADMIN, render: () => <ScriptsScreen />, preload: ScriptsScreen.preload },
  script: { roles: ADMIN, render: (r) => <ScriptScreen id={r.id} />, preload: ScriptScreen.preload },
  consents: { roles: PATIENT_DESK, render: () => <ConsentsScreen />, preload: ConsentsScreen.preload },
  consent: { roles: PATIENT_DESK, render: (r) => <ConsentDetailScreen consultationId={r.consultationId} />, preload: ConsentDetailScreen.preload },
  maintenance: { roles: ADMIN, render: () => <MaintenanceScreen />, preload: MaintenanceScreen.preload },
}

export interface MenuItem {
  route: Route
  label(t: TFunction): string
  /** The routes under this item, so it stays highlighted on its sub-screens. */
  covers: readonly RouteName[]
}

export const MENU: readonly MenuItem[] = [
  { route: { name: 'patients' }, label: (t) => t('common:nav.patients'), covers: ['patients', 'patientNew', 'patient', 'patientEdit', 'consultation'] },
  { route: { name: 'consents' }, label: (t) => t('consents:menu'), covers: ['consents', 'consent'] },
  { route: { name: 'users' }, label: (t) => t('common:nav.users'), covers: ['users', 'userNew'] },
  { route: { name: 'scripts' }, label: (t) => t('script-library:nav'), covers: ['scripts', 'script'] },
  { route: { name: 'settings' }, label: (t) => t('common:nav.settings'), covers: ['settings'] },
  { route: { name: 'maintenance' }, label: (t) => t('maintenance:nav'), covers: ['maintenance'] },
]

export function canOpen(route: Route, role: Role): boolean {
  return SCREENS[route.name].roles.includes(role)
}

export function menuFor(role: Role): MenuItem[] {
  return MENU.filter((m) => canOpen(m.route, role))
}

/** Where a person lands after logging in: the first menu item their role may open. */
export function homeRouteFor(role: Role): Route {
  return menuFor(role)[0]?.route ?? { name: 'patients' }
}

/** Starts fetching a route's screen, e.g. the home screen while the catalogs load. */
export function preloadRoute(route: Route): Promise<unknown> {
  return SCREENS[route.name].preload()
}

/** Fetches every screen a role may open (and patient mode, for those who run consultations), so moving around never waits. */
export function preloadScreensFor(role: Role): void {
  for (const entry of Object.values(SCREENS)) if (entry.roles.includes(role)) entry.preload().catch(() => {})
  if (SCREENS.consultation.roles.includes(role)) PatientModeScreen.preload().catch(() => {})
}

export function renderRoute(route: Route): ReactNode {
  // The cast is safe: SCREENS[route.name] is the entry for exactly this variant.
  const entry = SCREENS[route.name] as ScreenEntry<typeof route.name>
  return entry.render(route as never)
}
