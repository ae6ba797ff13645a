// What can be done from a patient's page, as a list other parts of the app
// extend: to add "Start consultation" or "Consents", append an entry here
// (roles it is offered to, and a component that receives the patient). The
// detail screen shows them in order in its "Next steps" section.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Patient } from '../../../../shared/domain'
import type { Role } from '../../../../shared/roles'
import { useNavigation } from '../../navigation'
import { PatientConsultations } from '../consultation/PatientConsultations'

export interface PatientAction {
  key: string
  roles: readonly Role[]
  render(props: { patient: Patient }): ReactNode
}

function EditPatientAction({ patient }: { patient: Patient }) {
  const { t } = useTranslation('patients')
  const { navigate } = useNavigation()
  return (
    <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'patientEdit', id: patient.id })}>
      {t('detail.edit')}
    </button>
  )
}

export const PATIENT_ACTIONS: readonly PatientAction[] = [
  { key: 'edit', roles: ['clinician', 'staff'], render: (p) => <EditPatientAction {...p} /> },
  { key: 'consultations', roles: ['clinician', 'staff'], render: (p) => <PatientConsultations {...p} /> },
]
