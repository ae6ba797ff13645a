// "Import a script": the administrator picks a .json file, the renderer reads
// its text and sends it to `scriptLibrary.import`, which validates it whole and
// stores it only if every part is valid. The outcome stays on screen: what
// was stored (or that exactly this version was already there), or every
// problem with its place in the file. The problem list is an alert and takes
// focus, so it is read out and keyboard users start there.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScriptImportResult } from '../../../../shared/consultation'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { Notice } from '../../components/Notice'
import { errorText } from '../../errors'
import { importProblems, type ScriptProblem } from './problems'
import { languageName } from './ScriptNotice'

/** The call accepts up to 2 million characters; a file over 8 MB cannot be that and is not read at all. */
const MAX_FILE_BYTES = 8_000_000
const MAX_CHARS = 2_000_000

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'stored'; result: ScriptImportResult }
  | { kind: 'refused'; fileName: string; problems: ScriptProblem[] }
  | { kind: 'failed'; message: string }

export function ScriptImport({ onStored }: { onStored(result: ScriptImportResult): void }) {
  const { t } = useTranslation('script-library')
  const announce = useAnnounce()
  const inputId = useId()
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const fileInput = useRef<HTMLInputElement>(null)
  const outcomeBox = useRef<HTMLDivElement>(null)
  const [missingFile, setMissingFile] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })

  // Once the outcome is drawn, move focus to it: the problems (or the confirmation) are what to read next.
  useEffect(() => {
    if (outcome.kind === 'stored' || outcome.kind === 'refused' || outcome.kind === 'failed') outcomeBox.current?.focus()
  }, [outcome])

  const refuse = (fileName: string, problems: ScriptProblem[]) => {
    setOutcome({ kind: 'refused', fileName, problems })
    announce(t('import.refusedTitle', { file: fileName }))
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const file = fileInput.current?.files?.[0]
    if (!file) {
      setMissingFile(true)
      fileInput.current?.focus()
      return
    }
    setMissingFile(false)
    setOutcome({ kind: 'working' })
    if (file.size > MAX_FILE_BYTES) return refuse(file.name, [{ path: null, where: null, message: t('problems.file_too_large') }])
    let text: string
    try {
      text = await file.text()
    } catch {
      setOutcome({ kind: 'failed', message: t('import.failed') })
      return
    }
    if (text.length > MAX_CHARS) return refuse(file.name, [{ path: null, where: null, message: t('problems.file_too_large') }])
    try {
      const result = await call('scriptLibrary.import', { json: text })
      setOutcome({ kind: 'stored', result })
      announce(storedText(result))
      if (fileInput.current) fileInput.current.value = ''
      onStored(result)
    } catch (err) {
      const problems = importProblems(t, err, text)
      if (problems) refuse(file.name, problems)
      else setOutcome({ kind: 'failed', message: `${t('import.failed')} ${errorText(t, err)}` })
    }
  }

  const storedText = (r: ScriptImportResult) =>
    t(r.created ? 'import.stored' : 'import.alreadyStored', {
      title: r.script.title,
      scriptId: r.script.scriptId,
      version: r.script.version,
      language: languageName(r.script.language),
    })

  return (
    <section className="card sc-import" aria-labelledby="script-import-title">
      <h2 id="script-import-title" className="section__title">
        {t('import.title')}
      </h2>
      <p className="lead">{t('import.lead')}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <div className={missingFile ? 'field field--invalid' : 'field'}>
          <label htmlFor={inputId} className="field__label">
            {t('import.file')}
          </label>
          <p id={hintId} className="field__hint">
            {t('import.fileHint')}
          </p>
          <input
            ref={fileInput}
            id={inputId}
            name="scriptFile"
            type="file"
            accept=".json,application/json"
            className="input input--full sc-file"
            aria-required="true"
            aria-invalid={missingFile || undefined}
            aria-describedby={missingFile ? `${hintId} ${errorId}` : hintId}
            onChange={() => setMissingFile(false)}
          />
          {missingFile ? (
            <p id={errorId} className="field__error">
              <span aria-hidden="true" className="field__error-icon">
                !
              </span>{' '}
              {t('import.chooseFile')}
            </p>
          ) : null}
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={outcome.kind === 'working'}>
            {t('import.submit')}
          </button>
          {outcome.kind === 'working' ? (
            <p className="muted sc-working" role="status">
              {t('import.working')}
            </p>
          ) : null}
        </div>
      </form>

      {outcome.kind === 'stored' ? (
        <div ref={outcomeBox} tabIndex={-1} className="sc-outcome">
          <Notice kind="success">
            <p>{storedText(outcome.result)}</p>
            <p className="sc-outcome__hash">
              {t('import.storedHash')} <span className="mono sc-wrap">{outcome.result.script.sha256}</span>
            </p>
          </Notice>
        </div>
      ) : null}

      {outcome.kind === 'failed' ? (
        <div ref={outcomeBox} tabIndex={-1} className="sc-outcome">
          <Notice kind="error">{outcome.message}</Notice>
        </div>
      ) : null}

      {outcome.kind === 'refused' ? (
        <div ref={outcomeBox} tabIndex={-1} role="alert" aria-labelledby="script-import-refused" className="notice notice--error sc-problems">
          <span className="notice__icon" aria-hidden="true">
            !
          </span>
          <div className="notice__text">
            <h3 id="script-import-refused" className="sc-problems__title">
              {t('import.refusedTitle', { file: outcome.fileName })}
            </h3>
            <p>{t('import.refusedCount', { count: outcome.problems.length })}</p>
            <ol className="sc-problems__list">
              {outcome.problems.map((p, i) => (
                <li key={i} className="sc-problem">
                  <span className="sc-problem__place">
                    <span className="visually-hidden">{t('import.place')} </span>
                    {p.path ? <code className="mono sc-wrap">{p.path}</code> : <span>{t('import.wholeFile')}</span>}
                    {p.where ? <span className="sc-problem__where"> ({p.where})</span> : null}
                  </span>
                  <span className="sc-problem__text">
                    <span className="visually-hidden">{t('import.problem')} </span>
                    {p.message}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      ) : null}
    </section>
  )
}
