// What the patient's and the witness's signatures share: the typed name, the
// drawing pad and the check that the drawing is usable before the core is asked.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../../shared/consultation'
import { signatureProblem } from '../../../../../shared/signature-rules'
import { SaveStatus, useSaving } from '../saving'
import { SIGNATURE_PROBLEM_TEXT, SignaturePadField, type DrawnSignature } from '../SignaturePadField'

export type DrawnSignatureForm = ReturnType<typeof useDrawnSignature>

/**
 * What the patient's and the witness's signing share: the typed name, the
 * drawing, and the check that the drawing is a usable signature before the
 * core is asked (the core checks it again). `send` makes the one call.
 */
export function useDrawnSignature(onSaved: (s: ConsultationState) => void, send: (name: string, drawn: DrawnSignature) => Promise<ConsultationState>) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [name, setName] = useState('')
  const [signature, setSignature] = useState<DrawnSignature | null>(null)
  const [padError, setPadError] = useState<string | null>(null)

  const sign = async () => {
    const problem = signatureProblem(signature?.strokes ?? [])
    setPadError(problem ? t(SIGNATURE_PROBLEM_TEXT[problem]) : null)
    if (problem || !signature) return
    const s = await saving.run(() => send(name, signature))
    if (s) onSaved(s)
  }

  return { saving, name, setName, setSignature, padError: padError ?? saving.fields.strokes ?? null, sign }
}

/** The signer's typed name, with the core's message for it tied to the input. */
export function SignerNameField({ label, hint, error, signer }: { label: string; hint?: string; error?: string; signer: DrawnSignatureForm }) {
  const nameId = useId()
  const nameErrorId = useId()
  return (
    <div className="cn-field">
      <label htmlFor={nameId}>{label}</label>
      {hint ? <p className="cn-field__hint">{hint}</p> : null}
      <input
        id={nameId}
        type="text"
        value={signer.name}
        onChange={(e) => signer.setName(e.target.value)}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? nameErrorId : undefined}
      />
      {error ? (
        <p className="cn-field-error" id={nameErrorId}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** The drawing pad, the sign button and the saving status under them. */
export function SignWithPad({ padLabel, signLabel, signer }: { padLabel: string; signLabel: string; signer: DrawnSignatureForm }) {
  return (
    <>
      <SignaturePadField label={padLabel} onChange={signer.setSignature} error={signer.padError} large />
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={signer.sign} disabled={signer.saving.saving}>
          {signLabel}
        </button>
      </div>
      <SaveStatus state={signer.saving.state} large />
    </>
  )
}
