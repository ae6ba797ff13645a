// Patient step: the patient's signature, with the typed full name and what
// signing means.
import { useTranslation } from 'react-i18next'
import { SIGNATURE_MEANINGS, type ConsultationState } from '../../../../../shared/consultation'
import { call } from '../../../api'
import { SignerNameField, SignWithPad, useDrawnSignature } from './signing'
import { StepHeading } from './StepHeading'

export function PatientSignature({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const signer = useDrawnSignature(onSaved, (name, drawn) =>
    call('consultation.signAsPatient', { consultationId: state.id, typedName: name, strokes: drawn.strokes, imagePng: drawn.pngDataUrl }),
  )

  return (
    <section>
      <StepHeading>{t('patient.signTitle')}</StepHeading>
      <p>{t('patient.signMeaning')}</p>
      <p className="cn-patient-text">
        <strong>{SIGNATURE_MEANINGS.patient}</strong>
      </p>
      <SignerNameField label={t('patient.fullName')} hint={t('patient.fullNameHint')} signer={signer} error={signer.saving.fields.typedName} />
      <SignWithPad padLabel={t('patient.yourSignature')} signLabel={t('patient.sign')} signer={signer} />
    </section>
  )
}
