// Patient step: read one risk section and confirm it with initials, or ask the
// clinician a question about it first. Opening it records that the section was
// shown; answered questions and one still open are shown above the initials.
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../../shared/consultation'
import { call } from '../../../api'
import { sectionById } from '../model'
import { SectionContent } from '../SectionContent'
import { SaveStatus, useSaving } from '../saving'
import { StepHeading } from './StepHeading'

export function AcknowledgeStep({ state, sectionId, onSaved }: { state: ConsultationState; sectionId: string; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const section = sectionById(state, sectionId)
  const saving = useSaving()
  const [initials, setInitials] = useState('')
  const [asking, setAsking] = useState(false)
  const [question, setQuestion] = useState('')
  const initialsId = useId()
  const questionId = useId()
  const statementId = useId()
  const openFlag = state.flags.find((f) => f.sectionId === sectionId && !f.answer)
  const answeredFlags = state.flags.filter((f) => f.sectionId === sectionId && f.answer)

  useEffect(() => {
    // Shown to the patient: stored like every showing.
    call('consultation.markSectionShown', { consultationId: state.id, sectionId }).then(onSaved, () => {})
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sectionId])

  if (!section) return null

  const acknowledge = async () => {
    const s = await saving.run(() => call('consultation.acknowledgeSection', { consultationId: state.id, sectionId, initials }))
    if (s) onSaved(s)
  }
  const flag = async () => {
    const s = await saving.run(() => call('consultation.flagQuestion', { consultationId: state.id, sectionId, question }))
    if (s) {
      setAsking(false)
      setQuestion('')
      onSaved(s)
    }
  }

  return (
    <section aria-labelledby={`cn-p-${sectionId}`}>
      <StepHeading>
        <span id={`cn-p-${sectionId}`}>{section.title}</span>
      </StepHeading>
      <SectionContent section={section} />
      {answeredFlags.map((f) => (
        <div key={f.flagEventId} className="cn-notice cn-notice--info">
          <p>
            <strong>{f.question ? t('patient.yourQuestion', { question: f.question }) : t('patient.yourQuestionNoText')}</strong>
          </p>
          <p>{t('patient.clinicianAnswered', { note: f.answer?.note ?? '' })}</p>
        </div>
      ))}
      {openFlag ? (
        <div className="cn-notice cn-notice--info">
          <p>{t('patient.questionSaved')}</p>
        </div>
      ) : null}
      {section.acknowledgment ? (
        <div className="cn-notice cn-notice--info" id={statementId}>
          <p>{t('patient.byInitials')}</p>
          <p>
            <strong>{section.acknowledgment}</strong>
          </p>
        </div>
      ) : null}
      <div className="cn-field">
        <label htmlFor={initialsId}>{t('patient.initials')}</label>
        <input
          id={initialsId}
          type="text"
          value={initials}
          onChange={(e) => setInitials(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={12}
          aria-describedby={statementId}
          aria-invalid={saving.fields.initials ? true : undefined}
          className="cn-initials"
        />
        {saving.fields.initials ? <p className="cn-field-error">{saving.fields.initials}</p> : null}
      </div>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={acknowledge} disabled={saving.saving}>
          {t('patient.understand')}
        </button>
        {!asking && !openFlag ? (
          <button type="button" className="cn-button cn-button--secondary" onClick={() => setAsking(true)}>
            {t('patient.haveQuestion')}
          </button>
        ) : null}
      </div>
      {asking ? (
        <div className="cn-fieldset">
          <div className="cn-field">
            <label htmlFor={questionId}>{t('patient.questionLabel')}</label>
            <p className="cn-field__hint">{t('patient.questionHint')}</p>
            <textarea id={questionId} value={question} onChange={(e) => setQuestion(e.target.value)} rows={3} autoFocus />
          </div>
          <div className="cn-actions">
            <button type="button" className="cn-button cn-button--primary" onClick={flag} disabled={saving.saving}>
              {t('patient.saveQuestion')}
            </button>
            <button type="button" className="cn-button cn-button--quiet" onClick={() => setAsking(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <SaveStatus state={saving.state} large />
    </section>
  )
}
