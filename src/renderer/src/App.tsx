// The app's top level: finds out whether the clinic is set up and whether
// someone is logged in, then shows setup, login, or the shell with the current
// screen. It owns the idle lock: while locked, the screen stays mounted (so
// nothing typed is lost) but is inert and hidden from assistive technology,
// and the lock dialog sits on top.
//
// Start-up speed: the setup and login screens are in the entry script; every
// screen of the logged-in app is a chunk fetched when first needed (routes.tsx),
// and so are the catalogs other than those of the first screens (i18n). While
// the login form waits for a password, the likely next chunks are fetched.
import { Component, Suspense, use, useCallback, useEffect, useMemo, useRef, useState, type ErrorInfo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../shared/domain'
import type { CallOutput } from '../../shared/contract'
import { ROLES } from '../../shared/roles'
import { call, onSessionProblem } from './api'
import { AnnouncerProvider } from './announcer'
import { AppShell } from './components/AppShell'
import { Notice } from './components/Notice'
import { catalogsLoaded, loadCatalogs } from './i18n'
import { useIdleLock } from './idle'
import { NavigationContext, type Route } from './navigation'
import { canOpen, homeRouteFor, PatientModeScreen, preloadRoute, preloadScreensFor, renderRoute } from './routes'
import { SessionContext, type SessionState } from './session'
import { LockOverlay } from './screens/session/LockOverlay'
import { LoginScreen, type LoginNotice } from './screens/session/LoginScreen'
import { SetupScreen } from './screens/setup/SetupScreen'
import { NotAllowedScreen } from './screens/session/NotAllowedScreen'

type Phase =
  | { kind: 'starting' }
  | { kind: 'unreachable' }
  | { kind: 'setup' }
  | { kind: 'login'; clinicName: string; notice?: LoginNotice }
  | { kind: 'app'; session: SessionInfo; clinicName: string }

let whereToStart: Promise<[CallOutput<'setup.status'>, CallOutput<'session.current'>]> | undefined

/**
 * The two questions the first screen depends on (is the clinic set up? is
 * someone logged in?), asked together, once. main.tsx asks before React's
 * first render so the answers are already on their way.
 */
export function askWhereToStart() {
  return (whereToStart ??= Promise.all([call('setup.status', {}), call('session.current', {})]))
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' })

  useEffect(() => {
    let cancelled = false
    askWhereToStart().then(
      ([status, session]) => {
        if (cancelled) return
        const clinicName = status.clinicName ?? ''
        if (status.needsSetup) setPhase({ kind: 'setup' })
        else setPhase(session ? { kind: 'app', session, clinicName } : { kind: 'login', clinicName })
      },
      () => {
        if (!cancelled) setPhase({ kind: 'unreachable' })
      },
    )
    return () => {
      cancelled = true
    }
  }, [])

  // While the login form waits for a password, fetch the remaining catalogs and
  // each role's home screen, so logging in shows the app without a loading step.
  const waitingForLogin = phase.kind === 'login'
  useEffect(() => {
    if (!waitingForLogin) return
    const id = requestIdleCallback(() => {
      loadCatalogs().catch(() => {}) // if this fails, logging in tries again and says so
      for (const role of ROLES) preloadRoute(homeRouteFor(role)).catch(() => {})
    })
    return () => cancelIdleCallback(id)
  }, [waitingForLogin])

  const toLogin = useCallback((notice?: LoginNotice) => setPhase((p) => ({ kind: 'login', clinicName: 'clinicName' in p ? p.clinicName : '', notice })), [])

  return (
    <AnnouncerProvider>
      {phase.kind === 'starting' ? <Starting /> : null}
      {phase.kind === 'unreachable' ? <Unreachable /> : null}
      {phase.kind === 'setup' ? (
        <SetupScreen onCreated={(session, clinicName) => setPhase({ kind: 'app', session, clinicName })} onDemoLoaded={(clinicName) => setPhase({ kind: 'login', clinicName })} />
      ) : null}
      {phase.kind === 'login' ? (
        <LoginScreen clinicName={phase.clinicName} notice={phase.notice} onLoggedIn={(session) => setPhase({ kind: 'app', session, clinicName: phase.clinicName })} />
      ) : null}
      {phase.kind === 'app' ? (
        // A new login (even by the same person) starts from a clean shell.
        <LoggedIn
          key={`${phase.session.user.id}`}
          initialSession={phase.session}
          clinicName={phase.clinicName}
          onLoggedOut={toLogin}
          onClinicRenamed={(clinicName) => setPhase((p) => (p.kind === 'app' ? { ...p, clinicName } : p))}
        />
      ) : null}
    </AnnouncerProvider>
  )
}

function Starting() {
  const { t } = useTranslation('common')
  return (
    <main className="centered" aria-busy="true">
      <p className="muted" role="status">
        {t('shell.starting')}
      </p>
    </main>
  )
}

/** Shown while a screen's chunk (or the catalogs) is being fetched. */
function Loading() {
  const { t } = useTranslation('common')
  return (
    <p className="muted" role="status">
      {t('shell.loading')}
    </p>
  )
}

/**
 * Holds the logged-in app back until every catalog is in (the menu and the
 * screens use all namespaces), fetching the first screen's chunk meanwhile.
 */
function WithAllCatalogs({ preload, children }: { preload(): Promise<unknown>; children: ReactNode }) {
  if (!catalogsLoaded()) {
    preload().catch(() => {}) // the same fetch on every call; the screen itself reports a failure
    use(loadCatalogs())
  }
  return children
}

/**
 * If part of the app cannot be fetched (e.g. the app was updated while this
 * page stayed open, so its old chunk is gone) or a screen fails to render, say
 * so in plain words with a way out, instead of an empty window.
 */
class LoadProblem extends Component<{ page?: boolean; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }
  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A screen could not be shown', error, info.componentStack)
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return this.props.page ? (
      <main className="centered">
        <LoadFailed />
      </main>
    ) : (
      <LoadFailed />
    )
  }
}

function LoadFailed() {
  const { t } = useTranslation('common')
  return (
    <div className="card card--narrow">
      <Notice kind="error">{t('shell.loadFailed')}</Notice>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('shell.reload')}
      </button>
    </div>
  )
}

function Unreachable() {
  const { t } = useTranslation('common')
  return (
    <main className="centered">
      <div className="card card--narrow">
        <h1 className="screen__title">{t('appName')}</h1>
        <Notice kind="error">{t('errors.unreachable')}</Notice>
      </div>
    </main>
  )
}

function LoggedIn(props: { initialSession: SessionInfo; clinicName: string; onLoggedOut(notice?: LoginNotice): void; onClinicRenamed(name: string): void }) {
  const { onLoggedOut, onClinicRenamed } = props
  const [session, setSession] = useState(props.initialSession)
  const [locked, setLocked] = useState(props.initialSession.locked)
  const [route, setRoute] = useState<Route>(() => homeRouteFor(props.initialSession.user.role))
  const [idleMinutes, setIdleMinutes] = useState(props.initialSession.idleLockMinutes)
  const focusBeforeLock = useRef<Element | null>(null)

  // Once the first screen is up, fetch the others this person may open, so
  // moving around never waits for a chunk (nor shows a loading step).
  const role = props.initialSession.user.role
  useEffect(() => {
    const id = requestIdleCallback(() => preloadScreensFor(role))
    return () => cancelIdleCallback(id)
  }, [role])

  // Remember where focus was when the lock came up, to give it back afterwards.
  const lockedNow = useRef(locked)
  const showLock = useCallback(() => {
    if (!lockedNow.current) focusBeforeLock.current = document.activeElement
    lockedNow.current = true
    setLocked(true)
  }, [])

  useEffect(() => {
    if (locked) return
    // Runs after React removed `inert`, so the element can take focus again.
    const el = focusBeforeLock.current
    focusBeforeLock.current = null
    if (el instanceof HTMLElement && el.isConnected) el.focus()
  }, [locked])

  const lock = useCallback(() => {
    showLock()
    // If this fails the core still locks on its own idle clock; the overlay is already up.
    call('session.lock', {}).catch(() => {})
  }, [showLock])

  const logOut = useCallback(() => {
    call('session.logout', {})
      .catch(() => {})
      .finally(() => onLoggedOut('loggedOut'))
  }, [onLoggedOut])

  useEffect(
    () =>
      onSessionProblem((code) => {
        if (code === 'locked') showLock()
        else onLoggedOut('sessionEnded')
      }),
    [showLock, onLoggedOut],
  )

  useIdleLock({
    minutes: idleMinutes,
    paused: locked,
    onIdle: lock,
    onHeartbeat: () => {
      call('session.current', {})
        .then((s) => {
          if (!s) onLoggedOut('sessionEnded')
          else if (s.locked) showLock()
        })
        .catch(() => {})
    },
  })

  const unlocked = useCallback((s: SessionInfo) => {
    setSession(s)
    setIdleMinutes(s.idleLockMinutes)
    lockedNow.current = false
    setLocked(false)
  }, [])

  const sessionState = useMemo<SessionState>(
    () => ({
      session,
      clinicName: props.clinicName,
      lock,
      logOut,
      settingsChanged: ({ clinicName, idleLockMinutes }) => {
        onClinicRenamed(clinicName)
        setIdleMinutes(idleLockMinutes)
      },
      patientModeChanged: (consultationId) => setSession((s) => ({ ...s, patientModeConsultationId: consultationId })),
    }),
    [session, props.clinicName, lock, logOut, onClinicRenamed],
  )
  const navigation = useMemo(() => ({ route, navigate: setRoute }), [route])
  const allowed = canOpen(route, session.user.role)

  return (
    <SessionContext value={sessionState}>
      <NavigationContext value={navigation}>
        <div className="app" inert={locked} aria-hidden={locked || undefined}>
          <LoadProblem page>
            <Suspense
              fallback={
                <main className="centered">
                  <Loading />
                </main>
              }
            >
              <WithAllCatalogs preload={session.patientModeConsultationId !== null ? PatientModeScreen.preload : () => preloadRoute(route)}>
                {session.patientModeConsultationId !== null ? (
                  // The screen is with the patient: no shell, no menu, only their steps.
                  <PatientModeScreen
                    consultationId={session.patientModeConsultationId}
                    onHandedBack={(c) => {
                      setSession((s) => ({ ...s, patientModeConsultationId: null }))
                      setRoute({ name: 'consultation', id: c.id })
                    }}
                  />
                ) : (
                  <AppShell>
                    <div key={JSON.stringify(route)} className="screen">
                      <LoadProblem>
                        <Suspense fallback={<Loading />}>{allowed ? renderRoute(route) : <NotAllowedScreen />}</Suspense>
                      </LoadProblem>
                    </div>
                  </AppShell>
                )}
              </WithAllCatalogs>
            </Suspense>
          </LoadProblem>
        </div>
        {locked ? <LockOverlay user={session.user} onUnlocked={unlocked} onLogOut={logOut} /> : null}
      </NavigationContext>
    </SessionContext>
  )
}
