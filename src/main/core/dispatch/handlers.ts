// Every contract entry's handler, gathered from the concept folders. The type
// makes a missing handler a compile error.
import type { CallName } from '../../../shared/contract'
import { sessionHandlers } from '../auth/handlers'
import { settingsHandlers } from '../clinic/handlers'
import { consentHandlers } from '../consents/handlers'
import { consultationHandlers } from '../consultation/handlers'
import { maintenanceHandlers } from '../integrity/handlers'
import { patientHandlers } from '../patients/handlers'
import { userHandlers } from '../users/handlers'
import type { HandlersFor } from './types'

export const handlers: HandlersFor<CallName> = {
  ...sessionHandlers,
  ...userHandlers,
  ...settingsHandlers,
  ...patientHandlers,
  ...consultationHandlers,
  ...consentHandlers,
  ...maintenanceHandlers,
}
