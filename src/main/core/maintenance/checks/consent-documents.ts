// Every stored consent PDF is the one produced at sign-off: its bytes hash to
// the stored SHA-256 (which its audit row recorded too), its digital signature
// verifies with the signing clinician's certificate, it seals the record hash
// of its consultation, and the audit chain head it printed at sign-off is
// still in the trail: a rewritten or cut-off tail of the audit log is caught
// against every PDF (and every printed copy) made after the cut.
import { createHash } from 'node:crypto'
import { verifyPdfSignature } from '../pdf-signature'
import { auditDetails } from './audit-detail'
import { hasTable, plural, YIELD_EVERY, type IntegrityCheck } from './types'

interface DocumentRow {
  id: number
  consultation_id: number
  kind: string
  file_name: string
  pdf: Buffer
  sha256: string
  record_sha256: string
  audit_position: number
  audit_head: string
  signing_credential_id: number | null
  signed_by: number | null
}

export const consentDocumentsCheck: IntegrityCheck = {
  id: 'consent-documents',
  title: 'Stored consent PDFs are unaltered, signed and anchored in the audit trail',
  *run({ db }) {
    if (!hasTable(db, 'consent_documents')) return { ok: true, confirmed: 'no consent documents table yet' }
    const stored = auditDetails(db, 'consent_document', 'consent_document.store')
    const last = (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number | null }).n ?? 0
    const auditHash = db.prepare('SELECT hash FROM audit_log WHERE id = ?')
    const credential = db.prepare('SELECT user_id, certificate_der FROM signing_credentials WHERE id = ?')
    const consultation = db.prepare('SELECT record_sha256 FROM consultations WHERE id = ?')
    let n = 0
    let signed = 0
    // One document at a time (a PDF is large), by id, so no statement stays open across a pause.
    const ids = (db.prepare('SELECT id FROM consent_documents ORDER BY id').all() as { id: number }[]).map((r) => r.id)
    const one = db.prepare('SELECT * FROM consent_documents WHERE id = ?')
    for (const id of ids) {
      if (++n % YIELD_EVERY === 0) yield
      const d = one.get(id) as DocumentRow
      const name = `Consent document ${d.id} (${d.file_name})`
      if (createHash('sha256').update(d.pdf).digest('hex') !== d.sha256)
        return { ok: false, problem: `${name} has been altered: its bytes no longer hash to the SHA-256 stored when it was made.` }
      // The anchor first: a cut tail also removes the row that stored this document.
      if (d.audit_position > last)
        return {
          ok: false,
          problem: `${name} printed audit chain entry ${d.audit_position} (head ${d.audit_head.slice(0, 12)}…) at sign-off, but the audit trail now ends at entry ${last}: its tail has been cut off.`,
        }
      const at = auditHash.get(d.audit_position) as { hash: string } | undefined
      if (d.audit_position > 0 && at?.hash !== d.audit_head)
        return {
          ok: false,
          problem: `${name} printed audit chain head ${d.audit_head.slice(0, 12)}… at entry ${d.audit_position}, but that entry of the trail now reads differently: the trail was rewritten.`,
        }
      const audited = stored.get(String(d.id))
      if (!audited) return { ok: false, problem: `${name} was not stored by the app: no audit row records it.` }
      if (audited.detail.sha256 !== d.sha256 || (audited.detail.recordSha256 ?? audited.detail.entrySha256) !== d.record_sha256)
        return { ok: false, problem: `${name}: its stored hashes are not the ones audit row ${audited.auditId} recorded when it was stored.` }
      if (d.kind === 'consent' || d.kind === 'paper_consent') {
        const c = consultation.get(d.consultation_id) as { record_sha256: string | null } | undefined
        if (!c || c.record_sha256 !== d.record_sha256)
          return { ok: false, problem: `${name} seals record ${d.record_sha256.slice(0, 12)}…, which is not the record of consultation ${d.consultation_id} as signed off.` }
      }
      if (d.signing_credential_id !== null) {
        const cred = credential.get(d.signing_credential_id) as { user_id: number; certificate_der: Buffer } | undefined
        if (!cred) return { ok: false, problem: `${name} names a signing certificate that is not on record.` }
        if (d.signed_by !== null && cred.user_id !== d.signed_by) return { ok: false, problem: `${name} names a signer whose certificate it was not signed with.` }
        const sig = verifyPdfSignature(d.pdf, cred.certificate_der)
        if (!sig.ok) return { ok: false, problem: `${name}: ${sig.problem}.` }
        signed++
      } else if (d.kind === 'consent') {
        return { ok: false, problem: `${name} is a consent signed on screen but carries no digital signature.` }
      }
    }
    return { ok: true, confirmed: `${plural(n, 'consent PDF')} intact (${signed} digital signature${signed === 1 ? '' : 's'} verified)` }
  },
}
