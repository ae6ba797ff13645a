// The audit log's keyed hash chain, walked from the first row to the last:
// an edited, inserted, deleted or reordered row breaks it. (A cut-off tail
// does not break the chain itself; the stored-PDF check catches that against
// the chain head each PDF printed at sign-off.)
import { verifyAuditChain } from '../../audit/chain'
import { hasTable, plural, type IntegrityCheck } from './types'

export const auditChainCheck: IntegrityCheck = {
  id: 'audit-chain',
  title: 'The audit trail is complete and unaltered',
  run({ db, auditKey }) {
    if (!hasTable(db, 'audit_log')) return { ok: false, problem: 'The audit log table is missing.' }
    const r = verifyAuditChain(db, auditKey)
    if (!r.ok) return { ok: false, problem: `${capitalise(r.problem)} (the audit chain breaks there).` }
    if (r.rows === 0) return { ok: true, confirmed: 'audit trail empty' }
    return { ok: true, confirmed: `${plural(r.rows, 'audit row')} chained to head #${r.head.position} (${r.head.hash.slice(0, 12)}…)` }
  },
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
