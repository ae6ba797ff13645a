// Patient step: answer one comprehension question. A wrong answer names the
// section to read again (the screen shows it before the next try).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../../shared/consultation'
import type { SectionOfKind } from '../../../../../shared/script/schema'
import { call } from '../../../api'
import { SaveStatus, useSaving } from '../saving'
import { StepHeading } from './StepHeading'

export function ComprehensionStep(props: { state: ConsultationState; questionId: string; onAnswered: (s: ConsultationState, revisitSectionId: string | null) => void }) {
  const { state, questionId, onAnswered } = props
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [choice, setChoice] = useState('')
  const [missing, setMissing] = useState(false)
  const section = state.script.content.sections.find((s): s is SectionOfKind<'comprehension'> => s.kind === 'comprehension')
  const q = section?.questions.find((x) => x.id === questionId)
  const view = state.comprehension.find((c) => c.questionId === questionId)
  const tried = (view?.attempts.length ?? 0) > 0
  if (!q) return null

  const answer = async () => {
    if (!choice) {
      setMissing(true)
      return
    }
    setMissing(false)
    const r = await saving.run(() => call('consultation.answerComprehension', { consultationId: state.id, questionId, optionId: choice }))
    if (r) onAnswered(r.state, r.correct ? null : r.revisitSectionId)
  }

  return (
    <section>
      <StepHeading>{t('patient.checkTitle')}</StepHeading>
      <p>{tried ? t('patient.checkAgain') : t('patient.checkIntro')}</p>
      <fieldset className="cn-fieldset">
        <legend>{q.question}</legend>
        {q.options.map((o) => (
          <label key={o.id} className="cn-choice">
            <input type="radio" name={`comprehension-${q.id}`} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} />
            <span>{o.text}</span>
          </label>
        ))}
        {missing ? (
          <p className="cn-field-error" role="alert">
            {t('patient.chooseAnswer')}
          </p>
        ) : null}
      </fieldset>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={answer} disabled={saving.saving}>
          {t('patient.answer')}
        </button>
      </div>
      <SaveStatus state={saving.state} large />
    </section>
  )
}
