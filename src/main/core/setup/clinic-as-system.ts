// A new clinic set up by the machine's owner rather than through the setup
// screen: its settings, its users and its first patients, each with the audit
// row the app writes for them, under the command line's name. The demo
// clinic is made this way.
import type { PatientFields } from '../../../shared/contract/patients'
import type { ClinicSettings } from '../../../shared/domain'
import { recordAudit } from '../audit/chain'
import { inTransaction, SYSTEM_ACTOR, type CoreContext } from '../context'
import { createPatient } from '../patients/patients'
import { writeSettingsRows } from '../settings/settings'
import { createUser, type NewUser } from '../users/users'
import { assertNeedsSetup } from './setup'

export interface SystemClinicPlan {
  settings: ClinicSettings
  users: readonly NewUser[]
  patients: readonly PatientFields[]
  /** Added to the `clinic.setup` audit row (e.g. `{ demo: true }`). */
  setupDetail?: Record<string, unknown>
}

export async function setUpClinicAsSystem(ctx: CoreContext, plan: SystemClinicPlan): Promise<void> {
  assertNeedsSetup(ctx)
  inTransaction(ctx, () => {
    writeSettingsRows(ctx, plan.settings)
    recordAudit(ctx, SYSTEM_ACTOR, {
      action: 'clinic.setup',
      entityType: 'settings',
      detail: { clinic: plan.settings.clinic, idleLockMinutes: plan.settings.idleLockMinutes, ...plan.setupDetail },
    })
  })
  for (const u of plan.users) await createUser(ctx, SYSTEM_ACTOR, u)
  for (const p of plan.patients) createPatient(ctx, SYSTEM_ACTOR, p)
}
