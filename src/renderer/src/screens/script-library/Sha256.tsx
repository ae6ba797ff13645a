// A script version's SHA-256 in a table cell: the first 12 hex digits on
// screen (enough to tell versions apart at a glance), the full value for
// screen readers, and a Copy button that puts the full value on the clipboard
// (to compare it with the value printed on a consent PDF).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../../announcer'

export function ShortSha256({ hash, title, version }: { hash: string; title: string; version: number }) {
  const { t } = useTranslation('script-library')
  return (
    <span className="sc-hash">
      <span className="mono" aria-hidden="true" title={hash}>
        {hash.slice(0, 12)}…
      </span>
      <span className="visually-hidden">{t('hash.full', { hash })}</span>
      <CopyButton value={hash} label={t('hash.copyLabel', { title, version })} />
    </span>
  )
}

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('script-library')
  const announce = useAnnounce()
  const [failed, setFailed] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setFailed(false)
      announce(t('hash.copied'))
    } catch {
      // No clipboard access (e.g. a permission refused): say so; the value stays selectable.
      setFailed(true)
      announce(t('hash.copyFailed'))
    }
  }
  return (
    <>
      <button type="button" className="button button--quiet sc-copy" aria-label={label} onClick={() => void copy()}>
        {t('hash.copy')}
      </button>
      {failed ? <span className="sc-copy-failed">{t('hash.copyFailed')}</span> : null}
    </>
  )
}
