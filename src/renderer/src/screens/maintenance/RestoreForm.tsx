// Restoring one backup: the passphrase that unlocks its audit key, and an
// explicit confirmation, because restoring takes the clinic back in time and
// logs everyone out (the data in use is kept, never overwritten).
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo, RestoreResult } from '../../../../shared/contract/maintenance'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { Notice } from '../../components/Notice'
import { PasswordField } from '../../components/PasswordField'
import { useFormSubmission } from '../../components/forms'
import { errorText } from '../../errors'
import { formatDateTime } from '../../i18n'

export function RestoreForm({ backup, onCancel, onRestored }: { backup: BackupInfo; onCancel(): void; onRestored(r: RestoreResult): void }) {
  const { t } = useTranslation('maintenance')
  const announce = useAnnounce()
  const [passphrase, setPassphrase] = useState('')
  const [understood, setUnderstood] = useState(false)
  const { form, fields, problem, setProblem, busy, send, refusedAsUsual } = useFormSubmission()

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setProblem(null)
    if (!understood) {
      setProblem(t('restore.mustConfirm'))
      form.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus()
      return
    }
    await send(
      async () => {
        const r = await call('maintenance.restore', { fileName: backup.fileName, passphrase })
        announce(t('restore.done', { date: formatDateTime(r.backupCreatedAt) }))
        onRestored(r)
      },
      // A restore the core cannot do now (invalid_state) says why in its own words.
      refusedAsUsual(t, { otherwise: (err) => (err instanceof Error && 'code' in err && err.code === 'invalid_state' ? err.message : errorText(t, err)) }),
    )
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form maintenance__restore" aria-labelledby="restore-heading">
      <h3 id="restore-heading">{t('restore.heading', { fileName: backup.fileName })}</h3>
      <p>{t('restore.explain')}</p>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <PasswordField
        name="restorePassphrase"
        autoComplete="off"
        label={t('restore.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        error={fields.passphrase}
        width="medium"
      />
      <div className="maintenance__confirm">
        <input id="restore-understood" type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        <label htmlFor="restore-understood">{t('restore.understood', { date: formatDateTime(backup.createdAt) })}</label>
      </div>
      <div className="form__actions">
        <button type="submit" className="button maintenance__danger" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('restore.restoring') : t('restore.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
          {t('restore.cancel')}
        </button>
      </div>
    </form>
  )
}
