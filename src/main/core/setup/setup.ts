// First run: create the clinic and its first administrator. Refused once any
// user exists, so setup can never be used to take over an existing clinic.
import { AppError } from '../../../shared/errors'
import type { UserSummary } from '../../../shared/domain'
import { recordAudit } from '../audit/chain'
import { assertPrintable } from '../consent-pdf/printable'
import { hashPassword } from '../session/passwords'
import { inTransaction, SYSTEM_ACTOR, type CoreContext } from '../context'
import { credentialSeal } from '../users/credential-seal'
import { countUsers, getUser, toUserSummary } from '../users/users'
import { DEFAULT_IDLE_LOCK_MINUTES, readSettings, writeSettingsRows } from '../settings/settings'

export function needsSetup(ctx: CoreContext): boolean {
  return countUsers(ctx) === 0
}

export function assertNeedsSetup(ctx: CoreContext): void {
  if (!needsSetup(ctx)) throw new AppError('setup_done', 'This clinic is already set up. Log in instead.')
}

export interface ClinicSetup {
  clinic: { name: string; address: string }
  admin: { username: string; displayName: string; password: string }
}

export async function createClinic(ctx: CoreContext, s: ClinicSetup): Promise<UserSummary> {
  assertNeedsSetup(ctx)
  assertPrintable(ctx.resourcesDir, { 'clinic.name': s.clinic.name, 'clinic.address': s.clinic.address, 'admin.displayName': s.admin.displayName })
  const hash = await hashPassword(s.admin.password)
  return inTransaction(ctx, () => {
    assertNeedsSetup(ctx) // checked again inside the write lock
    const idleLockMinutes = readSettings(ctx).idleLockMinutes || DEFAULT_IDLE_LOCK_MINUTES
    writeSettingsRows(ctx, { clinic: s.clinic, idleLockMinutes })
    const id = Number(
      ctx.db
        .prepare('INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(s.admin.username, s.admin.displayName, 'admin', hash, ctx.now().toISOString()).lastInsertRowid,
    )
    recordAudit(ctx, SYSTEM_ACTOR, { action: 'clinic.setup', entityType: 'settings', detail: { clinic: s.clinic, idleLockMinutes, admin: s.admin.username } })
    recordAudit(ctx, SYSTEM_ACTOR, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      detail: { username: s.admin.username, displayName: s.admin.displayName, role: 'admin', credentialSeal: credentialSeal(ctx.auditKey, hash) },
    })
    return toUserSummary(getUser(ctx, id))
  })
}
