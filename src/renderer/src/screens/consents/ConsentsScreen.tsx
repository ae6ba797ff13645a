// The staff desk: find a signed consent by part of the patient's name or the
// record number, optionally within dates of sign-off, newest first. Searches
// while typing, like the patient list.
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentListItem } from '../../../../shared/contract/consents'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { Notice } from '../../components/Notice'
import { RowLink, SearchResults } from '../../components/ResultsTable'
import { ScreenHeading } from '../../components/ScreenHeading'
import { SearchBox } from '../../components/SearchBox'
import { useSearchAsYouType } from '../../components/searchAsYouType'
import { errorText, fieldErrorsOf, fieldErrorText } from '../../errors'
import { formatDate, formatDateTime } from '../../i18n'
import { useNavigation } from '../../navigation'
import { StatusText } from './StatusText'
import './consents.css'

const DEBOUNCE_MS = 200

export function ConsentsScreen() {
  const { t } = useTranslation('consents')
  const { navigate } = useNavigation()
  const announce = useAnnounce()
  const [query, setQuery] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [results, setResults] = useState<{ searching: boolean; items: ConsentListItem[] } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({})

  // With nothing typed and no dates, the newest consents are listed at once.
  const searching = query.trim() !== '' || from !== '' || to !== ''
  const search = useCallback(() => call('consents.search', { query, from, to, limit: 100 }).then((items) => ({ searching, items })), [query, from, to, searching])
  useSearchAsYouType(search, searching ? DEBOUNCE_MS : 0, {
    onAnswer(found) {
      setProblem(null)
      setFieldProblems({})
      setResults(found)
      if (found.searching) announce(found.items.length ? t('list.found', { count: found.items.length }) : t('list.none'))
    },
    onProblem(e) {
      const fields = fieldErrorsOf(e)
      setFieldProblems(fields)
      setProblem(Object.keys(fields).length ? null : errorText(t, e))
    },
  })

  const dateError = (path: 'from' | 'to') =>
    fieldProblems[path] ? (
      <p id={`consent-${path}-error`} className="field__error">
        <span className="field__error-icon" aria-hidden="true">
          !
        </span>
        {fieldErrorText(t, fieldProblems[path])}
      </p>
    ) : null

  return (
    <section className="screen-section">
      <ScreenHeading>{t('list.title')}</ScreenHeading>
      <p className="lead">{t('list.intro')}</p>
      <div className="search consents-search" role="search">
        <div className="field consents-search__query">
          <SearchBox id="consent-search" label={t('search.label')} hint={t('search.hint')} value={query} onChange={setQuery} />
        </div>
        {(['from', 'to'] as const).map((path) => (
          <div className="field" key={path}>
            <label htmlFor={`consent-${path}`} className="field__label">
              {path === 'from' ? t('search.from') : t('search.to')}
            </label>
            <p id={`consent-${path}-hint`} className="field__hint">
              {t('search.dateHint')}
            </p>
            <input
              id={`consent-${path}`}
              className="input consents-search__date"
              type="date"
              value={path === 'from' ? from : to}
              onChange={(e) => (path === 'from' ? setFrom(e.target.value) : setTo(e.target.value))}
              aria-invalid={fieldProblems[path] ? true : undefined}
              aria-describedby={`consent-${path}-hint${fieldProblems[path] ? ` consent-${path}-error` : ''}`}
            />
            {dateError(path)}
          </div>
        ))}
      </div>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {results ? (
        <SearchResults
          title={results.searching ? t('list.results') : t('list.recent')}
          empty={results.searching ? t('list.none') : t('list.empty')}
          count={results.items.length}
          columns={[t('fields.patient'), t('fields.dateOfBirth'), t('fields.recordNumber'), t('fields.signedOff'), t('fields.clinician'), t('fields.status')]}
        >
          {results.items.map((c) => (
            <tr key={c.consultationId}>
              <RowLink onOpen={() => navigate({ name: 'consent', consultationId: c.consultationId })}>
                {t('name', { given: c.patient.givenName, family: c.patient.familyName })}
              </RowLink>
              <td>{formatDate(c.patient.dateOfBirth)}</td>
              <td className="mono">{c.patient.recordNumber}</td>
              <td>{formatDateTime(c.signedOffAt)}</td>
              <td>{c.clinicianName}</td>
              <td>
                <StatusText item={c} />
              </td>
            </tr>
          ))}
        </SearchResults>
      ) : null}
    </section>
  )
}
