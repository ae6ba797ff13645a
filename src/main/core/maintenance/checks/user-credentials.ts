// Each user's password hash must be the one the app set: the audit row that
// set it carries a keyed seal of it (users/credential-seal.ts). A hash swapped
// with raw SQL, to log in as someone else with a known password, shows here.
import { credentialSeal } from '../../users/credential-seal'
import { hasTable, plural, type CheckOutcome, type IntegrityCheck } from './types'

export const userCredentialsCheck: IntegrityCheck = {
  id: 'user-credentials',
  title: 'Passwords are the ones the app set',
  run({ db, auditKey }): CheckOutcome {
    if (!hasTable(db, 'users')) return { ok: true, confirmed: 'no users table yet' }
    const seals = new Map<string, { seal: string; auditId: number }>()
    const rows = db
      .prepare("SELECT id, entity_id, detail FROM audit_log WHERE entity_type = 'user' AND entity_id IS NOT NULL AND detail LIKE '%credentialSeal%' ORDER BY id")
      .iterate() as IterableIterator<{ id: number; entity_id: string; detail: string }>
    for (const r of rows) {
      try {
        const seal = (JSON.parse(r.detail) as { credentialSeal?: unknown }).credentialSeal
        if (typeof seal === 'string') seals.set(r.entity_id, { seal, auditId: r.id })
      } catch {
        // a detail that is not JSON is the audit chain check's to report
      }
    }
    let n = 0
    for (const u of db.prepare('SELECT id, password_hash FROM users ORDER BY id').iterate() as IterableIterator<{ id: number; password_hash: string }>) {
      n++
      const sealed = seals.get(String(u.id))
      if (!sealed) return { ok: false, problem: `users row ${u.id} has a password that no audit row records setting.` }
      if (credentialSeal(auditKey, u.password_hash) !== sealed.seal)
        return { ok: false, problem: `users row ${u.id} had its password changed outside the app: it is not the one audit row ${sealed.auditId} sealed.` }
    }
    return { ok: true, confirmed: `${plural(n, 'password')} as the app set them` }
  },
}
