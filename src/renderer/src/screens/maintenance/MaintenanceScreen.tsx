// The administrator's maintenance screen: check that the record holds
// (maintenance.verify), make a backup with a passphrase that protects the
// audit key inside it, and restore one of the backups kept in the clinic's
// folder. The core does the work and the checks; this screen asks and shows.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo, BackupResult, VerifyReport } from '../../../../shared/contract/maintenance'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { FormActions } from '../../components/FormActions'
import { Notice } from '../../components/Notice'
import { ResultsTable } from '../../components/ResultsTable'
import { ScreenHeading } from '../../components/ScreenHeading'
import { PasswordField } from '../../components/PasswordField'
import { useFormSubmission } from '../../components/forms'
import { errorText } from '../../errors'
import { formatDateTime, formatNumber } from '../../i18n'
import { useSession } from '../../session'
import { RestoreForm } from './RestoreForm'
import './maintenance.css'

export function MaintenanceScreen() {
  const { t } = useTranslation('maintenance')
  const [backups, setBackups] = useState<{ folder: string; backups: BackupInfo[] } | null>(null)
  const [listProblem, setListProblem] = useState<string | null>(null)
  const [restoring, setRestoring] = useState<BackupInfo | null>(null)
  const [restored, setRestored] = useState<{ date: string; previous: string | null } | null>(null)
  const { logOut } = useSession()

  const loadBackups = useCallback(() => {
    call('maintenance.listBackups', {})
      .then((b) => setBackups(b))
      .catch((e) => setListProblem(errorText(t, e)))
  }, [t])
  useEffect(loadBackups, [loadBackups])

  if (restored)
    return (
      <section className="screen-section">
        <ScreenHeading>{t('title')}</ScreenHeading>
        <Notice kind="success">
          <p>{t('restore.done', { date: formatDateTime(restored.date) })}</p>
          {restored.previous ? <p>{t('restore.previous', { path: restored.previous })}</p> : null}
        </Notice>
        <button type="button" className="button button--primary" onClick={logOut}>
          {t('restore.logInAgain')}
        </button>
      </section>
    )

  return (
    <section className="screen-section maintenance">
      <ScreenHeading>{t('title')}</ScreenHeading>
      <p className="lead">{t('intro')}</p>
      <VerifyPanel />
      <BackupPanel onMade={loadBackups} />
      <section className="card maintenance__panel" aria-labelledby="backups-heading">
        <h2 id="backups-heading">{t('backups.heading')}</h2>
        {listProblem ? <Notice kind="error">{listProblem}</Notice> : null}
        {backups ? <p className="muted maintenance__path">{t('backups.folder', { folder: backups.folder })}</p> : null}
        {backups && backups.backups.length === 0 ? <p>{t('backups.none')}</p> : null}
        {backups && backups.backups.length > 0 ? (
          <ResultsTable
            caption={t('backups.caption')}
            columns={[t('backups.file'), t('backups.created'), { label: t('backups.size'), className: 'numeric' }, t('backups.actions')]}
          >
            {backups.backups.map((b) => (
              <tr key={b.fileName}>
                <td className="maintenance__file">{b.fileName}</td>
                <td>{formatDateTime(b.createdAt)}</td>
                <td className="numeric">{formatNumber(b.sizeBytes)}</td>
                <td>
                  <button type="button" className="button button--secondary" aria-label={t('backups.restoreNamed', { fileName: b.fileName })} onClick={() => setRestoring(b)}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </ResultsTable>
        ) : null}
        {restoring ? (
          <RestoreForm
            key={restoring.fileName}
            backup={restoring}
            onCancel={() => setRestoring(null)}
            onRestored={(r) => setRestored({ date: r.backupCreatedAt, previous: r.previousCopy })}
          />
        ) : null}
      </section>
    </section>
  )
}

function VerifyPanel() {
  const { t } = useTranslation('maintenance')
  const announce = useAnnounce()
  const [report, setReport] = useState<VerifyReport | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function run() {
    setBusy(true)
    setProblem(null)
    try {
      const r = await call('maintenance.verify', {})
      setReport(r)
      announce(r.ok ? t('verify.ok') : t('verify.broken'))
    } catch (e) {
      setProblem(errorText(t, e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card maintenance__panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('verify.heading')}</h2>
      <p>{t('verify.explain')}</p>
      <button type="button" className="button button--primary" onClick={run} disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('verify.running') : t('verify.run')}
      </button>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {report ? (
        <div className="maintenance__result">
          {report.ok ? (
            <Notice kind="success">
              <p>{t('verify.ok')}</p>
              <p className="maintenance__summary">{report.summary}</p>
            </Notice>
          ) : (
            <Notice kind="error">
              <p>{t('verify.broken')}</p>
              <p className="maintenance__summary">{report.firstProblem}</p>
            </Notice>
          )}
          <ResultsTable caption={t('verify.checksCaption')} showCaption columns={[t('verify.check'), t('verify.result')]}>
            {report.checks.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>
                  <strong className={c.ok ? 'maintenance__pass' : 'maintenance__fail'}>{c.ok ? t('verify.passed') : t('verify.failed')}</strong>
                  {' · '}
                  {c.detail}
                </td>
              </tr>
            ))}
          </ResultsTable>
        </div>
      ) : null}
    </section>
  )
}

function BackupPanel({ onMade }: { onMade(): void }) {
  const { t } = useTranslation('maintenance')
  const announce = useAnnounce()
  const [passphrase, setPassphrase] = useState('')
  const [again, setAgain] = useState('')
  const [made, setMade] = useState<BackupResult | null>(null)
  const { form, fields, setFields, problem, setProblem, busy, send, showFieldProblems, refusedAsUsual } = useFormSubmission()

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setProblem(null)
    setMade(null)
    if (passphrase !== again) {
      showFieldProblems(t, { again: 'passphrase_mismatch' })
      return
    }
    await send(async () => {
      const r = await call('maintenance.backup', { passphrase })
      setFields({})
      setPassphrase('')
      setAgain('')
      setMade(r)
      announce(t('backup.made', { fileName: r.fileName, size: formatNumber(r.sizeBytes), path: r.path }))
      onMade()
    }, refusedAsUsual(t))
  }

  return (
    <section className="card maintenance__panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup.heading')}</h2>
      <p>{t('backup.explain')}</p>
      {made ? (
        <Notice kind={made.verify.ok ? 'success' : 'error'}>
          <p>{t('backup.made', { fileName: made.fileName, size: formatNumber(made.sizeBytes), path: made.path })}</p>
          {made.verify.ok ? null : <p>{t('backup.madeButBroken', { problem: made.verify.firstProblem })}</p>}
        </Notice>
      ) : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <form ref={form} onSubmit={submit} noValidate className="form">
        <PasswordField
          name="passphrase"
          autoComplete="new-password"
          label={t('backup.passphrase')}
          hint={t('backup.passphraseHint')}
          value={passphrase}
          onChange={setPassphrase}
          error={fields.passphrase}
          width="medium"
        />
        <PasswordField
          name="passphraseAgain"
          autoComplete="new-password"
          label={t('backup.passphraseAgain')}
          value={again}
          onChange={setAgain}
          error={fields.again}
          width="medium"
        />
        <FormActions submitLabel={t('backup.make')} busyLabel={t('backup.making')} busy={busy} />
      </form>
    </section>
  )
}
