// Patient step: questions the patient flagged are still open, so the screen
// goes back to the clinician to answer them before the patient can go on.
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../../shared/consultation'
import { sectionById } from '../model'
import { HandBackPrompt } from './HandBackPrompt'
import { StepHeading } from './StepHeading'

export function AskClinician({ state }: { state: ConsultationState }) {
  const { t } = useTranslation('consultation')
  const open = state.flags.filter((f) => !f.answer)
  return (
    <section>
      <StepHeading>{t('patient.questionsTitle')}</StepHeading>
      <p>{t('patient.questionsExplain', { count: open.length })}</p>
      <ul>
        {open.map((f) => (
          <li key={f.flagEventId}>
            {sectionById(state, f.sectionId)?.title}
            {f.question ? `: “${f.question}”` : ''}
          </li>
        ))}
      </ul>
      <HandBackPrompt>{t('patient.pleaseHandBack')}</HandBackPrompt>
    </section>
  )
}
