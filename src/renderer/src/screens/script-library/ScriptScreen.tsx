// One stored script version, read-only: who it comes from, its identity
// (id, version, language, the full SHA-256 that consultations and consent
// PDFs point at) and every section as a consultation shows it.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoredScript } from '../../../../shared/consultation'
import { call } from '../../api'
import { BackLink } from '../../components/BackLink'
import { Fact, Facts } from '../../components/Facts'
import { useLoadOnOpen } from '../../components/loadOnOpen'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { TitledSection } from '../../components/TitledSection'
import { errorText } from '../../errors'
import { formatDateTime } from '../../i18n'
import { ScriptSectionView } from './ScriptSectionView'
import { languageName, ScriptNotice } from './ScriptNotice'
import { CopyButton } from './Sha256'
import './scripts.css'

export function ScriptScreen({ id }: { id: number }) {
  const { t } = useTranslation('script-library')
  const [script, setScript] = useState<StoredScript | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useLoadOnOpen(
    () => call('scriptLibrary.get', { storedId: id }),
    setScript,
    (e) => setProblem(errorText(t, e)),
    [id, t],
  )

  const back = <BackLink to={{ name: 'scripts' }}>{t('view.back')}</BackLink>

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
      <TitledSection className="card" id="script-facts-title" title={t('view.facts')}>
        <Facts>
          <Fact label={t('list.scriptId')} valueClassName="mono">
            {script.scriptId}
          </Fact>
          <Fact label={t('list.version')}>{script.version}</Fact>
          <Fact label={t('list.language')}>
            {languageName(script.language)} <span className="muted mono">({script.language})</span>
          </Fact>
          <Fact label={t('view.source')}>{script.source === 'shipped' ? t('list.shipped') : t('list.imported')}</Fact>
          <Fact label={t('list.stored')}>{formatDateTime(script.storedAt)}</Fact>
          <Fact label={t('list.status')}>{[script.isDefault ? t('list.default') : null, script.latest ? t('list.newest') : t('list.older')].filter(Boolean).join(' · ')}</Fact>
          <Fact label={t('view.fullHash')} className="sc-facts__wide" valueClassName="sc-full-hash">
            <span className="mono sc-wrap">{script.sha256}</span>
            <CopyButton value={script.sha256} label={t('hash.copyLabel', { title: script.title, version: script.version })} />
          </Fact>
        </Facts>
      </TitledSection>
      <TitledSection className="sc-sections" id="script-sections-title" title={t('view.sectionsTitle')}>
        <p className="muted">{t('view.sectionsLead')}</p>
        {script.content.sections.map((s, i) => (
          <ScriptSectionView key={s.id} section={s} number={i + 1} script={script.content} />
        ))}
      </TitledSection>
    </section>
  )
}
