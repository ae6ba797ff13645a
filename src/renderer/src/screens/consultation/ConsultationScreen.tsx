// The consultation as the clinician runs it (route `consultation`): the step
// list with progress on the left, the open step on the right. It opens where
// the consultation resumes (the first step not yet done, as the core derives
// it), so a reload or a restart of the app loses nothing and skips nothing.
// A blocked consultation shows only the way out ("End as not treated"); a
// finished one is read-only with its history.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../shared/consultation'
import { BackLink } from '../../components/BackLink'
import { ScreenHeading } from '../../components/ScreenHeading'
import { formatDate, formatDateTime } from '../../i18n'
import { useSession } from '../../session'
import { BlockedPanel, EndNotTreatedForm } from './EndNotTreated'
import { FinishedView } from './FinishedView'
import { HandOverStep } from './HandOverStep'
import { clinicianSections, clinicianStepItems, PATIENT_PART, resumeKey, SIGN_OFF } from './model'
import { RecordSummary } from './RecordSummary'
import { SectionStep } from './SectionStep'
import { SignOffStep } from './SignOffStep'
import { StepList } from './StepList'
import { useConsultation } from './useConsultation'
import './consultation.css'

export function ConsultationScreen({ id }: { id: number }) {
  const { t } = useTranslation('consultation')
  const { state, setState, problem } = useConsultation(id)

  return (
    <div className="cn-screen">
      <BackLink to={state ? { name: 'patient', id: state.patient.id } : { name: 'patients' }}>{t('backToPatient')}</BackLink>
      {problem && !state ? (
        <>
          <ScreenHeading>{t('title')}</ScreenHeading>
          <p className="cn-error" role="alert">
            {problem}
          </p>
        </>
      ) : null}
      {!state && !problem ? <p aria-busy="true">{t('loading')}</p> : null}
      {state ? <Consultation state={state} setState={setState} /> : null}
    </div>
  )
}

function Consultation({ state, setState }: { state: ConsultationState; setState: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const { session, patientModeChanged } = useSession()
  const name = `${state.patient.givenName} ${state.patient.familyName}`
  return (
    <div className="cn-consultation">
      <div className="cn-consultation__head">
        <div>
          <ScreenHeading>{t('titleFor', { name })}</ScreenHeading>
          <p className="cn-consultation__meta">
            {t('meta', {
              born: formatDate(state.patient.dateOfBirth),
              record: state.patient.recordNumber,
              script: state.script.title,
              version: state.script.version,
              started: formatDateTime(state.startedAt),
            })}
          </p>
        </div>
      </div>
      {state.status !== 'in_progress' ? (
        <div className="cn-wide">
          <FinishedView state={state} onSaved={setState} />
        </div>
      ) : session.user.role !== 'clinician' ? (
        // Staff may look at a consultation in progress; only the clinician runs it.
        <div className="cn-wide">
          <p className="cn-notice cn-notice--info">{t('inProgressReadOnly', { clinician: state.clinician.displayName })}</p>
          <RecordSummary state={state} />
        </div>
      ) : state.blocks.length > 0 ? (
        <>
          <div className="cn-sidebar">
            <StepList label={t('steps.label')} steps={clinicianStepItems(state, { patientPart: t('steps.patientPart'), signOff: t('steps.signOff') })} />
          </div>
          <BlockedPanel state={state} onSaved={setState} />
        </>
      ) : (
        <ClinicianFlow state={state} setState={setState} onHandedOver={(s) => patientModeChanged(s.id)} />
      )}
    </div>
  )
}

function ClinicianFlow({ state, setState, onHandedOver }: { state: ConsultationState; setState: (s: ConsultationState) => void; onHandedOver: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const [openKey, setOpenKeyState] = useState(() => resumeKey(state))
  // The screen's h1 has focus when the consultation opens; after that, each
  // step the clinician moves to takes focus at its own heading.
  const [moved, setMoved] = useState(false)
  const setOpenKey = useCallback((key: string) => {
    setMoved(true)
    setOpenKeyState(key)
  }, [])
  const headingRef = useRef<HTMLHeadingElement>(null)
  const sections = clinicianSections(state)
  const index = sections.findIndex((s) => s.id === openKey)
  const items = clinicianStepItems(state, { patientPart: t('steps.patientPart'), signOff: t('steps.signOff') })

  const onSaved = useCallback(
    (s: ConsultationState, opts?: { advance?: boolean }) => {
      setState(s)
      if (opts?.advance) setOpenKey(resumeKey(s))
    },
    [setState, setOpenKey],
  )

  // Phase steps are not sections: move focus to their heading when opened.
  useEffect(() => {
    if (moved && (openKey === PATIENT_PART || openKey === SIGN_OFF)) headingRef.current?.focus()
  }, [openKey, moved])

  const open = (key: string) => {
    const item = items.find((i) => i.key === key)
    if (item?.reachable) setOpenKey(key)
  }
  const section = index >= 0 ? sections[index] : undefined

  return (
    <>
      <div className="cn-sidebar">
        <StepList label={t('steps.label')} steps={items} onOpen={open} openKey={openKey} />
        <details className="cn-details cn-end-early">
          <summary>{t('end.early')}</summary>
          <EndNotTreatedForm state={state} onSaved={setState} prominent={false} />
        </details>
      </div>
      <div>
        {section ? (
          <SectionStep
            key={section.id}
            state={state}
            section={section}
            position={{ index, count: sections.length }}
            focusHeading={moved}
            onSaved={onSaved}
            onBack={index > 0 ? () => setOpenKey(sections[index - 1]!.id) : null}
            onNext={() => setOpenKey(index + 1 < sections.length ? sections[index + 1]!.id : resumeKey(state))}
          />
        ) : null}
        {openKey === PATIENT_PART ? <HandOverStep state={state} onSaved={setState} onHandedOver={onHandedOver} headingRef={headingRef} /> : null}
        {openKey === SIGN_OFF ? <SignOffStep state={state} onSaved={setState} headingRef={headingRef} /> : null}
      </div>
    </>
  )
}
