// The patient's last screen: thank you, an optional witness signature once the
// patient has signed, and the request to hand the screen back.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../../shared/consultation'
import { HandBackPrompt } from './HandBackPrompt'
import { StepHeading } from './StepHeading'
import { WitnessSignature } from './WitnessSignature'

export function AllDone({ state, setState }: { state: ConsultationState; setState: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const [witnessing, setWitnessing] = useState(false)
  const witnessSigned = state.signatures.some((s) => s.role === 'witness')
  const patientSigned = state.signatures.some((s) => s.role === 'patient')
  return (
    <section>
      <StepHeading>{t('patient.thankYou')}</StepHeading>
      <p>{state.paper ? t('patient.paperRoute') : t('patient.allDone')}</p>
      {patientSigned && !witnessSigned && !witnessing ? (
        <div className="cn-actions">
          <button type="button" className="cn-button cn-button--secondary" onClick={() => setWitnessing(true)}>
            {t('patient.addWitness')}
          </button>
        </div>
      ) : null}
      {witnessing && !witnessSigned ? <WitnessSignature state={state} onSaved={setState} /> : null}
      {witnessSigned ? <p className="cn-done-mark">{t('patient.witnessSigned')}</p> : null}
      <HandBackPrompt>{t('patient.pleaseHandBackNow')}</HandBackPrompt>
    </section>
  )
}
