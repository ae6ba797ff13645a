// Finding a patient: a search box that searches while typing (name prefix or
// record number, accents and case ignored by the core) and the results as a
// table. With an empty box it lists the most recently updated patients.
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PatientSummary } from '../../../../shared/domain'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { ListHeading } from '../../components/ListHeading'
import { Notice } from '../../components/Notice'
import { RowLink, SearchResults } from '../../components/ResultsTable'
import { SearchBox } from '../../components/SearchBox'
import { useSearchAsYouType } from '../../components/searchAsYouType'
import { errorText } from '../../errors'
import { formatDate } from '../../i18n'
import { useNavigation } from '../../navigation'
import { InProgressConsultations } from '../consultation/InProgressConsultations'

const DEBOUNCE_MS = 150

export function PatientsScreen() {
  const { t } = useTranslation('patients')
  const { navigate } = useNavigation()
  const announce = useAnnounce()
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<{ query: string; patients: PatientSummary[] } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const search = useCallback(() => call('patients.search', { query, limit: 50 }).then((patients) => ({ query, patients })), [query])
  useSearchAsYouType(search, query ? DEBOUNCE_MS : 0, {
    onAnswer(found) {
      setProblem(null)
      setResults(found)
      if (found.query.trim()) announce(found.patients.length ? t('search.found', { count: found.patients.length }) : t('search.none'))
    },
    onProblem: (e) => setProblem(errorText(t, e)),
  })

  const searching = (results?.query ?? '').trim() !== ''

  return (
    <section className="screen-section">
      <ListHeading title={t('list.title')} addLabel={t('list.add')} addTo={{ name: 'patientNew' }} />
      <InProgressConsultations />
      <div className="search" role="search">
        <SearchBox id="patient-search" label={t('search.label')} hint={t('search.hint')} value={query} onChange={setQuery} />
      </div>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {results ? (
        <SearchResults
          title={searching ? t('list.results') : t('list.recent')}
          empty={searching ? t('search.none') : t('list.empty')}
          count={results.patients.length}
          columns={[t('fields.name'), t('fields.dateOfBirth'), t('fields.recordNumber')]}
        >
          {results.patients.map((p) => (
            <tr key={p.id}>
              <RowLink onOpen={() => navigate({ name: 'patient', id: p.id })}>{t('name', { given: p.givenName, family: p.familyName })}</RowLink>
              <td>{formatDate(p.dateOfBirth)}</td>
              <td className="mono">{p.recordNumber}</td>
            </tr>
          ))}
        </SearchResults>
      ) : null}
    </section>
  )
}
