// The screen the patient holds. It fills the window, uses large plain type and
// offers nothing but this patient's steps: no menu, no other patients, no
// settings. The only way out is "Hand back to clinician", which asks for the
// clinician's password; a wrong password leaves the patient's screen in place
// with a clear message. (The core refuses every other call while the screen is
// with the patient, so this is not only a matter of what is drawn.)
import { createContext, useContext, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../saving'
import '../consultation.css'

/** Lets a step inside patient mode open the hand-back dialog (e.g. "Please hand the screen back"). */
const HandBackContext = createContext<() => void>(() => {})
export function useOpenHandBack(): () => void {
  return useContext(HandBackContext)
}

interface Props {
  /** What the patient sees, e.g. "Your consultation with Dr. Victor Beer". */
  title: string
  children: ReactNode
  /** Checks the clinician's password and leaves patient mode; throws on a wrong password. */
  onHandBack: (password: string) => Promise<void>
}

export function PatientModeShell({ title, children, onHandBack }: Props) {
  const { t } = useTranslation('consultation')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)

  // The page behind belongs to the patient too; its title says so.
  useEffect(() => {
    const before = document.title
    document.title = t('patientMode.documentTitle')
    document.documentElement.classList.add('cn-patient-mode-root')
    return () => {
      document.title = before
      document.documentElement.classList.remove('cn-patient-mode-root')
    }
  }, [t])

  useEffect(() => {
    const d = dialogRef.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])

  return (
    <div className="cn-patient-mode">
      <header className="cn-patient-mode__header">
        <p className="cn-patient-mode__badge">{t('patientMode.badge')}</p>
        <button type="button" className="cn-button cn-button--quiet cn-patient-mode__handback" onClick={() => setOpen(true)}>
          {t('patientMode.handBack')}
        </button>
      </header>
      <main className="cn-patient-mode__main" id="main">
        <h1 className="cn-patient-mode__title">{title}</h1>
        <HandBackContext value={() => setOpen(true)}>{children}</HandBackContext>
      </main>
      <dialog ref={dialogRef} className="cn-dialog cn-dialog--patient" aria-labelledby="cn-handback-title" onClose={() => setOpen(false)}>
        {open ? <HandBackForm onHandBack={onHandBack} onCancel={() => setOpen(false)} /> : null}
      </dialog>
    </div>
  )
}

function HandBackForm({ onHandBack, onCancel }: { onHandBack: (password: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation('consultation')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputId = useId()
  const errorId = useId()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!password) {
      setError(t('patientMode.passwordRequired'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onHandBack(password)
    } catch (err) {
      setPassword('')
      setError(errorMessage(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <h2 id="cn-handback-title">{t('patientMode.handBackTitle')}</h2>
      <p>{t('patientMode.handBackExplain')}</p>
      <div className="cn-field">
        <label htmlFor={inputId}>{t('patientMode.clinicianPassword')}</label>
        <input
          id={inputId}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoFocus
        />
        {error ? (
          <p className="cn-field-error" id={errorId} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="cn-actions">
        <button type="submit" className="cn-button cn-button--primary" disabled={busy}>
          {t('patientMode.handBackConfirm')}
        </button>
        <button type="button" className="cn-button cn-button--secondary" onClick={onCancel}>
          {t('patientMode.stayWithPatient')}
        </button>
      </div>
    </form>
  )
}
