// One patient's page: who they are, and the next steps (see patient-actions.tsx,
// the list other features add their buttons to).
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Patient } from '../../../../shared/domain'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { BackLink } from '../../components/BackLink'
import { Fact, Facts } from '../../components/Facts'
import { useLoadOnOpen } from '../../components/loadOnOpen'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { TitledSection } from '../../components/TitledSection'
import { errorText } from '../../errors'
import { formatDate, formatDateTime } from '../../i18n'
import { useSession } from '../../session'
import { PATIENT_ACTIONS } from './patient-actions'
import { ageInYears } from './age'

export function PatientDetailScreen({ id, notice }: { id: number; notice?: 'created' | 'updated' }) {
  const { t } = useTranslation('patients')
  const { session } = useSession()
  const announce = useAnnounce()
  const [patient, setPatient] = useState<Patient | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useLoadOnOpen(
    () => call('patients.get', { id }),
    setPatient,
    (e) => setProblem(errorText(t, e)),
    [id, t],
  )

  useEffect(() => {
    if (notice) announce(notice === 'created' ? t('detail.created') : t('detail.updated'))
  }, [notice, announce, t])

  const actions = PATIENT_ACTIONS.filter((a) => a.roles.includes(session.user.role))

  return (
    <section className="screen-section">
      <BackLink to={{ name: 'patients' }}>{t('detail.back')}</BackLink>
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
            <TitledSection className="card" id="patient-details-title" title={t('detail.details')}>
              <Facts>
                <Fact label={t('fields.dateOfBirth')}>
                  {formatDate(patient.dateOfBirth)} <span className="muted">({t('detail.age', { count: ageInYears(patient.dateOfBirth) })})</span>
                </Fact>
                <Fact label={t('fields.recordNumber')} valueClassName="mono">
                  {patient.recordNumber}
                </Fact>
                <Fact label={t('fields.phone')}>{patient.phone || <span className="muted">{t('detail.notGiven')}</span>}</Fact>
                <Fact label={t('fields.email')}>{patient.email || <span className="muted">{t('detail.notGiven')}</span>}</Fact>
                <Fact label={t('detail.lastChanged')}>{formatDateTime(patient.updatedAt)}</Fact>
              </Facts>
            </TitledSection>
            <TitledSection className="card" id="patient-actions-title" title={t('detail.nextSteps')}>
              <div className="action-list">
                {actions.map((a) => (
                  <div key={a.key}>{a.render({ patient })}</div>
                ))}
              </div>
            </TitledSection>
          </div>
        </>
      ) : null}
    </section>
  )
}
