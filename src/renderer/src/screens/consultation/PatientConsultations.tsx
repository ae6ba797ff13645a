// The consultations section of a patient's page: "Start consultation" (for a
// clinician) and the list of this patient's consultations with their status;
// one still in progress offers "Resume", a finished one "Open". Above the
// start button the clinician sees which script will be used, with its notice
// (script-library/ScriptChoice), and may choose another when the clinic has several.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationSummary } from '../../../../shared/consultation'
import type { Patient } from '../../../../shared/domain'
import { call } from '../../api'
import { formatDateTime } from '../../i18n'
import { useNavigation } from '../../navigation'
import { useSession } from '../../session'
import { ScriptChoice } from '../script-library/ScriptChoice'
import { errorMessage, SaveStatus, useSaving } from './saving'
import './consultation.css'

export function PatientConsultations({ patient }: { patient: Patient }) {
  const { t } = useTranslation('consultation')
  const { navigate } = useNavigation()
  const { session } = useSession()
  const saving = useSaving()
  const [list, setList] = useState<ConsultationSummary[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [scriptStoredId, setScriptStoredId] = useState<number | null>(null)
  const isClinician = session.user.role === 'clinician'

  useEffect(() => {
    let live = true
    call('consultation.listForPatient', { patientId: patient.id })
      .then((l) => live && setList(l))
      .catch((e) => live && setProblem(errorMessage(t, e)))
    return () => {
      live = false
    }
  }, [patient.id, t])

  const start = async () => {
    const s = await saving.run(() => call('consultation.start', scriptStoredId === null ? { patientId: patient.id } : { patientId: patient.id, scriptStoredId }))
    if (s) navigate({ name: 'consultation', id: s.id })
  }

  return (
    <div className="cn-patient-consultations">
      {isClinician ? (
        <>
          <ScriptChoice value={scriptStoredId} onChange={setScriptStoredId} />
          <button type="button" className="cn-button cn-button--primary" onClick={start} disabled={saving.saving}>
            {t('patientPage.start')}
          </button>
          <SaveStatus state={saving.state} />
        </>
      ) : null}
      <h3>{t('patientPage.title')}</h3>
      {problem ? <p className="cn-error">{problem}</p> : null}
      {list && list.length === 0 ? <p>{t('patientPage.none')}</p> : null}
      {list && list.length > 0 ? (
        <ul className="cn-list-plain cn-consultation-list">
          {list.map((c) => (
            <li key={c.id} className="cn-risk">
              <p className="cn-risk__what">{t('patientPage.item', { started: formatDateTime(c.startedAt), script: c.script.title, version: c.script.version })}</p>
              <p className="cn-risk__how-often">
                {t(`status.${c.withdrawnAt ? 'withdrawn' : c.status}`)}
                {c.endedAt ? ` · ${formatDateTime(c.endedAt)}` : ''}
              </p>
              <button
                type="button"
                className="cn-button cn-button--secondary"
                onClick={() => navigate({ name: 'consultation', id: c.id })}
                aria-label={t(c.status === 'in_progress' && isClinician ? 'patientPage.resumeLabel' : 'patientPage.openLabel', { started: formatDateTime(c.startedAt) })}
              >
                {c.status === 'in_progress' && isClinician ? t('patientPage.resume') : t('patientPage.open')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
