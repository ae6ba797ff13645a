// The product's Medication Guide is offered to the patient; the record shows
// the offer and whether the patient took a copy.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../shared/consultation'
import { call } from '../../api'
import { formatDateTime } from '../../i18n'
import { SaveStatus, useSaving } from './saving'

export function MedicationGuideOffer({ state, onSaved, readOnly }: { state: ConsultationState; onSaved: (s: ConsultationState) => void; readOnly: boolean }) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const recorded = state.medicationGuide
  const [choice, setChoice] = useState<'' | 'yes' | 'no'>(recorded ? (recorded.accepted ? 'yes' : 'no') : '')
  const [missing, setMissing] = useState(false)

  const save = async () => {
    if (!choice) {
      setMissing(true)
      return
    }
    setMissing(false)
    const s = await saving.run(() => call('consultation.recordMedicationGuideOffer', { consultationId: state.id, accepted: choice === 'yes' }))
    if (s) onSaved(s)
  }

  return (
    <fieldset className="cn-fieldset">
      <legend>{t('medicationGuide.legend')}</legend>
      {(['yes', 'no'] as const).map((c) => (
        <label key={c} className="cn-choice">
          <input type="radio" name="medication-guide" checked={choice === c} onChange={() => setChoice(c)} disabled={readOnly} />
          <span>{c === 'yes' ? t('medicationGuide.accepted') : t('medicationGuide.declined')}</span>
        </label>
      ))}
      {missing ? (
        <p className="cn-field-error" role="alert">
          {t('medicationGuide.choose')}
        </p>
      ) : null}
      {!readOnly ? (
        <div className="cn-actions">
          <button type="button" className="cn-button cn-button--secondary" onClick={save} disabled={saving.saving}>
            {t('medicationGuide.save')}
          </button>
          {recorded ? <span className="cn-done-mark">{t('recordedAt', { at: formatDateTime(recorded.at) })}</span> : null}
        </div>
      ) : null}
      <SaveStatus state={saving.state} />
    </fieldset>
  )
}
