// The clinician's sign-off: a last look at the record, the password again
// (signing needs the signer's own action), a drawn signature and the
// statement of what the signature means. After this the consultation is frozen.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SIGNATURE_MEANINGS, type ConsultationState } from '../../../../shared/consultation'
import { signatureProblem } from '../../../../shared/signature-rules'
import { call } from '../../api'
import { RecordSummary } from './RecordSummary'
import { SaveStatus, useSaving } from './saving'
import { SIGNATURE_PROBLEM_TEXT, SignaturePadField, type DrawnSignature } from './SignaturePadField'

interface Props {
  state: ConsultationState
  onSaved: (s: ConsultationState) => void
  headingRef: React.RefObject<HTMLHeadingElement | null>
}

export function SignOffStep({ state, onSaved, headingRef }: Props) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [password, setPassword] = useState('')
  const [signature, setSignature] = useState<DrawnSignature | null>(null)
  const [confirmed, setConfirmed] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const passwordId = useId()
  const confirmId = useId()
  const all = { ...saving.fields, ...errors }
  const ready = state.readyForSignOff

  const signOff = async () => {
    const problems: Record<string, string> = {}
    if (!password) problems.password = t('common:fieldErrors.required')
    const sp = signatureProblem(signature?.strokes ?? [])
    if (sp) problems.strokes = t(SIGNATURE_PROBLEM_TEXT[sp])
    if (!confirmed) problems.statementConfirmed = t('signOff.confirmRequired')
    setErrors(problems)
    if (Object.keys(problems).length > 0 || !signature) return
    const s = await saving.run(() =>
      call('consultation.signOff', { consultationId: state.id, password, strokes: signature.strokes, imagePng: signature.pngDataUrl, statementConfirmed: true }),
    )
    setPassword('')
    if (s) onSaved(s)
  }

  return (
    <section className="cn-step" aria-labelledby="cn-signoff-title">
      <h2 id="cn-signoff-title" ref={headingRef} tabIndex={-1}>
        {t('signOff.title')}
      </h2>
      {state.paper ? <p className="cn-notice cn-notice--info">{t('signOff.paper')}</p> : null}
      {!ready ? <p className="cn-notice cn-notice--info">{t('signOff.notReady')}</p> : null}
      <details className="cn-details">
        <summary>{t('signOff.showRecord')}</summary>
        <RecordSummary state={state} headingLevel={3} />
      </details>
      <div className="cn-field">
        <label htmlFor={passwordId}>{t('signOff.password')}</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={all.password ? true : undefined}
        />
        {all.password ? <p className="cn-field-error">{all.password}</p> : null}
      </div>
      <SignaturePadField label={t('signOff.signature')} onChange={setSignature} error={all.strokes ?? all.imagePng ?? null} />
      <div className="cn-field">
        <label className="cn-choice" htmlFor={confirmId}>
          <input id={confirmId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} aria-invalid={all.statementConfirmed ? true : undefined} />
          <span>{t('signOff.statement', { meaning: SIGNATURE_MEANINGS.clinician })}</span>
        </label>
        {all.statementConfirmed ? <p className="cn-field-error">{all.statementConfirmed}</p> : null}
      </div>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={signOff} disabled={saving.saving || !ready}>
          {t('signOff.button')}
        </button>
      </div>
      <SaveStatus state={saving.state} />
    </section>
  )
}
