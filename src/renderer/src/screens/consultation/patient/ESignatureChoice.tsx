// Patient step: agree to sign electronically, or decline and sign on paper.
import { useTranslation } from 'react-i18next'
import { ESIGNATURE_STATEMENT, type ConsultationState } from '../../../../../shared/consultation'
import { call } from '../../../api'
import { SaveStatus, useSaving } from '../saving'
import { StepHeading } from './StepHeading'

export function ESignatureChoice({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const choose = async (choice: 'agree' | 'decline') => {
    const s = await saving.run(() => call('consultation.recordElectronicSignatureChoice', { consultationId: state.id, choice }))
    if (s) onSaved(s)
  }
  return (
    <section>
      <StepHeading>{t('patient.esignTitle')}</StepHeading>
      <p className="cn-patient-text">{ESIGNATURE_STATEMENT}</p>
      <p>{t('patient.paperCopy')}</p>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={() => choose('agree')} disabled={saving.saving}>
          {t('patient.esignAgree')}
        </button>
        <button type="button" className="cn-button cn-button--secondary" onClick={() => choose('decline')} disabled={saving.saving}>
          {t('patient.esignDecline')}
        </button>
      </div>
      <SaveStatus state={saving.state} large />
    </section>
  )
}
