// The consultation calls. TEMPORARY: the contract is committed first so the
// screens can be built against it; the services replace these refusals next.
import { AppError } from '../../../shared/errors'
import { consultationCalls } from '../../../shared/contract/consultation'
import type { HandlersFor } from '../dispatch/types'

type Names = keyof typeof consultationCalls
const notYet = () => {
  throw new AppError('invalid_state', 'The consultation is not available in this build yet.')
}
export const consultationHandlers = Object.fromEntries(Object.keys(consultationCalls).map((n) => [n, notYet])) as unknown as HandlersFor<Names>
