// What the patient does on the handed-over screen, one step at a time, in
// large plain type: read each risk section and confirm it with initials (or
// ask a question), answer the comprehension questions (a wrong answer shows
// the section again first), review everything recorded, choose how to sign,
// and sign. The step shown is always the core's first step not yet done.
// Nothing else of the app is drawn while the screen is with the patient.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../../shared/consultation'
import { call } from '../../../api'
import { patientSteps } from '../model'
import { useConsultation } from '../useConsultation'
import { AcknowledgeStep } from './AcknowledgeStep'
import { AllDone } from './AllDone'
import { AskClinician } from './AskClinician'
import { ComprehensionStep } from './ComprehensionStep'
import { ESignatureChoice } from './ESignatureChoice'
import { PatientModeShell } from './PatientModeShell'
import { PatientSignature } from './PatientSignature'
import { ReviewStep } from './ReviewStep'
import { RevisitSection } from './RevisitSection'
import '../consultation.css'

interface Props {
  consultationId: number
  /** The clinician has taken the screen back (password checked by the core). */
  onHandedBack: (s: ConsultationState) => void
}

export function PatientModeScreen({ consultationId, onHandedBack }: Props) {
  const { t } = useTranslation('consultation')
  const { state, setState, problem } = useConsultation(consultationId)

  const handBack = async (password: string) => {
    const s = await call('consultation.exitPatientMode', { consultationId, password })
    onHandedBack(s)
  }

  return (
    <PatientModeShell title={state ? t('patient.title', { name: state.patient.givenName }) : t('patient.titlePlain')} onHandBack={handBack}>
      {problem && !state ? <p className="cn-error">{problem}</p> : null}
      {state ? <PatientSteps state={state} setState={setState} /> : null}
    </PatientModeShell>
  )
}

function PatientSteps({ state, setState }: { state: ConsultationState; setState: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  // A wrong comprehension answer sends the patient back to a section; the
  // core's state says so too (after a reload), until it has been shown again.
  const pendingRevisit = state.comprehension.find((c) => c.mustRevisitSectionId)?.mustRevisitSectionId ?? null
  const [revisit, setRevisit] = useState<string | null>(pendingRevisit)
  const steps = patientSteps(state)
  const cur = state.progress.current
  const position = cur && cur.phase === 'patient' ? steps.findIndex((s) => s === cur || JSON.stringify(s) === JSON.stringify(cur)) : steps.length - 1

  let body: React.ReactNode
  if (revisit) {
    body = <RevisitSection key={`revisit-${revisit}`} state={state} sectionId={revisit} onShown={setState} onDone={() => setRevisit(null)} />
  } else if (!cur || cur.phase !== 'patient' || cur.step === 'exit_patient_mode') {
    body = <AllDone state={state} setState={setState} />
  } else if (cur.step === 'acknowledge_section') {
    body = <AcknowledgeStep key={cur.sectionId} state={state} sectionId={cur.sectionId} onSaved={setState} />
  } else if (cur.step === 'answer_comprehension') {
    body = (
      <ComprehensionStep
        key={cur.questionId}
        state={state}
        questionId={cur.questionId}
        onAnswered={(s, revisitSectionId) => {
          setState(s)
          if (revisitSectionId) setRevisit(revisitSectionId)
        }}
      />
    )
  } else if (cur.step === 'answer_flags') {
    body = <AskClinician state={state} />
  } else if (cur.step === 'confirm_review') {
    body = <ReviewStep state={state} onSaved={setState} />
  } else if (cur.step === 'esignature_choice') {
    body = <ESignatureChoice state={state} onSaved={setState} />
  } else if (cur.step === 'patient_signature') {
    body = <PatientSignature state={state} onSaved={setState} />
  } else {
    body = <AllDone state={state} setState={setState} />
  }

  return (
    <>
      <p className="cn-patient-progress">{t('patient.progress', { n: Math.min(position + 1, steps.length), count: steps.length })}</p>
      {body}
    </>
  )
}
