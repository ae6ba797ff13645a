// One section of the script as the clinician goes through it: the text the
// patient is shown, the clinician's talking points, the section's own form
// (screening, Medication Guide offer, expectations, treatment plan) and "Mark
// as discussed". Opening the section records that it was shown (the first
// showing times the discussion).
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../shared/consultation'
import { call } from '../../api'
import { formatDateTime } from '../../i18n'
import { ExpectationsForm } from './ExpectationsForm'
import { MedicationGuideOffer } from './MedicationGuideOffer'
import type { Section } from './model'
import { ScreeningStep } from './ScreeningStep'
import { SectionContent, TalkingPoints } from './SectionContent'
import { SaveStatus, useSaving } from './saving'
import { TreatmentPlanForm } from './TreatmentPlanForm'

interface Props {
  state: ConsultationState
  section: Section
  position: { index: number; count: number }
  onSaved: (s: ConsultationState, opts?: { advance?: boolean }) => void
  onBack: (() => void) | null
  onNext: (() => void) | null
  /** False for the section the screen opens on (the screen's own heading has focus then). */
  focusHeading: boolean
}

export function SectionStep({ state, section, position, onSaved, onBack, onNext, focusHeading }: Props) {
  const { t } = useTranslation('consultation')
  const headingRef = useRef<HTMLHeadingElement>(null)
  const shownFor = useRef<string | null>(null)
  const saving = useSaving()
  const [shownProblem, setShownProblem] = useState<string | null>(null)
  const progress = state.sections.find((s) => s.sectionId === section.id)
  const readOnly = state.status !== 'in_progress' || state.inPatientMode

  // Record the showing once per opening of the section (not per re-render).
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus()
    if (readOnly || shownFor.current === section.id) return
    shownFor.current = section.id
    call('consultation.markSectionShown', { consultationId: state.id, sectionId: section.id })
      .then((s) => {
        setShownProblem(null)
        onSaved(s)
      })
      .catch(() => setShownProblem(t('section.shownNotRecorded')))
    // Only a change of section is a new showing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [section.id])

  const markDiscussed = async () => {
    const s = await saving.run(() => call('consultation.markSectionDiscussed', { consultationId: state.id, sectionId: section.id }))
    if (s) onSaved(s, { advance: true })
  }

  return (
    <section className="cn-step" aria-labelledby={`cn-section-${section.id}`}>
      <p className="cn-consultation__meta">{t('section.position', { n: position.index + 1, count: position.count })}</p>
      <h2 id={`cn-section-${section.id}`} ref={headingRef} tabIndex={-1}>
        {section.title}
      </h2>
      {shownProblem ? <p className="cn-error">{shownProblem}</p> : null}
      <SectionContent section={section} />
      <TalkingPoints points={section.talkingPoints} />
      {section.acknowledgment ? <p className="cn-notice cn-notice--info">{t('section.patientWillAcknowledge', { statement: section.acknowledgment })}</p> : null}

      {section.kind === 'screening' ? <ScreeningStep state={state} section={section} onSaved={onSaved} readOnly={readOnly} /> : null}
      {section.kind === 'medication_guide' ? <MedicationGuideOffer state={state} onSaved={onSaved} readOnly={readOnly} /> : null}
      {section.kind === 'expectations' ? <ExpectationsForm state={state} section={section} onSaved={onSaved} readOnly={readOnly} /> : null}
      {section.kind === 'treatment_plan' ? <TreatmentPlanForm state={state} section={section} onSaved={onSaved} readOnly={readOnly} /> : null}

      <div className="cn-actions">
        {onBack ? (
          <button type="button" className="cn-button cn-button--secondary" onClick={onBack}>
            {t('section.back')}
          </button>
        ) : null}
        {progress?.discussedAt ? (
          <>
            <span className="cn-done-mark">{t('section.discussedAt', { at: formatDateTime(progress.discussedAt) })}</span>
            {onNext ? (
              <button type="button" className="cn-button cn-button--primary" onClick={onNext}>
                {t('section.next')}
              </button>
            ) : null}
          </>
        ) : !readOnly ? (
          <button type="button" className="cn-button cn-button--primary" onClick={markDiscussed} disabled={saving.saving}>
            {t('section.markDiscussed')}
          </button>
        ) : null}
      </div>
      <SaveStatus state={saving.state} />
    </section>
  )
}
