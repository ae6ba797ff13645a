// The registry of screens inside the logged-in app: for every `Route` variant
// (see ./navigation.ts), who may open it and what it renders; and the menu.
//
// Adding a screen (e.g. a consultation, patient mode, consents):
//   1. add a variant to `Route` in ./navigation.ts,
//   2. add its entry to `SCREENS` below (the mapped type makes this required),
//   3. if it belongs in the top menu, add a `MENU` item; otherwise link to it
//      from another screen with `navigate({ name: ... })`.
// Roles here only hide what a person cannot use; the core checks every call.
import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import type { Role } from '../../shared/roles'
import type { Route, RouteName, RouteOf } from './navigation'
import { PatientsScreen } from './screens/patients/PatientsScreen'
import { PatientFormScreen } from './screens/patients/PatientFormScreen'
import { PatientDetailScreen } from './screens/patients/PatientDetailScreen'
import { UsersScreen } from './screens/users/UsersScreen'
import { UserFormScreen } from './screens/users/UserFormScreen'
import { SettingsScreen } from './screens/settings/SettingsScreen'
import { ConsultationScreen } from './consultation/ConsultationScreen'
import { ScriptsScreen } from './scripts/ScriptsScreen'
import { ScriptScreen } from './scripts/ScriptScreen'
import { ConsentsScreen } from './consents/ConsentsScreen'
import { ConsentDetailScreen } from './consents/ConsentDetailScreen'
import { MaintenanceScreen } from './maintenance/MaintenanceScreen'

interface ScreenEntry<N extends RouteName> {
  roles: readonly Role[]
  render(route: RouteOf<N>): ReactNode
}

const PATIENT_DESK: readonly Role[] = ['clinician', 'staff']
const ADMIN: readonly Role[] = ['admin']

export const SCREENS: { [N in RouteName]: ScreenEntry<N> } = {
  patients: { roles: PATIENT_DESK, render: () => <PatientsScreen /> },
  patientNew: { roles: PATIENT_DESK, render: () => <PatientFormScreen /> },
  patient: { roles: PATIENT_DESK, render: (r) => <PatientDetailScreen id={r.id} notice={r.notice} /> },
  patientEdit: { roles: PATIENT_DESK, render: (r) => <PatientFormScreen id={r.id} /> },
  users: { roles: ADMIN, render: (r) => <UsersScreen added={r.added} /> },
  userNew: { roles: ADMIN, render: () => <UserFormScreen /> },
  settings: { roles: ADMIN, render: () => <SettingsScreen /> },
  consultation: { roles: PATIENT_DESK, render: (r) => <ConsultationScreen id={r.id} /> },
  scripts: { roles: ADMIN, render: () => <ScriptsScreen /> },
  script: { roles: ADMIN, render: (r) => <ScriptScreen id={r.id} /> },
  consents: { roles: PATIENT_DESK, render: () => <ConsentsScreen /> },
  consent: { roles: PATIENT_DESK, render: (r) => <ConsentDetailScreen consultationId={r.consultationId} /> },
  maintenance: { roles: ADMIN, render: () => <MaintenanceScreen /> },
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
  { route: { name: 'scripts' }, label: (t) => t('scripts:nav'), covers: ['scripts', 'script'] },
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

export function renderRoute(route: Route): ReactNode {
  // The cast is safe: SCREENS[route.name] is the entry for exactly this variant.
  const entry = SCREENS[route.name] as ScreenEntry<typeof route.name>
  return entry.render(route as never)
}
