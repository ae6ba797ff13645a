// Ending a consultation as "not treated", with the clinician's reason. It is
// the only way on when a contraindication closes the path to signing, and is
// also offered (folded away) when the patient decides against treatment.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../shared/consultation'
import { call } from '../../api'
import { SaveStatus, useSaving } from './saving'

export function EndNotTreatedForm({ state, onSaved, prominent }: { state: ConsultationState; onSaved: (s: ConsultationState) => void; prominent: boolean }) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [reason, setReason] = useState('')
  const reasonId = useId()
  const errorId = useId()

  const end = async () => {
    const s = await saving.run(() => call('consultation.endNotTreated', { consultationId: state.id, reason }))
    if (s) onSaved(s)
  }

  return (
    <div className="cn-end-not-treated">
      <div className="cn-field">
        <label htmlFor={reasonId}>{t('end.reason')}</label>
        <p className="cn-field__hint">{t('end.reasonHint')}</p>
        <textarea
          id={reasonId}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          aria-invalid={saving.fields.reason ? true : undefined}
          aria-describedby={saving.fields.reason ? errorId : undefined}
        />
        {saving.fields.reason ? (
          <p className="cn-field-error" id={errorId}>
            {saving.fields.reason}
          </p>
        ) : null}
      </div>
      <div className="cn-actions">
        <button type="button" className={`cn-button ${prominent ? 'cn-button--danger' : 'cn-button--secondary'}`} onClick={end} disabled={saving.saving}>
          {t('end.button')}
        </button>
      </div>
      <SaveStatus state={saving.state} />
    </div>
  )
}

/** The screen when a contraindication (or a decision not to treat) blocks signing. */
export function BlockedPanel({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  return (
    <section className="cn-step" aria-labelledby="cn-blocked-title">
      <div className="cn-notice cn-notice--stop" role="alert">
        <h2 id="cn-blocked-title" tabIndex={-1}>
          {t('blocked.title')}
        </h2>
        <p>{t('blocked.explain')}</p>
        <ul>
          {state.blocks.map((b) => {
            const answer = state.screening.find((a) => a.questionId === b.questionId)
            return (
              <li key={b.questionId}>
                <p>
                  <strong>{answer?.text ?? b.questionId}</strong>
                  {answer ? ` ${t('blocked.answered', { answer: t(`answer.${answer.answer}`) })}` : ''}
                  {answer?.details ? ` (${answer.details})` : ''}
                </p>
                <p>{b.explanation}</p>
                {b.kind === 'caution_declined' && answer?.decision ? <p>{t('blocked.decision', { decision: answer.decision.optionLabel })}</p> : null}
              </li>
            )
          })}
        </ul>
      </div>
      <h3>{t('blocked.onlyAction')}</h3>
      <EndNotTreatedForm state={state} onSaved={onSaved} prominent />
    </section>
  )
}
