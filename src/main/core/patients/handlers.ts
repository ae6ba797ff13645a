import type { patientCalls } from '../../../shared/contract/patients'
import type { HandlersFor } from '../dispatch/types'
import { createPatient, getPatient, searchPatients, updatePatient } from './patients'

export const patientHandlers = {
  'patients.search': (input, { ctx }) => searchPatients(ctx, input.query, input.limit),
  'patients.get': (input, { ctx }) => getPatient(ctx, input.id),
  'patients.create': (input, { ctx, actor }) => createPatient(ctx, actor, input),
  'patients.update': (input, { ctx, actor }) => updatePatient(ctx, actor, input.id, input.patient),
} satisfies HandlersFor<keyof typeof patientCalls>
