// Admin → Consultation scripts: every stored script version (title, id,
// version, language, SHA-256, when it was stored, which one a consultation
// starts with by default), a way to read each one, and "Import a script".
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScriptSummary } from '../../../../shared/consultation'
import { call } from '../../api'
import { Notice } from '../../components/Notice'
import { ResultsTable } from '../../components/ResultsTable'
import { ScreenHeading } from '../../components/ScreenHeading'
import { errorText } from '../../errors'
import { formatDateTime } from '../../i18n'
import { useNavigation } from '../../navigation'
import { ScriptImport } from './ScriptImport'
import { languageName, ScriptNotice } from './ScriptNotice'
import { ShortSha256 } from './Sha256'
import './scripts.css'

export function ScriptsScreen() {
  const { t } = useTranslation('script-library')
  const { navigate } = useNavigation()
  const [scripts, setScripts] = useState<ScriptSummary[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  // Bumped after an import, to read the list again.
  const [loads, setLoads] = useState(0)

  useEffect(() => {
    let live = true
    call('scriptLibrary.list', {})
      .then((list) => {
        if (!live) return
        setScripts(list)
        setProblem(null)
      })
      .catch((e) => live && setProblem(errorText(t, e)))
    return () => {
      live = false
    }
  }, [t, loads])

  const defaultScript = scripts?.find((s) => s.isDefault) ?? null

  return (
    <section className="screen-section">
      <div className="screen__header">
        <ScreenHeading>{t('list.title')}</ScreenHeading>
      </div>
      <p className="lead sc-lead">{t('list.lead')}</p>
      {defaultScript ? (
        <>
          <p className="sc-default-line">
            {t('list.defaultLine')}{' '}
            <strong>{t('list.defaultWhich', { title: defaultScript.title, version: defaultScript.version, language: languageName(defaultScript.language) })}</strong>
          </p>
          <ScriptNotice script={defaultScript} />
        </>
      ) : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {scripts === null && !problem ? <p className="muted">{t('list.loading')}</p> : null}
      {scripts && scripts.length === 0 ? <p className="empty">{t('list.none')}</p> : null}
      {scripts && scripts.length > 0 ? (
        <div className="sc-table-wrap">
          <ResultsTable
            className="table table--rows sc-table"
            caption={t('list.tableTitle')}
            columns={[
              t('list.title_col'),
              t('list.scriptId'),
              t('list.version'),
              t('list.language'),
              t('list.sha256'),
              t('list.stored'),
              t('list.status'),
              <span key="actions" className="visually-hidden">
                {t('list.actions')}
              </span>,
            ]}
          >
            {scripts.map((s) => (
              <tr key={s.storedId} className={s.isDefault ? 'sc-row--default' : undefined}>
                <th scope="row">{s.title}</th>
                <td className="mono sc-nowrap">{s.scriptId}</td>
                <td>{s.version}</td>
                <td className="sc-nowrap">{languageName(s.language)}</td>
                <td>
                  <ShortSha256 hash={s.sha256} title={s.title} version={s.version} />
                </td>
                <td className="sc-stored">{formatDateTime(s.storedAt)}</td>
                <td>
                  <ul className="sc-badges">
                    {s.isDefault ? <li className="sc-badge sc-badge--default">{t('list.default')}</li> : null}
                    <li className={s.latest ? 'sc-badge' : 'sc-badge sc-badge--older'}>{s.latest ? t('list.newest') : t('list.older')}</li>
                    <li className="sc-badge sc-badge--source">{s.source === 'shipped' ? t('list.shipped') : t('list.imported')}</li>
                  </ul>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={t('list.viewLabel', { title: s.title, version: s.version })}
                    onClick={() => navigate({ name: 'script', id: s.storedId })}
                  >
                    {t('list.view')}
                  </button>
                </td>
              </tr>
            ))}
          </ResultsTable>
        </div>
      ) : null}
      <ScriptImport onStored={() => setLoads((n) => n + 1)} />
    </section>
  )
}
