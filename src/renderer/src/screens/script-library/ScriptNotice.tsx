// What the app says about a script wherever one is shown or chosen. The
// script that ships with the app is a starting point that the clinic must
// review and adapt, so it carries that warning; a script the
// clinic imported is marked as the clinic's own. Either way the script's own
// notice (who wrote it, what it is for) is shown with it, except in the
// compact form beside the start button, where the shipped script's own note
// would only repeat the warning.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScriptSummary } from '../../../../shared/consultation'
import i18n, { formatDate } from '../../i18n'
import './scripts.css'

export function ScriptNotice({ script, compact = false }: { script: Pick<ScriptSummary, 'source' | 'notice' | 'storedAt'>; compact?: boolean }) {
  const { t } = useTranslation('script-library')
  const titleId = useId()
  const shipped = script.source === 'shipped'
  return (
    <div className={shipped ? 'sc-notice sc-notice--starting-point' : 'sc-notice sc-notice--clinic'} role="note" aria-labelledby={titleId}>
      <p id={titleId} className="sc-notice__title">
        <span className="sc-notice__icon" aria-hidden="true">
          {shipped ? '!' : 'i'}
        </span>
        {shipped ? t('notice.startingPointTitle') : t('notice.clinicTitle')}
      </p>
      <p>{shipped ? t(compact ? 'notice.startingPointShort' : 'notice.startingPoint') : t('notice.clinic', { date: formatDate(script.storedAt) })}</p>
      {compact && shipped ? null : (
        <p className="sc-notice__authors">
          <span className="sc-notice__label">{t('notice.authorsNote')}</span> {script.notice}
        </p>
      )}
    </div>
  )
}

/** "English" for "en", "English (United Kingdom)" for "en-GB", in the app's language; the tag itself if unknown. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}
