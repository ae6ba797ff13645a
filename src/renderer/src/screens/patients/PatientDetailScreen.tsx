// One patient's page: who they are, and the next steps (see patient-actions.tsx,
// the list other features add their buttons to).
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Patient } from '../../../../shared/domain'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { errorText } from '../../errors'
import { formatDate, formatDateTime } from '../../i18n'
import { useNavigation } from '../../navigation'
import { useSession } from '../../session'
import { PATIENT_ACTIONS } from './patient-actions'
import { ageInYears } from './age'

export function PatientDetailScreen({ id, notice }: { id: number; notice?: 'created' | 'updated' }) {
  const { t } = useTranslation('patients')
  const { navigate } = useNavigation()
  const { session } = useSession()
  const announce = useAnnounce()
  const [patient, setPatient] = useState<Patient | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    call('patients.get', { id })
      .then((p) => live && setPatient(p))
      .catch((e) => live && setProblem(errorText(t, e)))
    return () => {
      live = false
    }
  }, [id, t])

  useEffect(() => {
    if (notice) announce(notice === 'created' ? t('detail.created') : t('detail.updated'))
  }, [notice, announce, t])

  const actions = PATIENT_ACTIONS.filter((a) => a.roles.includes(session.user.role))

  return (
    <section className="screen-section">
      <p className="breadcrumb">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'patients' })}>
          <span aria-hidden="true">← </span>
          {t('detail.back')}
        </button>
      </p>
      {problem ? (
        <>
          <ScreenHeading>{t('detail.titleUnknown')}</ScreenHeading>
          <Notice kind="error">{problem}</Notice>
        </>
      ) : null}
      {patient ? (
        <>
          <ScreenHeading>{t('name', { given: patient.givenName, family: patient.familyName })}</ScreenHeading>
          {notice ? <Notice kind="success">{notice === 'created' ? t('detail.created') : t('detail.updated')}</Notice> : null}
          <div className="detail-layout">
            <section className="card" aria-labelledby="patient-details-title">
              <h2 id="patient-details-title" className="section__title">
                {t('detail.details')}
              </h2>
              <dl className="facts">
                <div>
                  <dt>{t('fields.dateOfBirth')}</dt>
                  <dd>
                    {formatDate(patient.dateOfBirth)}{' '}
                    <span className="muted">({t('detail.age', { count: ageInYears(patient.dateOfBirth) })})</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('fields.recordNumber')}</dt>
                  <dd className="mono">{patient.recordNumber}</dd>
                </div>
                <div>
                  <dt>{t('fields.phone')}</dt>
                  <dd>{patient.phone || <span className="muted">{t('detail.notGiven')}</span>}</dd>
                </div>
                <div>
                  <dt>{t('fields.email')}</dt>
                  <dd>{patient.email || <span className="muted">{t('detail.notGiven')}</span>}</dd>
                </div>
                <div>
                  <dt>{t('detail.lastChanged')}</dt>
                  <dd>{formatDateTime(patient.updatedAt)}</dd>
                </div>
              </dl>
            </section>
            <section className="card" aria-labelledby="patient-actions-title">
              <h2 id="patient-actions-title" className="section__title">
                {t('detail.nextSteps')}
              </h2>
              <div className="action-list">
                {actions.map((a) => (
                  <div key={a.key}>{a.render({ patient })}</div>
                ))}
              </div>
            </section>
          </div>
        </>
      ) : null}
    </section>
  )
}
