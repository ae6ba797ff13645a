// The staff desk's view of signed consents: finding them by patient and date,
// a consultation's status and history, and the stored PDF bytes. Reading only;
// the one kind of write here is the audit row that says a PDF was saved or
// printed, by whom and when.
import type { ConsentDetail, ConsentDocumentInfo, ConsentDocumentKind, ConsentHistoryEntry, ConsentListItem, ConsentPdf } from '../../../shared/contract/consents'
import type { ConsultationStatus } from '../../../shared/consultation'
import { AppError } from '../../../shared/errors'
import { foldForSearch } from '../../../shared/text-fold'
import { recordAudit } from '../audit/chain'
import { sha256Hex } from './produce'
import { inTransaction, type Actor, type CoreContext } from '../context'
import type { PrintService } from '../printing/print-service'

interface DocumentRow {
  id: number
  consultation_id: number
  kind: ConsentDocumentKind
  file_name: string
  sha256: string
  byte_length: number
  page_count: number
  record_sha256: string
  signed_by_name: string | null
  created_at: string
}

interface ListRow extends DocumentRow {
  status: ConsultationStatus
  ended_at: string | null
  started_at: string
  clinician_name: string
  patient_id: number
  given_name: string
  family_name: string
  date_of_birth: string
  record_number: string
}

const DOCUMENT_COLUMNS = `d.id, d.consultation_id, d.kind, d.file_name, d.sha256, d.byte_length, d.page_count, d.record_sha256, d.created_at,
  (SELECT display_name FROM users WHERE id = d.signed_by) AS signed_by_name`

function toDocument(r: DocumentRow): ConsentDocumentInfo {
  return {
    documentId: r.id,
    kind: r.kind,
    fileName: r.file_name,
    createdAt: r.created_at,
    pageCount: r.page_count,
    byteLength: r.byte_length,
    sha256: r.sha256,
    recordSha256: r.record_sha256,
    signedBy: r.signed_by_name,
  }
}

function withdrawnAt(ctx: CoreContext, consultationId: number): string | null {
  const r = ctx.db.prepare("SELECT min(at) AS at FROM consultation_events WHERE consultation_id = ? AND kind = 'withdrawn'").get(consultationId) as { at: string | null }
  return r.at
}

function toListItem(ctx: CoreContext, r: ListRow): ConsentListItem {
  return {
    consultationId: r.consultation_id,
    patient: { id: r.patient_id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth, recordNumber: r.record_number },
    clinicianName: r.clinician_name,
    status: r.status,
    signedOffAt: r.ended_at ?? r.created_at,
    withdrawnAt: withdrawnAt(ctx, r.consultation_id),
    document: toDocument(r),
  }
}

const LIST_SELECT = `SELECT ${DOCUMENT_COLUMNS}, c.status, c.ended_at, c.started_at, u.display_name AS clinician_name,
    p.id AS patient_id, p.given_name, p.family_name, p.date_of_birth, p.record_number
  FROM consent_documents d
  JOIN consultations c ON c.id = d.consultation_id
  JOIN patients p ON p.id = c.patient_id
  JOIN users u ON u.id = c.clinician_id`

export interface ConsentSearch {
  query: string
  /** Local calendar dates (YYYY-MM-DD), inclusive; '' = open. */
  from: string
  to: string
  limit: number
}

/**
 * Signed consents, newest first. Every word of the query must prefix-match the
 * patient's given name, family name or record number, ignoring case and
 * accents (the patients' search index, so "nunez" finds "Ñúñez").
 */
export function searchConsents(ctx: CoreContext, s: ConsentSearch): ConsentListItem[] {
  const where = ["d.kind IN ('consent', 'paper_consent')"]
  const params: (string | number)[] = []
  const words = foldForSearch(s.query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
  if (words.length > 0) {
    where.push('p.id IN (SELECT rowid FROM patient_search WHERE patient_search MATCH ?)')
    params.push(words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND '))
  }
  // The sign-off date as the clinic's calendar shows it (the machine's local time).
  if (s.from) {
    where.push("date(d.created_at, 'localtime') >= ?")
    params.push(s.from)
  }
  if (s.to) {
    where.push("date(d.created_at, 'localtime') <= ?")
    params.push(s.to)
  }
  const rows = ctx.db.prepare(`${LIST_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`).all(...params, s.limit) as ListRow[]
  return rows.map((r) => toListItem(ctx, r))
}

const HISTORY_WORDS: Record<string, string> = {
  'consultation.start': 'Consultation started',
  'consultation.patient_mode_entered': 'Screen handed to the patient',
  'consultation.patient_mode_exited': 'Screen taken back by the clinician',
  'consultation.question_flagged': 'The patient asked a question',
  'consultation.flag_answered': "The clinician answered the patient's question",
  'consultation.review_confirmed': 'The patient confirmed the summary',
  'consultation.esignature_choice': 'The patient chose how to sign',
  'consultation.patient_signed': 'The patient signed',
  'consultation.witness_signed': 'The witness signed',
  'consultation.sign_off': 'Signed off by the clinician (record frozen)',
  'consultation.ended_not_treated': 'Ended without treatment',
  'consultation.withdrawn': 'Consent withdrawn',
  'consultation.addendum': 'Addendum added',
  'consent_document.store': 'Consent PDF produced and stored',
  'consent_document.save': 'PDF saved',
  'consent_document.print': 'PDF printed',
}

/** The milestones of a consultation and everything done with its documents, oldest first. */
function history(ctx: CoreContext, consultationId: number, documentIds: number[]): ConsentHistoryEntry[] {
  const rows = ctx.db
    .prepare(
      `SELECT at, actor_name, action, detail FROM audit_log
       WHERE (entity_type = 'consultation' AND entity_id = ?)
          OR (entity_type = 'consent_document' AND entity_id IN (SELECT value FROM json_each(?)))
       ORDER BY id`,
    )
    .all(String(consultationId), JSON.stringify(documentIds.map(String))) as { at: string; actor_name: string; action: string; detail: string }[]
  return rows
    .filter((r) => r.action in HISTORY_WORDS)
    .map((r) => {
      let what = HISTORY_WORDS[r.action]!
      const detail = JSON.parse(r.detail) as Record<string, unknown>
      if (r.action === 'consent_document.print' && typeof detail.printer === 'string') what = `PDF printed on ${detail.printer}`
      if (r.action === 'consent_document.save') what = detail.how === 'download' ? 'PDF saved (downloaded)' : 'PDF saved'
      let action = r.action
      if (r.action === 'consent_document.store' && (detail.kind === 'withdrawal' || detail.kind === 'addendum')) {
        action = `consent_document.store_${detail.kind}`
        what = detail.kind === 'withdrawal' ? 'Document of the withdrawal made' : 'Document of the addendum made'
      }
      return {
        at: r.at,
        action,
        printer: typeof detail.printer === 'string' ? detail.printer : null,
        how: typeof detail.how === 'string' ? detail.how : null,
        what,
        by: r.actor_name,
      }
    })
}

export function getConsentDetail(ctx: CoreContext, consultationId: number): ConsentDetail {
  const rows = ctx.db.prepare(`${LIST_SELECT} WHERE d.consultation_id = ? ORDER BY d.id`).all(consultationId) as ListRow[]
  const consent = rows.find((r) => r.kind === 'consent' || r.kind === 'paper_consent')
  if (!consent) throw new AppError('not_found', 'There is no signed consent for that consultation.')
  const script = ctx.db.prepare('SELECT s.title, s.version, s.language FROM consultations c JOIN scripts s ON s.id = c.script_stored_id WHERE c.id = ?').get(consultationId) as {
    title: string
    version: number
    language: string
  }
  const { document: _d, ...item } = toListItem(ctx, consent)
  const documents = [consent, ...rows.filter((r) => r !== consent)].map(toDocument)
  return {
    ...item,
    scriptTitle: script.title,
    scriptVersion: script.version,
    scriptLanguage: script.language,
    startedAt: consent.started_at,
    documents,
    history: history(
      ctx,
      consultationId,
      documents.map((d) => d.documentId),
    ),
  }
}

/** The stored bytes, checked against their stored SHA-256 before they leave the core. */
export function readConsentPdf(ctx: CoreContext, documentId: number): ConsentPdf & { pdf: Buffer } {
  const r = ctx.db.prepare('SELECT id, file_name, pdf, sha256, byte_length, page_count FROM consent_documents WHERE id = ?').get(documentId) as
    { id: number; file_name: string; pdf: Buffer; sha256: string; byte_length: number; page_count: number } | undefined
  if (!r) throw new AppError('not_found', 'There is no stored consent document with that id.')
  if (sha256Hex(r.pdf) !== r.sha256)
    throw new AppError('internal', 'The stored consent document does not match its recorded fingerprint. It has not been sent. Run "verify" and call your IT contact.')
  return { documentId: r.id, fileName: r.file_name, pdf: r.pdf, base64: r.pdf.toString('base64'), sha256: r.sha256, byteLength: r.byte_length, pageCount: r.page_count }
}

export function recordConsentSaved(
  ctx: CoreContext,
  actor: Actor,
  documentId: number,
  how: 'download' | 'save_dialog' | 'command_line',
  extra: Record<string, unknown> = {},
): void {
  const doc = readConsentPdf(ctx, documentId)
  inTransaction(ctx, () =>
    recordAudit(ctx, actor, {
      action: 'consent_document.save',
      entityType: 'consent_document',
      entityId: documentId,
      detail: { how, sha256: doc.sha256, fileName: doc.fileName, ...extra },
    }),
  )
}

export async function printConsent(
  ctx: CoreContext,
  actor: Actor,
  printing: PrintService,
  input: { documentId: number; printer: string; copies: number },
): Promise<{ printer: string; jobId: string }> {
  const doc = readConsentPdf(ctx, input.documentId)
  const job = await printing.print(doc.pdf, { printer: input.printer, title: doc.fileName, copies: input.copies })
  inTransaction(ctx, () =>
    recordAudit(ctx, actor, {
      action: 'consent_document.print',
      entityType: 'consent_document',
      entityId: input.documentId,
      detail: { printer: job.printer, jobId: job.jobId, copies: input.copies, sha256: doc.sha256, pageCount: doc.pageCount },
    }),
  )
  return job
}

/** The most recently signed consent's document id, for `export-pdf --consultation latest`. */
export function latestConsentDocumentId(ctx: CoreContext): number | null {
  const r = ctx.db.prepare("SELECT id FROM consent_documents WHERE kind IN ('consent', 'paper_consent') ORDER BY created_at DESC, id DESC LIMIT 1").get() as
    { id: number } | undefined
  return r?.id ?? null
}

export function consentDocumentIdForConsultation(ctx: CoreContext, consultationId: number): number {
  const r = ctx.db.prepare("SELECT id FROM consent_documents WHERE consultation_id = ? AND kind IN ('consent', 'paper_consent')").get(consultationId) as { id: number } | undefined
  if (!r) throw new AppError('not_found', `Consultation ${consultationId} has no signed consent document.`)
  return r.id
}
