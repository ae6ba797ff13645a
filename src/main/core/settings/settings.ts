// Clinic-wide settings, stored as key/value rows.
import type { ClinicSettings } from '../../../shared/domain'
import { recordAudit } from '../audit/chain'
import { statement } from '../db/statements'
import { assertPrintable } from '../consent-pdf/printable'
import { inTransaction, type Actor, type CoreContext } from '../context'

export const DEFAULT_IDLE_LOCK_MINUTES = 5

function get(ctx: CoreContext, key: string): string | null {
  const r = statement(ctx.db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  return r?.value ?? null
}

export function readSettings(ctx: CoreContext): ClinicSettings {
  return {
    clinic: { name: get(ctx, 'clinic.name') ?? '', address: get(ctx, 'clinic.address') ?? '' },
    idleLockMinutes: Number(get(ctx, 'idleLockMinutes') ?? DEFAULT_IDLE_LOCK_MINUTES),
  }
}

/** Writes settings rows; the caller owns the transaction and the audit row. */
export function writeSettingsRows(ctx: CoreContext, s: ClinicSettings): void {
  const put = ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  put.run('clinic.name', s.clinic.name)
  put.run('clinic.address', s.clinic.address)
  put.run('idleLockMinutes', String(s.idleLockMinutes))
}

export function updateSettings(ctx: CoreContext, actor: Actor, s: ClinicSettings): ClinicSettings {
  assertPrintable(ctx.resourcesDir, { 'clinic.name': s.clinic.name, 'clinic.address': s.clinic.address })
  return inTransaction(ctx, () => {
    const before = readSettings(ctx)
    writeSettingsRows(ctx, s)
    // `after` is read back as stored: verify replays it against the settings rows.
    const after = readSettings(ctx)
    recordAudit(ctx, actor, { action: 'settings.update', entityType: 'settings', detail: { before, after } })
    return after
  })
}
