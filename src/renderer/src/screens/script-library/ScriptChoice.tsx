// Where a clinician starts a consultation: which script it will use (title,
// version, language), with the app's notice about that script (the shipped
// default is a starting point the clinic must review and adapt). Only the
// newest version of each script is offered; older versions stay stored for
// the consultations that used them. With one script there is nothing to
// choose and it is simply named; with several, a list offers them, the
// default first and selected.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScriptSummary } from '../../../../shared/consultation'
import { call } from '../../api'
import { SelectField } from '../../components/Field'
import { languageName, ScriptNotice } from './ScriptNotice'
import './scripts.css'

/** The scripts a new consultation may use: the newest version of each, the default first. */
export function startableScripts(all: readonly ScriptSummary[]): ScriptSummary[] {
  return all.filter((s) => s.latest).sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.title.localeCompare(b.title) || a.language.localeCompare(b.language))
}

export function ScriptChoice({ value, onChange }: { value: number | null; onChange(storedId: number | null): void }) {
  const { t } = useTranslation('script-library')
  const [scripts, setScripts] = useState<ScriptSummary[] | null>(null)
  const [failed, setFailed] = useState(false)
  // The list is loaded once; the latest `onChange` is used when it arrives.
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  useEffect(() => {
    let live = true
    call('scriptLibrary.list', {})
      .then((all) => {
        if (!live) return
        const startable = startableScripts(all)
        setScripts(startable)
        // Naming the script explicitly pins what the clinician saw here, even if another version is imported meanwhile.
        onChangeRef.current(startable[0]?.storedId ?? null)
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [])

  if (failed) return <p className="muted sc-choice">{t('choice.loadFailed')}</p>
  if (!scripts || scripts.length === 0) return null
  const chosen = scripts.find((s) => s.storedId === value) ?? scripts[0]!
  const label = (s: ScriptSummary) => t('choice.option', { title: s.title, version: s.version, language: languageName(s.language) })

  return (
    <div className="sc-choice">
      {scripts.length > 1 ? (
        <SelectField
          name="script"
          label={t('choice.label')}
          hint={t('choice.hint')}
          value={String(chosen.storedId)}
          onChange={(v) => onChange(Number(v))}
          options={scripts.map((s) => ({ value: String(s.storedId), label: label(s) }))}
        />
      ) : (
        <div className="sc-choice__one">
          <p className="sc-choice__label">{t('choice.heading')}</p>
          <p className="sc-choice__title">{chosen.title}</p>
          <p className="muted">{t('choice.identity', { version: chosen.version, language: languageName(chosen.language) })}</p>
        </div>
      )}
      <ScriptNotice script={chosen} compact />
    </div>
  )
}
