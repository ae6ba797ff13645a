// A finished consultation (signed off, or ended as not treated): read-only,
// with the signatures as drawn and the full history. The record is frozen;
// the clinician can only add to it: a withdrawal of consent (with the
// patient's reason) or an addendum. Both become new, dated history entries.
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentRecord, ConsultationEvent, ConsultationState } from '../../../../shared/consultation'
import { call } from '../../api'
import { formatDateTime } from '../../i18n'
import { useSession } from '../../session'
import { History } from './History'
import { RecordSummary } from './RecordSummary'
import { errorMessage, SaveStatus, useSaving } from './saving'

export function FinishedView({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const { session } = useSession()
  const [record, setRecord] = useState<ConsentRecord | null>(null)
  const [events, setEvents] = useState<ConsultationEvent[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const isClinician = session.user.role === 'clinician'

  // The signatures' images and the history come with the full record; reload
  // them whenever the state changes (an addendum or withdrawal adds to both).
  useEffect(() => {
    let live = true
    Promise.all([call('consultation.record', { consultationId: state.id }), call('consultation.history', { consultationId: state.id })])
      .then(([r, h]) => {
        if (!live) return
        setRecord(r)
        setEvents(h)
      })
      .catch((e) => live && setProblem(errorMessage(t, e)))
    return () => {
      live = false
    }
  }, [state, t])

  return (
    <div className="cn-finished">
      <div className="cn-frozen-banner">
        <p>
          <strong>{t(`status.${state.withdrawal ? 'withdrawn' : state.status}`)}</strong>
          {state.endedAt ? ` · ${formatDateTime(state.endedAt)}` : ''}
        </p>
        <p>{state.status === 'signed_off' ? t('finished.frozen') : t('finished.notTreatedFrozen')}</p>
        {state.endedReason ? <p>{t('finished.reason', { reason: state.endedReason })}</p> : null}
        {state.withdrawal ? <p>{t('finished.withdrawn', { reason: state.withdrawal.reason, at: formatDateTime(state.withdrawal.at) })}</p> : null}
      </div>
      {problem ? <p className="cn-error">{problem}</p> : null}

      <RecordSummary state={state} />

      {record && record.signatures.length > 0 ? (
        <section aria-labelledby="cn-signatures-title">
          <h2 id="cn-signatures-title">{t('finished.signatures')}</h2>
          <ul className="cn-list-plain cn-risks">
            {record.signatures.map((s) => (
              <li key={`${s.role}-${s.at}`} className="cn-risk">
                <p className="cn-risk__what">
                  {t(`signatureRole.${s.role}`)}: {s.name}
                </p>
                <p className="cn-risk__how-often">“{s.meaning}”</p>
                <p className="cn-risk__source">{formatDateTime(s.at)}</p>
                <img className="cn-signature-image" src={s.imagePng} alt={t('finished.signatureImage', { role: t(`signatureRole.${s.role}`), name: s.name })} width={360} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {state.addenda.length > 0 ? (
        <section aria-labelledby="cn-addenda-title">
          <h2 id="cn-addenda-title">{t('finished.addenda')}</h2>
          <ul className="cn-list-plain cn-risks">
            {state.addenda.map((a, i) => (
              <li key={i} className="cn-risk">
                <p className="cn-risk__what">{a.text}</p>
                <p className="cn-risk__source">
                  {formatDateTime(a.at)} · {a.by.displayName}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isClinician ? (
        <section aria-labelledby="cn-after-title">
          <h2 id="cn-after-title">{t('finished.addTitle')}</h2>
          {state.status === 'signed_off' && !state.withdrawal ? <AddEntry kind="withdraw" state={state} onSaved={onSaved} /> : null}
          <AddEntry kind="addendum" state={state} onSaved={onSaved} />
        </section>
      ) : null}

      <section aria-labelledby="cn-history-title">
        <h2 id="cn-history-title">{t('history.title')}</h2>
        {events ? <History state={state} events={events} /> : <p>{t('loading')}</p>}
      </section>
    </div>
  )
}

/** The words of each kind of entry, as literal keys so the catalog check sees them. */
const ENTRY_TEXT = {
  withdraw: {
    open: 'consultation:finished.withdraw.open',
    legend: 'consultation:finished.withdraw.legend',
    label: 'consultation:finished.withdraw.label',
    save: 'consultation:finished.withdraw.save',
  },
  addendum: {
    open: 'consultation:finished.addendum.open',
    legend: 'consultation:finished.addendum.legend',
    label: 'consultation:finished.addendum.label',
    save: 'consultation:finished.addendum.save',
  },
} as const

function AddEntry({ kind, state, onSaved }: { kind: 'withdraw' | 'addendum'; state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const textId = useId()
  const field = kind === 'withdraw' ? 'reason' : 'text'

  const save = async () => {
    const s = await saving.run(() =>
      kind === 'withdraw' ? call('consultation.withdraw', { consultationId: state.id, reason: text }) : call('consultation.addAddendum', { consultationId: state.id, text }),
    )
    if (s) {
      setText('')
      setOpen(false)
      onSaved(s)
    }
  }

  if (!open)
    return (
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--secondary" onClick={() => setOpen(true)}>
          {t(ENTRY_TEXT[kind].open)}
        </button>
        <SaveStatus state={saving.state} />
      </div>
    )
  return (
    <fieldset className="cn-fieldset">
      <legend>{t(ENTRY_TEXT[kind].legend)}</legend>
      <div className="cn-field">
        <label htmlFor={textId}>{t(ENTRY_TEXT[kind].label)}</label>
        <textarea id={textId} value={text} onChange={(e) => setText(e.target.value)} rows={3} aria-invalid={saving.fields[field] ? true : undefined} autoFocus />
        {saving.fields[field] ? <p className="cn-field-error">{saving.fields[field]}</p> : null}
      </div>
      <div className="cn-actions">
        <button type="button" className={`cn-button ${kind === 'withdraw' ? 'cn-button--danger' : 'cn-button--primary'}`} onClick={save} disabled={saving.saving}>
          {t(ENTRY_TEXT[kind].save)}
        </button>
        <button type="button" className="cn-button cn-button--quiet" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
      <SaveStatus state={saving.state} />
    </fieldset>
  )
}
