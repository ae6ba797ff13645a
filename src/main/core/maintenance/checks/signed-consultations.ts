// Every signed-off consultation still says what was signed: its consent
// record (sections shown and acknowledged with their times, answers,
// decisions, plan, comprehension, signatures with their strokes and images),
// rebuilt from the rows now in the database, hashes to the SHA-256 fixed at
// sign-off; and that SHA-256 is the one the sign-off audit row recorded, so
// rewriting the rows and the stored hash together is caught as well.
//
// The patient's details and the clinic's name and address may be edited
// after sign-off (through the app, with audit rows); the record names them as
// they were at sign-off, so they are taken from the audit trail as of the
// sign-off row when the current ones differ.
import type { ConsentRecord } from '../../../../shared/consultation'
import { buildConsentRecord, canonicalRecordHash, signedOffRecordHolds } from '../../consultation/record'
import type { Db } from '../../db/open'
import { columnsOf, replayAuditTrail } from './audited-records'
import type { CoreContext } from '../../context'
import { auditDetails } from './audit-detail'
import { hasTable, plural, YIELD_EVERY, type IntegrityCheck } from './types'

export const signedConsultationsCheck: IntegrityCheck = {
  id: 'signed-consultations',
  title: 'Signed-off consultations are unchanged since sign-off',
  *run({ db, auditKey, resourcesDir }) {
    if (!hasTable(db, 'consultations')) return { ok: true, confirmed: 'no consultations table yet' }
    const ctx: CoreContext = { db, auditKey, resourcesDir, dataDir: '', now: () => new Date() }
    const signOffs = auditDetails(db, 'consultation', 'consultation.sign_off')
    let n = 0
    const rows = db.prepare("SELECT id, record_sha256 FROM consultations WHERE status = 'signed_off' ORDER BY id").all() as { id: number; record_sha256: string | null }[]
    for (const c of rows) {
      if (++n % YIELD_EVERY === 0) yield
      const audited = signOffs.get(String(c.id))
      if (!audited) return { ok: false, problem: `Consultation ${c.id} is marked signed off, but no audit row records its sign-off.` }
      if (!c.record_sha256 || audited.detail.recordSha256 !== c.record_sha256)
        return {
          ok: false,
          problem: `Consultation ${c.id}: the record SHA-256 stored on it (${short(c.record_sha256)}) is not the one its sign-off recorded in audit row ${audited.auditId} (${short(audited.detail.recordSha256)}).`,
        }
      let holds
      try {
        holds = signedOffRecordHolds(ctx, c.id)
      } catch (e) {
        return { ok: false, problem: `Consultation ${c.id}: its record cannot be rebuilt (${e instanceof Error ? e.message : String(e)}).` }
      }
      if (!holds.holds && asOfSignOffHash(ctx, c.id, audited.auditId) !== c.record_sha256)
        return {
          ok: false,
          problem: `Consultation ${c.id} was changed after sign-off: its record now hashes to ${short(holds.computed)}, not ${short(c.record_sha256)} as signed (an acknowledgment, answer, signature or other step was altered).`,
        }
    }
    return { ok: true, confirmed: `${plural(n, 'signed-off consultation')} unchanged` }
  },
}

/** The record's hash with the patient and clinic as the audit trail had them at the sign-off row. */
function asOfSignOffHash(ctx: CoreContext, consultationId: number, signOffAuditId: number): string | null {
  const record = buildConsentRecord(ctx, consultationId, undefined, { asSignedOff: true })
  const patient = replayAuditTrail(ctx.db, 'patient', columnsOf(ctx.db, 'patients'), signOffAuditId).get(String(record.patient.id))
  if (!patient) return null
  const field = (col: string) => patient.fields.get(col)?.value
  const then: ConsentRecord = {
    ...record,
    patient: {
      ...record.patient,
      givenName: String(field('given_name') ?? record.patient.givenName),
      familyName: String(field('family_name') ?? record.patient.familyName),
      dateOfBirth: String(field('date_of_birth') ?? record.patient.dateOfBirth),
      recordNumber: String(field('record_number') ?? record.patient.recordNumber),
    },
    clinic: clinicAsOf(ctx.db, signOffAuditId) ?? record.clinic,
  }
  return canonicalRecordHash(then)
}

function clinicAsOf(db: Db, auditId: number): ConsentRecord['clinic'] | null {
  const rows = db
    .prepare("SELECT action, detail FROM audit_log WHERE entity_type = 'settings' AND action IN ('clinic.setup', 'settings.update') AND id <= ? ORDER BY id")
    .all(auditId) as { action: string; detail: string }[]
  let clinic: ConsentRecord['clinic'] | null = null
  for (const r of rows) {
    try {
      const d = JSON.parse(r.detail) as { clinic?: ConsentRecord['clinic']; after?: { clinic?: ConsentRecord['clinic'] } }
      clinic = (r.action === 'clinic.setup' ? d.clinic : d.after?.clinic) ?? clinic
    } catch {
      // an unreadable row changes nothing here; the chain check vouches for it
    }
  }
  return clinic
}

function short(h: unknown): string {
  return typeof h === 'string' && h.length > 0 ? `${h.slice(0, 12)}…` : 'none'
}
