// One stored script version, read-only: who it comes from, its identity
// (id, version, language, the full SHA-256 that consultations and consent
// PDFs point at) and every section as a consultation shows it.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredScript } from '../../../../shared/consultation'
import { call } from '../../api'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { errorText } from '../../errors'
import { formatDateTime } from '../../i18n'
import { useNavigation } from '../../navigation'
import { ScriptSectionView } from './ScriptSectionView'
import { languageName, ScriptNotice } from './ScriptNotice'
import { CopyButton } from './Sha256'
import './scripts.css'

export function ScriptScreen({ id }: { id: number }) {
  const { t } = useTranslation('script-library')
  const { navigate } = useNavigation()
  const [script, setScript] = useState<StoredScript | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    call('scriptLibrary.get', { storedId: id })
      .then((s) => live && setScript(s))
      .catch((e) => live && setProblem(errorText(t, e)))
    return () => {
      live = false
    }
  }, [id, t])

  const back = (
    <p className="breadcrumb">
      <button type="button" className="link-button" onClick={() => navigate({ name: 'scripts' })}>
        <span aria-hidden="true">← </span>
        {t('view.back')}
      </button>
    </p>
  )

  if (!script)
    return (
      <section className="screen-section">
        {back}
        {problem ? (
          <>
            <ScreenHeading>{t('list.title')}</ScreenHeading>
            <Notice kind="error">{problem}</Notice>
          </>
        ) : (
          <p className="muted">{t('view.loading')}</p>
        )}
      </section>
    )

  return (
    <section className="screen-section">
      {back}
      <ScreenHeading>{script.title}</ScreenHeading>
      <ScriptNotice script={script} />
      <section className="card" aria-labelledby="script-facts-title">
        <h2 id="script-facts-title" className="section__title">
          {t('view.facts')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('list.scriptId')}</dt>
            <dd className="mono">{script.scriptId}</dd>
          </div>
          <div>
            <dt>{t('list.version')}</dt>
            <dd>{script.version}</dd>
          </div>
          <div>
            <dt>{t('list.language')}</dt>
            <dd>
              {languageName(script.language)} <span className="muted mono">({script.language})</span>
            </dd>
          </div>
          <div>
            <dt>{t('view.source')}</dt>
            <dd>{script.source === 'shipped' ? t('list.shipped') : t('list.imported')}</dd>
          </div>
          <div>
            <dt>{t('list.stored')}</dt>
            <dd>{formatDateTime(script.storedAt)}</dd>
          </div>
          <div>
            <dt>{t('list.status')}</dt>
            <dd>{[script.isDefault ? t('list.default') : null, script.latest ? t('list.newest') : t('list.older')].filter(Boolean).join(' · ')}</dd>
          </div>
          <div className="sc-facts__wide">
            <dt>{t('view.fullHash')}</dt>
            <dd className="sc-full-hash">
              <span className="mono sc-wrap">{script.sha256}</span>
              <CopyButton value={script.sha256} label={t('hash.copyLabel', { title: script.title, version: script.version })} />
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="script-sections-title" className="sc-sections">
        <h2 id="script-sections-title" className="section__title">
          {t('view.sectionsTitle')}
        </h2>
        <p className="muted">{t('view.sectionsLead')}</p>
        {script.content.sections.map((s, i) => (
          <ScriptSectionView key={s.id} section={s} number={i + 1} script={script.content} />
        ))}
      </section>
    </section>
  )
}
