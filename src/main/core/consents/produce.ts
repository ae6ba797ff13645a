// Producing the consent document at sign-off, in two halves around the
// consultation core's sign-off transaction:
//
//   produceConsentDocument  (async, no writes) lays out the composed record,
//                           unlocks the clinician's key with the password they
//                           just typed and signs the PDF (PAdES);
//   storeConsentDocument    (sync, inside the sign-off transaction) stores the
//                           bytes and their SHA-256 with an audit row.
//
// So the consultation is frozen together with its signed PDF, or neither is.
import { createHash } from 'node:crypto'
import type { ConsentRecord } from '../../../shared/consultation'
import { AppError } from '../../../shared/errors'
import { chainHead, recordAudit } from '../audit/chain'
import type { Actor, CoreContext } from '../context'
import { statement } from '../db/statements'
import { unlockSigningCredential } from '../signing/store'
import { layoutConsent, patientFullName, type ConsentSeal } from '../consent-pdf/consent-layout'
import { phrasesFor } from '../consent-pdf/phrases'
import { signConsentPdf } from '../consent-pdf/sign'

export type ConsentDocumentKind = 'consent' | 'paper_consent' | 'withdrawal' | 'addendum'

export interface ProducedConsentDocument {
  kind: ConsentDocumentKind
  fileName: string
  pdf: Buffer
  sha256: string
  pageCount: number
  seal: ConsentSeal
  signedBy: number | null
  signingCredentialId: number | null
}

export interface ProduceConsentInput {
  record: ConsentRecord
  /** `canonicalRecordHash(record)`, as the core stores it on the frozen row. */
  recordSha256: string
  /** The clinician signing off, and the password they entered to do so. */
  signer: { userId: number; password: string }
}

export function sha256Hex(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex')
}

/** A file name that is safe on every system and still says whose consent it is. */
export function consentFileName(r: ConsentRecord, kind: ConsentDocumentKind, at: string): string {
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  const who = ascii(r.patient.recordNumber) || `patient-${r.patient.id}`
  const what = kind === 'paper_consent' ? 'consent-paper' : kind
  return `${what}-${who}-consultation-${r.consultationId}-${at.slice(0, 10)}.pdf`
}

export async function produceConsentDocument(ctx: CoreContext, input: ProduceConsentInput): Promise<ProducedConsentDocument> {
  const { record } = input
  if (record.status !== 'signed_off') throw new AppError('invalid_state', 'Only a signed-off consultation has a consent document.')
  const signedOffAt = record.timings.signedOffAt ?? ctx.now().toISOString()
  // The password was checked by sign-off; it also has to open the signing key.
  const credential = await unlockSigningCredential(ctx, input.signer.userId, input.signer.password)
  const head = chainHead(ctx.db)
  const seal: ConsentSeal = { recordSha256: input.recordSha256, auditPosition: head.position, auditHead: head.hash }
  const { pdf, pageCount } = await layoutConsent(record, seal, { resourcesDir: ctx.resourcesDir })
  const signed = await signConsentPdf(pdf, credential, {
    signerName: record.clinician.displayName,
    reason: phrasesFor(record.script.language).consent.signatureReason(patientFullName(record), record.patient.recordNumber),
    location: [record.clinic.name, record.clinic.address.replace(/\n/g, ', ')].filter(Boolean).join(', '),
    contactInfo: record.clinic.name,
    signingTime: new Date(signedOffAt),
  })
  const kind: ConsentDocumentKind = record.paper ? 'paper_consent' : 'consent'
  return {
    kind,
    fileName: consentFileName(record, kind, signedOffAt),
    pdf: signed,
    sha256: sha256Hex(signed),
    pageCount,
    seal,
    signedBy: input.signer.userId,
    signingCredentialId: credential.credentialId,
  }
}

/** A stored document's row, as `consent_documents` holds it. */
export interface ConsentDocumentRow {
  consultationId: number
  kind: ConsentDocumentKind
  fileName: string
  pdf: Buffer
  sha256: string
  pageCount: number
  recordSha256: string
  auditPosition: number
  auditHead: string
  signedBy: number | null
  signingCredentialId: number | null
  createdAt: string
  createdBy: number | null
  /** The event a follow-up document (withdrawal, addendum) belongs to. */
  eventId?: number | null
}

/** Inserts one stored document; call inside the transaction that writes its audit row. */
export function insertConsentDocument(ctx: CoreContext, d: ConsentDocumentRow): number {
  return Number(
    statement(
      ctx.db,
      `INSERT INTO consent_documents (consultation_id, kind, file_name, pdf, sha256, byte_length, page_count, record_sha256,
         audit_position, audit_head, signed_by, signing_credential_id, created_at, created_by, event_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      d.consultationId,
      d.kind,
      d.fileName,
      d.pdf,
      d.sha256,
      d.pdf.length,
      d.pageCount,
      d.recordSha256,
      d.auditPosition,
      d.auditHead,
      d.signedBy,
      d.signingCredentialId,
      d.createdAt,
      d.createdBy,
      d.eventId ?? null,
    ).lastInsertRowid,
  )
}

/**
 * Stores a produced document. Call inside the sign-off transaction; returns
 * what the sign-off audit row should mention.
 */
export function storeConsentDocument(
  ctx: CoreContext,
  actor: Actor,
  consultationId: number,
  d: ProducedConsentDocument,
): { consentDocumentId: number; consentDocumentSha256: string } {
  const id = insertConsentDocument(ctx, {
    consultationId,
    kind: d.kind,
    fileName: d.fileName,
    pdf: d.pdf,
    sha256: d.sha256,
    pageCount: d.pageCount,
    recordSha256: d.seal.recordSha256,
    auditPosition: d.seal.auditPosition,
    auditHead: d.seal.auditHead,
    signedBy: d.signedBy,
    signingCredentialId: d.signingCredentialId,
    createdAt: ctx.now().toISOString(),
    createdBy: actor.id,
  })
  recordAudit(ctx, actor, {
    action: 'consent_document.store',
    entityType: 'consent_document',
    entityId: id,
    detail: { consultationId, kind: d.kind, sha256: d.sha256, pageCount: d.pageCount, recordSha256: d.seal.recordSha256, fileName: d.fileName },
  })
  return { consentDocumentId: id, consentDocumentSha256: d.sha256 }
}
