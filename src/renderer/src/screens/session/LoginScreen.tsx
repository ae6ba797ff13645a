// Logging in with username and password. A wrong password is said plainly; after
// repeated failures the core makes the person wait and the screen says how long.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../../shared/domain'
import { ApiCallError, call } from '../../api'
import { useAnnounce } from '../../announcer'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { PasswordField } from '../../components/PasswordField'
import { focusFirstInvalid, useFormSubmission } from '../../components/forms'
import { errorText } from '../../errors'

export type LoginNotice = 'loggedOut' | 'sessionEnded'

export function LoginScreen(props: { clinicName: string; notice?: LoginNotice; onLoggedIn(s: SessionInfo): void }) {
  const { t } = useTranslation('session')
  const announce = useAnnounce()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { form, fields, setFields, problem, setProblem, busy, send } = useFormSubmission()

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setProblem(null)
    setFields({})
    await send(
      async () => props.onLoggedIn(await call('session.login', { username, password })),
      (err, f) => {
        if (Object.keys(f).length) {
          announce(t('common:form.fixFields'))
          focusFirstInvalid(form.current)
        } else {
          const wrong = err instanceof ApiCallError && err.code === 'wrong_password'
          setProblem(wrong ? t('login.wrongPassword') : errorText(t, err))
          setPassword('')
          if (wrong) requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('input[name="password"]')?.focus())
        }
      },
    )
  }

  return (
    <main className="centered" id="main">
      <div className="card card--narrow">
        <p className="eyebrow">
          {t('common:appName')}
          {props.clinicName ? ` · ${props.clinicName}` : ''}
        </p>
        <ScreenHeading>{t('login.title')}</ScreenHeading>
        {props.notice === 'loggedOut' ? <Notice kind="info">{t('login.loggedOut')}</Notice> : null}
        {props.notice === 'sessionEnded' ? <Notice kind="info">{t('login.sessionEnded')}</Notice> : null}
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        <form ref={form} onSubmit={submit} noValidate className="form">
          <TextField
            name="username"
            label={t('login.username')}
            value={username}
            onChange={setUsername}
            error={fields.username}
            autoComplete="username"
            spellCheck={false}
            required
          />
          <PasswordField name="password" label={t('login.password')} value={password} onChange={setPassword} error={fields.password} autoComplete="current-password" />
          <div className="form__actions">
            <button type="submit" className="button button--primary button--wide" disabled={busy}>
              {busy ? t('login.checking') : t('login.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  )
}
