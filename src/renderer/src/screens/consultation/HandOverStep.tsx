// The patient's part, seen from the clinician's side: what is still to do
// before the screen can be handed over, the patient's questions waiting for
// an answer (a short note each), and "Hand the screen to the patient".
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState, FlagView } from '../../../../shared/consultation'
import { call } from '../../api'
import { sectionById, sectionOfStep } from './model'
import { SaveStatus, useSaving } from './saving'

interface Props {
  state: ConsultationState
  onSaved: (s: ConsultationState) => void
  /** Called once the core has put the screen in patient mode. */
  onHandedOver: (s: ConsultationState) => void
  headingRef: React.RefObject<HTMLHeadingElement | null>
}

export function HandOverStep({ state, onSaved, onHandedOver, headingRef }: Props) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const clinicianTodo = state.progress.steps.filter((s) => s.phase === 'clinician' && !s.done && s.step !== 'enter_patient_mode')
  const todoSections = [...new Set(clinicianTodo.map((s) => sectionOfStep(state, s)?.title).filter(Boolean))]
  const openFlags = state.flags.filter((f) => !f.answer)
  const acks = state.sections.filter((s) => s.needsAcknowledgment)
  const acked = acks.filter((s) => s.acknowledgedAt).length
  const passed = state.comprehension.filter((c) => c.passed).length
  const patientStarted = state.progress.steps.some((s) => s.step === 'enter_patient_mode' && s.done)
  const canHandOver = clinicianTodo.length === 0 && openFlags.length === 0 && state.blocks.length === 0

  const handOver = async () => {
    const s = await saving.run(() => call('consultation.enterPatientMode', { consultationId: state.id }))
    if (s) onHandedOver(s)
  }

  return (
    <section className="cn-step" aria-labelledby="cn-handover-title">
      <h2 id="cn-handover-title" ref={headingRef} tabIndex={-1}>
        {t('handOver.title')}
      </h2>
      <p>{t('handOver.explain')}</p>
      {patientStarted ? <p>{t('handOver.patientProgress', { acked, ackTotal: acks.length, passed, questions: state.comprehension.length })}</p> : null}
      {todoSections.length > 0 ? (
        <div className="cn-notice cn-notice--info">
          <h3>{t('handOver.stillToDo')}</h3>
          <ul>
            {todoSections.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {openFlags.length > 0 ? (
        <>
          <h3>{t('flags.title', { count: openFlags.length })}</h3>
          <p>{t('flags.explain')}</p>
          {openFlags.map((f) => (
            <FlagAnswer key={f.flagEventId} state={state} flag={f} onSaved={onSaved} />
          ))}
        </>
      ) : null}
      <div className="cn-actions">
        {openFlags.length > 0 ? <p className="cn-field__hint">{t('handOver.answerFirst')}</p> : null}
        <button type="button" className="cn-button cn-button--primary" onClick={handOver} disabled={!canHandOver || saving.saving}>
          {patientStarted ? t('handOver.handBackToPatient') : t('handOver.button')}
        </button>
      </div>
      <SaveStatus state={saving.state} />
    </section>
  )
}

function FlagAnswer({ state, flag, onSaved }: { state: ConsultationState; flag: FlagView; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [note, setNote] = useState('')
  const noteId = useId()
  const section = sectionById(state, flag.sectionId)

  const save = async () => {
    const s = await saving.run(() => call('consultation.answerFlag', { consultationId: state.id, flagEventId: flag.flagEventId, note }))
    if (s) onSaved(s)
  }

  return (
    <div className="cn-notice cn-notice--caution">
      <p>
        <strong>{t('flags.about', { section: section?.title ?? flag.sectionId })}</strong>
      </p>
      <p>{flag.question ? t('flags.question', { question: flag.question }) : t('flags.noText')}</p>
      <div className="cn-field">
        <label htmlFor={noteId}>{t('flags.note', { section: section?.title ?? flag.sectionId })}</label>
        <textarea id={noteId} value={note} onChange={(e) => setNote(e.target.value)} rows={2} aria-invalid={saving.fields.note ? true : undefined} />
        {saving.fields.note ? <p className="cn-field-error">{saving.fields.note}</p> : null}
      </div>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--secondary" onClick={save} disabled={saving.saving}>
          {t('flags.save')}
        </button>
      </div>
      <SaveStatus state={saving.state} />
    </div>
  )
}
