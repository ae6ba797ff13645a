// Records written in bulk by the machine's owner: the seed generator's
// hundreds of thousands of patients, consultations and audit rows, in large
// transactions, at times the caller gives. Every row goes through the same
// store functions the app writes it with (patients, consultation rows,
// events, signatures, stored documents, the audit chain); only the audit
// chain's head is kept in memory rather than read back for each row
// (`AuditAppender`), so nothing else may write while a writer is open.
//
// Reached through `Core.commandLine.bulkRecords()`; never used by a host.
import type { EventBy, SignatureRole, Stroke } from '../../shared/consultation'
import type { PatientFields } from '../../shared/contract/patients'
import { AuditAppender, type AuditEntry, type AuditRow } from './audit/chain'
import { consentFileName, insertConsentDocument, type ConsentDocumentKind, type ConsentDocumentRow } from './consents/produce'
import {
  appendEvent,
  appendSignature,
  getConsultationRow,
  insertConsultation,
  markNotTreated,
  markSignedOff,
  type EventScriptRef,
  type NewConsultation,
  type NewEvent,
  type NewSignature,
} from './consultation/events'
import { composeSignOff } from './consultation/sign-off'
import type { Actor, CoreContext } from './context'
import { insertPatientRows, updatePatientRows } from './patients/patients'
import type { ConsultationStatus } from '../../shared/consultation'

export type { ConsentDocumentKind, ConsentDocumentRow, EventScriptRef, NewConsultation }

/** One consultation as the app wrote it, step by step (one step per audit row), to be written again. */
export interface ConsultationTranscript {
  id: number
  patientId: number
  clinicianId: number
  scriptStoredId: number
  scriptSha256: string
  startedAt: string
  status: ConsultationStatus
  endedAt: string | null
  endedReason: string | null
  recordSha256: string | null
  steps: TranscriptStep[]
}

export interface TranscriptStep {
  at: string
  actor: { id: number | null; name: string }
  action: string
  entityType: string
  entityId: string | null
  detail: Record<string, unknown>
  /** The rows written in the same transaction as this audit row. */
  events: TranscriptEvent[]
  signatures: TranscriptSignature[]
  documents: TranscriptDocument[]
}

export interface TranscriptEvent {
  id: number
  kind: string
  at: string
  by: EventBy
  sessionUserId: number
  script: EventScriptRef
  section: { id: string; hash: string } | null
  /** The event's data without its kind. */
  data: Record<string, unknown>
}

export interface TranscriptSignature {
  id: number
  role: SignatureRole
  name: string
  meaning: string
  at: string
  capturedBy: number
  strokes: Stroke[]
  png: Buffer
}

export interface TranscriptDocument extends ConsentDocumentRow {
  id: number
}

/** An audit row as the transcript reads it back (without its chain links). */
type AuditRowRead = Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>

export class BulkRecordWriter {
  private readonly chain: AuditAppender
  private pending = 0
  private open = false

  constructor(
    private readonly ctx: CoreContext,
    /** Writes per transaction: large enough to amortise the commit, small enough to keep the WAL modest. */
    private readonly batchSize = 4000,
  ) {
    this.chain = new AuditAppender(ctx.db, ctx.auditKey)
  }

  // ---- Transactions ----

  /** Opens the first batch (BEGIN IMMEDIATE). */
  begin(): void {
    this.chain.resync()
    this.ctx.db.exec('BEGIN IMMEDIATE')
    this.open = true
  }

  /** Counts one item written; commits (durably) and opens the next batch every `batchSize` items. */
  tick(): void {
    if (++this.pending < this.batchSize) return
    this.commit()
    this.begin()
  }

  commit(): void {
    if (this.open) this.ctx.db.exec('COMMIT')
    this.open = false
    this.pending = 0
  }

  rollback(): void {
    if (this.open && this.ctx.db.inTransaction) this.ctx.db.exec('ROLLBACK')
    this.open = false
  }

  /** After the last commit: folds the write-ahead log into the database file. */
  checkpoint(): void {
    this.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  // ---- Rows, each with the app's own store function ----

  /** A new patient (row, search entry, `patient.create` audit row) registered at `at`; returns its id. */
  registerPatient(actor: Actor, f: PatientFields, at: string): number {
    const { id, audit } = insertPatientRows(this.ctx, f, at)
    this.chain.append(at, actor, audit)
    return id
  }

  /** A patient's fields changed at `at` (row, search entry, `patient.update` audit row); false when nothing changed. */
  updatePatient(actor: Actor, id: number, before: PatientFields, after: PatientFields, at: string): boolean {
    const audit = updatePatientRows(this.ctx, id, before, after, () => at)
    if (!audit) return false
    this.chain.append(at, actor, audit)
    return true
  }

  startConsultation(c: NewConsultation): number {
    return insertConsultation(this.ctx, c)
  }

  appendEvent(e: NewEvent & { at: string }): number {
    return appendEvent(this.ctx, e)
  }

  appendSignature(s: NewSignature & { at: string }): number {
    return appendSignature(this.ctx, s)
  }

  storeDocument(d: ConsentDocumentRow): number {
    return insertConsentDocument(this.ctx, d)
  }

  markNotTreated(consultationId: number, at: string, reason: string): void {
    markNotTreated(this.ctx, consultationId, at, reason)
  }

  markSignedOff(consultationId: number, at: string, recordSha256: string): void {
    markSignedOff(this.ctx, consultationId, at, recordSha256)
  }

  /** Appends one audit row at `at`; returns its id. */
  audit(at: string, actor: Actor, entry: AuditEntry): number {
    return this.chain.append(at, actor, entry)
  }

  /**
   * The hash of the consent record a sign-off at `at` would freeze, composed
   * by the app's own sign-off from the rows written so far and the
   * clinician's signature.
   */
  signOffRecordHash(at: string, s: { consultationId: number; clinicianId: number; clinicianName: string; strokes: Stroke[]; png: Buffer }): string {
    const ctx: CoreContext = { ...this.ctx, now: () => new Date(at) }
    return composeSignOff(ctx, { ...s, imagePng: `data:image/png;base64,${s.png.toString('base64')}` }).recordHash
  }

  /** The file name the app gives a stored document of this kind. */
  consentFileName(patient: { id: number; recordNumber: string }, consultationId: number, kind: ConsentDocumentKind, at: string): string {
    return consentFileName({ patient, consultationId } as Parameters<typeof consentFileName>[0], kind, at)
  }

  // ---- Reading back ----

  /** A consultation as written: its row, and per audit row the events, signatures and documents written with it. */
  transcript(consultationId: number): ConsultationTranscript {
    const db = this.ctx.db
    const c = getConsultationRow(this.ctx, consultationId)
    const audits = db
      .prepare(
        `SELECT at, actor_id, actor_name, action, entity_type, entity_id, detail FROM audit_log
         WHERE (entity_type = 'consultation' AND entity_id = @text)
            OR (entity_type = 'consent_document' AND json_extract(detail, '$.consultationId') = @id) ORDER BY id`,
      )
      .all({ text: String(consultationId), id: consultationId }) as AuditRowRead[]
    const event = db.prepare('SELECT * FROM consultation_events WHERE id = ?')
    const signature = db.prepare('SELECT * FROM consultation_signatures WHERE id = ?')
    const document = db.prepare('SELECT * FROM consent_documents WHERE id = ?')
    const readEvent = (id: number): TranscriptEvent => {
      const r = event.get(id) as {
        id: number
        kind: string
        at: string
        by_role: EventBy
        session_user_id: number
        script_id: string
        script_version: number
        script_language: string
        script_sha256: string
        section_id: string | null
        section_hash: string | null
        data: string
      }
      return {
        id: r.id,
        kind: r.kind,
        at: r.at,
        by: r.by_role,
        sessionUserId: r.session_user_id,
        script: { scriptId: r.script_id, version: r.script_version, language: r.script_language, sha256: r.script_sha256 },
        section: r.section_id === null ? null : { id: r.section_id, hash: r.section_hash as string },
        data: JSON.parse(r.data) as Record<string, unknown>,
      }
    }
    const readSignature = (id: number): TranscriptSignature => {
      const r = signature.get(id) as { id: number; role: SignatureRole; name: string; meaning: string; at: string; captured_by: number; strokes: string; image_png: Buffer }
      return { id: r.id, role: r.role, name: r.name, meaning: r.meaning, at: r.at, capturedBy: r.captured_by, strokes: JSON.parse(r.strokes) as Stroke[], png: r.image_png }
    }
    const readDocument = (id: number): TranscriptDocument => {
      const r = document.get(id) as {
        id: number
        consultation_id: number
        kind: ConsentDocumentKind
        file_name: string
        pdf: Buffer
        sha256: string
        page_count: number
        record_sha256: string
        audit_position: number
        audit_head: string
        signed_by: number | null
        signing_credential_id: number | null
        created_at: string
        created_by: number | null
        event_id: number | null
      }
      return {
        id: r.id,
        consultationId: r.consultation_id,
        kind: r.kind,
        fileName: r.file_name,
        pdf: r.pdf,
        sha256: r.sha256,
        pageCount: r.page_count,
        recordSha256: r.record_sha256,
        auditPosition: r.audit_position,
        auditHead: r.audit_head,
        signedBy: r.signed_by,
        signingCredentialId: r.signing_credential_id,
        createdAt: r.created_at,
        createdBy: r.created_by,
        eventId: r.event_id,
      }
    }
    const steps = audits.map((a): TranscriptStep => {
      const detail = JSON.parse(a.detail) as Record<string, unknown>
      const eventIds = Array.isArray(detail.eventIds) ? (detail.eventIds as number[]) : []
      return {
        at: a.at,
        actor: { id: a.actor_id, name: a.actor_name },
        action: a.action,
        entityType: a.entity_type,
        entityId: a.entity_id,
        detail,
        events: eventIds.map(readEvent),
        signatures: typeof detail.signatureId === 'number' ? [readSignature(detail.signatureId)] : [],
        documents: a.entity_type === 'consent_document' ? [readDocument(Number(a.entity_id))] : [],
      }
    })
    return {
      id: consultationId,
      patientId: c.patient_id,
      clinicianId: c.clinician_id,
      scriptStoredId: c.script_stored_id,
      scriptSha256: c.script_sha256,
      startedAt: c.started_at,
      status: c.status,
      endedAt: c.ended_at,
      endedReason: c.ended_reason,
      recordSha256: c.record_sha256,
      steps,
    }
  }

  /** What is stored so far: audit rows, stored documents and how many of them differ. */
  totals(): { auditRows: number; storedDocuments: number; distinctDocuments: number } {
    const db = this.ctx.db
    const docs = db.prepare('SELECT count(*) AS n, count(DISTINCT sha256) AS d FROM consent_documents').get() as { n: number; d: number }
    const audit = db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }
    return { auditRows: audit.n, storedDocuments: docs.n, distinctDocuments: docs.d }
  }
}
