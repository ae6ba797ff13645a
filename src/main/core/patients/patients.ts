// Registering, editing and finding patients. The record number is unique
// (case-insensitive); every change writes an audit row with what changed.
import { AppError, fieldError } from '../../../shared/errors'
import type { Patient, PatientSummary } from '../../../shared/domain'
import type { PatientFields } from '../../../shared/contract/patients'
import { recordAudit, type AuditEntry } from '../audit/chain'
import { assertPrintable } from '../consent-pdf/printable'
import { foldForSearch } from '../../../shared/text-fold'
import { inTransaction, type Actor, type CoreContext } from '../context'
import { statement } from '../db/statements'

interface PatientRow {
  id: number
  given_name: string
  family_name: string
  date_of_birth: string
  record_number: string
  phone: string
  email: string
  created_at: string
  updated_at: string
}

function toPatient(r: PatientRow): Patient {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    recordNumber: r.record_number,
    phone: r.phone,
    email: r.email,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function toSummary(r: PatientRow): PatientSummary {
  return { id: r.id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: r.date_of_birth, recordNumber: r.record_number }
}

export function getPatient(ctx: CoreContext, id: number): Patient {
  const r = statement(ctx.db, 'SELECT * FROM patients WHERE id = ?').get(id) as PatientRow | undefined
  if (!r) throw new AppError('not_found', 'No patient with that id.')
  return toPatient(r)
}

function assertRecordNumberFree(ctx: CoreContext, recordNumber: string, exceptId: number | null): void {
  const other = statement(ctx.db, 'SELECT id FROM patients WHERE record_number = ?').get(recordNumber) as { id: number } | undefined
  if (other && other.id !== exceptId) throw fieldError('recordNumber', 'duplicate_record_number', `Another patient already has the record number "${recordNumber}".`)
}

/** Keeps the search index in step with the patient row (same transaction). */
function indexForSearch(ctx: CoreContext, id: number, f: PatientFields): void {
  statement(ctx.db, 'DELETE FROM patient_search WHERE rowid = ?').run(id)
  statement(ctx.db, 'INSERT INTO patient_search (rowid, names, record_number) VALUES (?, ?, ?)').run(
    id,
    foldForSearch(`${f.givenName} ${f.familyName}`),
    foldForSearch(f.recordNumber),
  )
}

/**
 * Writes a new patient's row and search entry at `at`; returns its id and the
 * audit entry that records it. Call inside the transaction that also writes
 * that entry. What `createPatient` writes, and the bulk writer too.
 */
export function insertPatientRows(ctx: CoreContext, f: PatientFields, at: string): { id: number; audit: AuditEntry } {
  const id = Number(
    statement(
      ctx.db,
      `INSERT INTO patients (given_name, family_name, date_of_birth, record_number, phone, email, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(f.givenName, f.familyName, f.dateOfBirth, f.recordNumber, f.phone, f.email, at, at).lastInsertRowid,
  )
  indexForSearch(ctx, id, f)
  return { id, audit: { action: 'patient.create', entityType: 'patient', entityId: id, detail: { ...f } } }
}

/**
 * Writes a patient's new fields, at the time `at()` gives, when any changed; returns the audit
 * entry that records what changed, or null when nothing did (nothing is
 * written then). What `updatePatient` writes, and the bulk writer too.
 */
export function updatePatientRows(ctx: CoreContext, id: number, before: PatientFields, f: PatientFields, at: () => string): AuditEntry | null {
  const changed: Record<string, { from: string; to: string }> = {}
  for (const k of Object.keys(f) as (keyof PatientFields)[]) if (before[k] !== f[k]) changed[k] = { from: before[k], to: f[k] }
  if (Object.keys(changed).length === 0) return null
  statement(
    ctx.db,
    `UPDATE patients SET given_name = ?, family_name = ?, date_of_birth = ?, record_number = ?, phone = ?, email = ?, updated_at = ?
     WHERE id = ?`,
  ).run(f.givenName, f.familyName, f.dateOfBirth, f.recordNumber, f.phone, f.email, at(), id)
  indexForSearch(ctx, id, f)
  return { action: 'patient.update', entityType: 'patient', entityId: id, detail: { changed } }
}

export function createPatient(ctx: CoreContext, actor: Actor, f: PatientFields): Patient {
  assertPrintable(ctx.resourcesDir, { givenName: f.givenName, familyName: f.familyName, recordNumber: f.recordNumber })
  return inTransaction(ctx, () => {
    assertRecordNumberFree(ctx, f.recordNumber, null)
    const { id, audit } = insertPatientRows(ctx, f, ctx.now().toISOString())
    recordAudit(ctx, actor, audit)
    return getPatient(ctx, id)
  })
}

export function updatePatient(ctx: CoreContext, actor: Actor, id: number, f: PatientFields): Patient {
  assertPrintable(ctx.resourcesDir, { givenName: f.givenName, familyName: f.familyName, recordNumber: f.recordNumber })
  return inTransaction(ctx, () => {
    const before = getPatient(ctx, id)
    assertRecordNumberFree(ctx, f.recordNumber, id)
    const audit = updatePatientRows(ctx, id, before, f, () => ctx.now().toISOString())
    if (!audit) return before
    recordAudit(ctx, actor, audit)
    return getPatient(ctx, id)
  })
}

/**
 * Search as you type: every word of the query must prefix-match a word of the
 * given name, family name or record number, ignoring case and accents
 * ("muller" finds "Müller"). Words are re-quoted, so FTS5 syntax typed by a
 * user is taken literally.
 */
export function searchPatients(ctx: CoreContext, query: string, limit: number): PatientSummary[] {
  const words = foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
  if (words.length === 0) {
    // Newest first, read in order from the patients_by_update index (migration 004): no scan, no sort.
    const rows = statement(ctx.db, 'SELECT * FROM patients ORDER BY updated_at DESC, id DESC LIMIT ?').all(limit) as PatientRow[]
    return rows.map(toSummary)
  }
  const match = words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ')
  const rows = statement(
    ctx.db,
    `SELECT p.* FROM patient_search JOIN patients p ON p.id = patient_search.rowid
     WHERE patient_search MATCH ? ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id LIMIT ?`,
  ).all(match, limit) as PatientRow[]
  return rows.map(toSummary)
}
