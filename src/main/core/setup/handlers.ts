// First run, as contract handlers: the setup screen's status, creating the
// clinic (its first administrator is logged in at once), and the demo.
import type { setupCalls } from '../../../shared/contract/setup'
import type { HandlersFor } from '../dispatch/types'
import { readSettings } from '../settings/settings'
import { startSession } from '../session/handlers'
import { assertNeedsSetup, createClinic, needsSetup } from './setup'

export const setupHandlers = {
  'setup.status': (_i, { ctx }) => ({ needsSetup: needsSetup(ctx), clinicName: readSettings(ctx).clinic.name || null }),

  'setup.createClinic': async (input, call) => {
    const admin = await createClinic(call.ctx, input)
    return startSession(call, admin)
  },

  'setup.loadDemo': async (_i, call) => {
    assertNeedsSetup(call.ctx) // a clinic that exists is never touched, demo or not
    const logins = await call.demo.load()
    return { logins: logins.map(({ username, password, role }) => ({ username, password, role })) }
  },
} satisfies HandlersFor<keyof typeof setupCalls>
