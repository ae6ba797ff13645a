// Consultations still in progress, shown to a clinician on the patients
// screen (where the app opens after logging in): after a reload, a crash or
// a restart this is the one click back to where a consultation stood.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationSummary } from '../../../../shared/consultation'
import { call } from '../../api'
import { formatDateTime } from '../../i18n'
import { useNavigation } from '../../navigation'
import { useSession } from '../../session'
import './consultation.css'

export function InProgressConsultations() {
  const { t } = useTranslation('consultation')
  const { navigate } = useNavigation()
  const { session } = useSession()
  const [list, setList] = useState<ConsultationSummary[]>([])
  const isClinician = session.user.role === 'clinician'

  useEffect(() => {
    if (!isClinician) return
    let live = true
    // Not being able to list them is not worth an error here: each patient's page lists theirs.
    call('consultation.listInProgress', {})
      .then((l) => live && setList(l))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [isClinician])

  if (list.length === 0) return null
  return (
    <section className="cn-in-progress" aria-labelledby="cn-in-progress-title">
      <h2 id="cn-in-progress-title">{t('inProgress.title', { count: list.length })}</h2>
      <ul className="cn-list-plain">
        {list.map((c) => {
          const name = `${c.patient.givenName} ${c.patient.familyName}`
          return (
            <li key={c.id} className="cn-in-progress__item">
              <span>{t('inProgress.item', { name, started: formatDateTime(c.startedAt), clinician: c.clinician.displayName })}</span>
              <button
                type="button"
                className="cn-button cn-button--secondary"
                onClick={() => navigate({ name: 'consultation', id: c.id })}
                aria-label={t('inProgress.resumeLabel', { name, started: formatDateTime(c.startedAt) })}
              >
                {t('patientPage.resume')}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
