// The idle lock: a modal dialog over the (still mounted, inert) screen. Only
// the password of the person logged in unlocks it; anyone else at the desk can
// log that person out instead. Escape does nothing here on purpose: a lock
// that a key press dismisses is no lock.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo, UserSummary } from '../../../../shared/domain'
import { ApiCallError, call } from '../../api'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { errorText, fieldErrorsOf } from '../../errors'

export function LockOverlay(props: { user: UserSummary; onUnlocked(s: SessionInfo): void; onLogOut(): void }) {
  const { t } = useTranslation('session')
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)

  const focusPassword = () => form.current?.querySelector<HTMLInputElement>('input[name="password"]')?.focus()
  useEffect(() => {
    focusPassword()
  }, [])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setProblem(null)
    setFields({})
    try {
      const s = await call('session.unlock', { password })
      props.onUnlocked(s)
    } catch (err) {
      const f = fieldErrorsOf(err)
      setFields(f)
      if (!Object.keys(f).length)
        setProblem(err instanceof ApiCallError && err.code === 'wrong_password' ? t('lock.wrongPassword') : errorText(t, err))
      setPassword('')
      requestAnimationFrame(focusPassword)
    } finally {
      setBusy(false)
    }
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
          <TextField
            name="password"
            type="password"
            label={t('lock.password')}
            value={password}
            onChange={setPassword}
            error={fields.password}
            autoComplete="current-password"
            required
          />
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
