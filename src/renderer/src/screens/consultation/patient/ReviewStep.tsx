// Patient step: review everything recorded in the consultation and confirm it
// with the review statement ticked.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REVIEW_STATEMENT, type ConsultationState } from '../../../../../shared/consultation'
import { call } from '../../../api'
import { RecordSummary } from '../RecordSummary'
import { SaveStatus, useSaving } from '../saving'
import { StepHeading } from './StepHeading'

export function ReviewStep({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [ticked, setTicked] = useState(false)
  const [missing, setMissing] = useState(false)
  const tickId = useId()

  const confirm = async () => {
    if (!ticked) {
      setMissing(true)
      return
    }
    setMissing(false)
    const s = await saving.run(() => call('consultation.confirmReview', { consultationId: state.id, confirmed: true }))
    if (s) onSaved(s)
  }

  return (
    <section>
      <StepHeading>{t('patient.reviewTitle')}</StepHeading>
      <p>{t('patient.reviewIntro')}</p>
      <div className="cn-review">
        <RecordSummary state={state} forPatient headingLevel={3} />
      </div>
      <div className="cn-field">
        <label className="cn-choice" htmlFor={tickId}>
          <input id={tickId} type="checkbox" checked={ticked} onChange={(e) => setTicked(e.target.checked)} aria-invalid={missing ? true : undefined} />
          <span>{REVIEW_STATEMENT}</span>
        </label>
        {missing ? <p className="cn-field-error">{t('patient.tickFirst')}</p> : null}
      </div>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={confirm} disabled={saving.saving}>
          {t('patient.confirmReview')}
        </button>
      </div>
      <SaveStatus state={saving.state} large />
    </section>
  )
}
