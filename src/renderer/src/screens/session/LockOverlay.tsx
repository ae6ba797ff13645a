// The idle lock: a modal dialog over the (still mounted, inert) screen. Only
// the password of the person logged in unlocks it; anyone else at the desk can
// log that person out instead. Escape does nothing here on purpose: a lock
// that a key press dismisses is no lock.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo, UserSummary } from '../../../../shared/domain'
import { ApiCallError, call } from '../../api'
import { PasswordField } from '../../components/PasswordField'
import { useFormSubmission } from '../../components/forms'
import { Notice } from '../../components/Notice'
import { errorText } from '../../errors'

export function LockOverlay(props: { user: UserSummary; onUnlocked(s: SessionInfo): void; onLogOut(): void }) {
  const { t } = useTranslation('session')
  const [password, setPassword] = useState('')
  const { form, fields, setFields, problem, setProblem, busy, send } = useFormSubmission()

  const focusPassword = useCallback(() => form.current?.querySelector<HTMLInputElement>('input[name="password"]')?.focus(), [form])
  useEffect(() => {
    focusPassword()
  }, [focusPassword])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setProblem(null)
    setFields({})
    await send(
      async () => props.onUnlocked(await call('session.unlock', { password })),
      (err, f) => {
        if (!Object.keys(f).length) setProblem(err instanceof ApiCallError && err.code === 'wrong_password' ? t('lock.wrongPassword') : errorText(t, err))
        setPassword('')
        requestAnimationFrame(focusPassword)
      },
    )
  }

  return (
    <div className="overlay">
      <div
        className="card card--narrow dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="lock-title"
        aria-describedby="lock-text"
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.preventDefault()
        }}
      >
        <h2 id="lock-title" className="screen__title">
          {t('lock.title')}
        </h2>
        <p id="lock-text">{t('lock.text', { name: props.user.displayName })}</p>
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        <form ref={form} onSubmit={submit} noValidate className="form">
          <PasswordField name="password" label={t('lock.password')} value={password} onChange={setPassword} error={fields.password} autoComplete="current-password" />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('lock.unlock')}
            </button>
            <button type="button" className="button button--quiet" onClick={props.onLogOut}>
              {t('lock.logOutInstead')}
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
