// "Please hand the screen back": the request to the patient and the button that
// opens the clinician's hand-back dialog (shared by the questions step and the end).
import { useTranslation } from 'react-i18next'
import { useOpenHandBack } from './PatientModeShell'

/** Asks the patient to give the screen back, with the button that starts the clinician's hand-back. */
export function HandBackPrompt({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation('consultation')
  const openHandBack = useOpenHandBack()
  return (
    <>
      <p>
        <strong>{children}</strong>
      </p>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={openHandBack}>
          {t('patientMode.handBack')}
        </button>
      </div>
    </>
  )
}
