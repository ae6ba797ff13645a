// After a wrong comprehension answer: the section shown again. The core refuses
// a new answer until it has recorded this showing, so "I have read it again"
// waits for that record.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../../shared/consultation'
import { call } from '../../../api'
import { sectionById } from '../model'
import { SectionContent } from '../SectionContent'
import { StepHeading } from './StepHeading'

export function RevisitSection(props: { state: ConsultationState; sectionId: string; onShown: (s: ConsultationState) => void; onDone: () => void }) {
  const { state, sectionId, onShown, onDone } = props
  const { t } = useTranslation('consultation')
  const section = sectionById(state, sectionId)
  const [recorded, setRecorded] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  // The core refuses a new answer until it knows the section was shown again.
  useEffect(() => {
    call('consultation.markSectionShown', { consultationId: state.id, sectionId })
      .then((s) => {
        setRecorded(true)
        onShown(s)
      })
      .catch(() => setProblem(t('patient.revisitNotRecorded')))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sectionId])

  if (!section) return null
  return (
    <section>
      <div className="cn-notice cn-notice--info" role="status">
        <p>{t('patient.notQuite')}</p>
      </div>
      <StepHeading>{section.title}</StepHeading>
      <SectionContent section={section} />
      {problem ? <p className="cn-error">{problem}</p> : null}
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={onDone} disabled={!recorded}>
          {t('patient.readAgainDone')}
        </button>
      </div>
    </section>
  )
}
