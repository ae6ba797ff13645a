// The frame around every logged-in screen: a skip link, the header with the
// clinic, the person logged in and their role, the menu their role may use,
// and the Lock and Log out buttons. The screen itself goes in <main>.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigation } from '../navigation'
import { menuFor } from '../routes'
import { useSession } from '../session'
import { roleText } from '../errors'

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common')
  const { route, navigate } = useNavigation()
  const { session, clinicName, lock, logOut } = useSession()
  const menu = menuFor(session.user.role)

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="shell__brand">
          <span className="shell__app-name">{t('appName')}</span>
          <span className="shell__clinic">{clinicName}</span>
        </div>
        <nav className="shell__nav" aria-label={t('shell.menu')}>
          <ul>
            {menu.map((m) => {
              const current = m.covers.includes(route.name)
              return (
                <li key={m.route.name}>
                  <button
                    type="button"
                    className={current ? 'nav-item nav-item--current' : 'nav-item'}
                    aria-current={current ? 'page' : undefined}
                    onClick={() => navigate(m.route)}
                  >
                    {m.label(t)}
                  </button>
                </li>
              )
            })}
          </ul>
        </nav>
        <div className="shell__user">
          <div className="shell__who">
            <span className="shell__user-name">{session.user.displayName}</span>
            <span className="shell__role">{roleText(t, session.user.role)}</span>
          </div>
          <div className="shell__actions">
            <button type="button" className="button button--quiet" onClick={lock}>
              {t('shell.lock')}
            </button>
            <button type="button" className="button button--quiet" onClick={logOut}>
              {t('shell.logOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}
