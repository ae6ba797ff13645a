// The witness's signature, offered on the patient's last screen: the witness's
// name, what witnessing means, and the drawing.
import { useTranslation } from 'react-i18next'
import { SIGNATURE_MEANINGS, type ConsultationState } from '../../../../../shared/consultation'
import { call } from '../../../api'
import { SignerNameField, SignWithPad, useDrawnSignature } from './signing'

export function WitnessSignature({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const signer = useDrawnSignature(onSaved, (name, drawn) =>
    call('consultation.signAsWitness', { consultationId: state.id, witnessName: name, strokes: drawn.strokes, imagePng: drawn.pngDataUrl }),
  )

  return (
    <fieldset className="cn-fieldset">
      <legend>{t('patient.witnessTitle')}</legend>
      <p>{t('patient.witnessMeaning', { meaning: SIGNATURE_MEANINGS.witness })}</p>
      <SignerNameField label={t('patient.witnessName')} signer={signer} error={signer.saving.fields.witnessName} />
      <SignWithPad padLabel={t('patient.witnessSignature')} signLabel={t('patient.witnessSign')} signer={signer} />
    </fieldset>
  )
}
