// Screening: the allergy and medical-history questions of the script, asked by
// the clinician and answered yes or no (with details where the script asks).
// An answer that raises a contraindication shows its plain explanation; the
// consultation screen then closes the way to signing. An answer that raises a
// caution asks the clinician to record a decision before going on.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SCREENING_ANSWERS, type ConsultationState, type ScreeningAnswerView } from '../../../../shared/consultation'
import type { ScreeningQuestion, SectionOfKind } from '../../../../shared/script/schema'
import { call } from '../../api'
import { formatDateTime } from '../../i18n'
import { SaveStatus, useSaving } from './saving'

interface Props {
  state: ConsultationState
  section: SectionOfKind<'screening'>
  onSaved: (s: ConsultationState) => void
  readOnly: boolean
}

export function ScreeningStep({ state, section, onSaved, readOnly }: Props) {
  return (
    <div className="cn-screening">
      {section.questions.map((q, i) => (
        <ScreeningQuestionForm
          key={q.id}
          number={i + 1}
          question={q}
          recorded={state.screening.find((a) => a.questionId === q.id)}
          consultationId={state.id}
          onSaved={onSaved}
          readOnly={readOnly}
        />
      ))}
    </div>
  )
}

function ScreeningQuestionForm(props: {
  number: number
  question: ScreeningQuestion
  recorded: ScreeningAnswerView | undefined
  consultationId: number
  onSaved: (s: ConsultationState) => void
  readOnly: boolean
}) {
  const { question: q, recorded, consultationId, onSaved, readOnly } = props
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [answer, setAnswer] = useState<'yes' | 'no' | ''>(recorded?.answer ?? '')
  const [details, setDetails] = useState(recorded?.details ?? '')
  const [missing, setMissing] = useState(false)
  const detailsId = useId()
  const helpId = useId()
  const withDetails = q.answerType === 'yes_no_details'
  const changed = !recorded || recorded.answer !== answer || recorded.details !== details.trim()

  const save = async () => {
    if (!answer) {
      setMissing(true)
      return
    }
    setMissing(false)
    const s = await saving.run(() => call('consultation.recordScreeningAnswer', { consultationId, questionId: q.id, answer, details: withDetails ? details : '' }))
    if (s) onSaved(s)
  }

  return (
    <fieldset className="cn-fieldset" aria-describedby={q.help ? helpId : undefined}>
      <legend>{t('screening.questionNumber', { n: props.number, text: q.text })}</legend>
      {q.help ? (
        <p className="cn-field__hint" id={helpId}>
          {q.help}
        </p>
      ) : null}
      <div className="cn-inline-choices">
        {SCREENING_ANSWERS.map((a) => (
          <label key={a} className="cn-choice">
            <input type="radio" name={`screening-${q.id}`} value={a} checked={answer === a} onChange={() => setAnswer(a)} disabled={readOnly} />
            <span>{t(`answer.${a}`)}</span>
          </label>
        ))}
      </div>
      {missing ? (
        <p className="cn-field-error" role="alert">
          {t('screening.chooseAnswer')}
        </p>
      ) : null}
      {withDetails && (answer === 'yes' || details !== '') ? (
        <div className="cn-field">
          <label htmlFor={detailsId}>{t('screening.details')}</label>
          <textarea
            id={detailsId}
            value={details}
            onChange={(e) => setDetails(e.target.value)}
            rows={2}
            disabled={readOnly}
            aria-invalid={saving.fields.details ? true : undefined}
          />
          {saving.fields.details ? <p className="cn-field-error">{saving.fields.details}</p> : null}
        </div>
      ) : null}
      <div className="cn-actions">
        {!readOnly && changed ? (
          <button type="button" className="cn-button cn-button--secondary" onClick={save} disabled={saving.saving}>
            {recorded ? t('screening.saveChange') : t('screening.save')}
          </button>
        ) : null}
        {recorded && !changed ? <span className="cn-done-mark">{t('screening.recorded', { at: formatDateTime(recorded.at) })}</span> : null}
      </div>
      <SaveStatus state={saving.state} quiet />
      {recorded?.raised === 'contraindication' ? (
        <div className="cn-notice cn-notice--stop">
          <h3>{t('screening.contraindication')}</h3>
          <p>{recorded.explanation}</p>
        </div>
      ) : null}
      {recorded?.raised === 'caution' ? <CautionDecision question={q} recorded={recorded} consultationId={consultationId} onSaved={onSaved} readOnly={readOnly} /> : null}
    </fieldset>
  )
}

function CautionDecision(props: {
  question: ScreeningQuestion
  recorded: ScreeningAnswerView
  consultationId: number
  onSaved: (s: ConsultationState) => void
  readOnly: boolean
}) {
  const { question: q, recorded, consultationId, onSaved, readOnly } = props
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const rule = q.rules.find((r) => r.when === recorded.answer)
  const options = rule?.decisionOptions ?? []
  const [optionId, setOptionId] = useState(recorded.decision?.optionId ?? '')
  const [note, setNote] = useState(recorded.decision?.note ?? '')
  const [missing, setMissing] = useState(false)
  const noteId = useId()

  const save = async () => {
    if (!optionId) {
      setMissing(true)
      return
    }
    setMissing(false)
    const s = await saving.run(() => call('consultation.recordCautionDecision', { consultationId, questionId: q.id, optionId, note }))
    if (s) onSaved(s)
  }

  return (
    <div className="cn-notice cn-notice--caution">
      <h3>{t('screening.caution')}</h3>
      <p>{recorded.explanation}</p>
      {recorded.decision ? (
        <p className="cn-done-mark">{t('screening.decisionRecorded', { decision: recorded.decision.optionLabel, at: formatDateTime(recorded.decision.at) })}</p>
      ) : (
        <p>
          <strong>{t('screening.decisionNeeded')}</strong>
        </p>
      )}
      {!readOnly ? (
        <>
          <fieldset className="cn-fieldset">
            <legend>{t('screening.decision')}</legend>
            {options.map((o) => (
              <label key={o.id} className="cn-choice">
                <input type="radio" name={`decision-${q.id}`} value={o.id} checked={optionId === o.id} onChange={() => setOptionId(o.id)} />
                <span>{o.label}</span>
              </label>
            ))}
            {missing ? (
              <p className="cn-field-error" role="alert">
                {t('screening.chooseDecision')}
              </p>
            ) : null}
          </fieldset>
          <div className="cn-field">
            <label htmlFor={noteId}>{t('screening.decisionNote')}</label>
            <textarea id={noteId} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
            {saving.fields.note ? <p className="cn-field-error">{saving.fields.note}</p> : null}
          </div>
          <div className="cn-actions">
            <button type="button" className="cn-button cn-button--secondary" onClick={save} disabled={saving.saving}>
              {t('screening.recordDecision')}
            </button>
          </div>
          <SaveStatus state={saving.state} />
        </>
      ) : null}
    </div>
  )
}
