// Every contract entry's handler, gathered from the concept folders. The type
// makes a missing handler a compile error.
import type { CallName } from '../../../shared/contract'
import { sessionHandlers } from '../session/handlers'
import { scriptLibraryHandlers } from '../script-library/handlers'
import { settingsHandlers } from '../settings/handlers'
import { setupHandlers } from '../setup/handlers'
import { consentHandlers } from '../consents/handlers'
import { consultationHandlers } from '../consultation/handlers'
import { maintenanceHandlers } from '../maintenance/handlers'
import { patientHandlers } from '../patients/handlers'
import { userHandlers } from '../users/handlers'
import type { HandlersFor } from './types'

export const handlers: HandlersFor<CallName> = {
  ...setupHandlers,
  ...sessionHandlers,
  ...userHandlers,
  ...settingsHandlers,
  ...patientHandlers,
  ...scriptLibraryHandlers,
  ...consultationHandlers,
  ...consentHandlers,
  ...maintenanceHandlers,
}
