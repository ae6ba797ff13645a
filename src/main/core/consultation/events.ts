// Reading and appending a consultation's rows. Appends happen inside the
// caller's transaction; nothing here updates or deletes an event or a
// signature (the database refuses it anyway).
import { AppError } from '../../../shared/errors'
import type {
  ConsultationEvent,
  ConsultationEventData,
  ConsultationStatus,
  EventBy,
  PersonRef,
  Signature,
  SignatureRole,
  SignatureSummary,
  Stroke,
} from '../../../shared/consultation'
import type { CoreContext } from '../context'
import type { Db } from '../db/open'
import { rawStatement, statement } from '../db/statements'

export interface ConsultationRow {
  id: number
  patient_id: number
  clinician_id: number
  script_stored_id: number
  script_sha256: string
  status: ConsultationStatus
  started_at: string
  ended_at: string | null
  ended_reason: string | null
  record_sha256: string | null
}

/**
 * An event row as read for the consultation: only the columns an event is made
 * of (the script columns repeat the consultation's pinned script), as an array
 * in this order. Each column read is a value made per row, and a consultation
 * has dozens of events, read on every step.
 */
type EventRow = [id: number, kind: string, at: string, byRole: EventBy, sessionUserId: number, sectionId: string | null, sectionHash: string | null, data: string]
const EVENTS_SQL = `SELECT id, kind, at, by_role, session_user_id, section_id, section_hash, data
  FROM consultation_events WHERE consultation_id = ? ORDER BY id`
const EVENTS_AFTER_SQL = `SELECT id, kind, at, by_role, session_user_id, section_id, section_hash, data
  FROM consultation_events WHERE consultation_id = ? AND id > ? ORDER BY id`

interface SignatureRow {
  id: number
  consultation_id: number
  role: SignatureRole
  name: string
  meaning: string
  at: string
  captured_by: number
  strokes: string
  stroke_count: number
  point_count: number
  image_png: Buffer
}

export function getConsultationRow(ctx: CoreContext, id: number): ConsultationRow {
  const r = statement(ctx.db, 'SELECT * FROM consultations WHERE id = ?').get(id) as ConsultationRow | undefined
  if (!r) throw new AppError('not_found', 'No consultation with that id.')
  return r
}

// Display names never change once written; cached per connection (a restore opens a new one, with its own users).
const userNames = new WeakMap<Db, Map<number, string>>()
export function personRef(ctx: CoreContext, userId: number): PersonRef {
  let cache = userNames.get(ctx.db)
  if (!cache) userNames.set(ctx.db, (cache = new Map()))
  let name = cache.get(userId)
  if (name === undefined) {
    const r = statement(ctx.db, 'SELECT display_name FROM users WHERE id = ?').get(userId) as { display_name: string } | undefined
    name = r?.display_name ?? `user ${userId}`
    cache.set(userId, name)
  }
  return { id: userId, displayName: name }
}

/**
 * The event: its data's own fields, then the row's. The fields are set on the
 * freshly parsed object rather than spread into a new one (the same keys in
 * the same order, without copying each of dozens of events of a dozen shapes).
 */
function toEvent(ctx: CoreContext, r: EventRow): ConsultationEvent {
  const parsed: unknown = JSON.parse(r[7])
  // The app always stores an object; anything else is copied as a spread would.
  const e = (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : { ...(parsed as object) }) as Record<string, unknown>
  e.kind = r[1]
  e.id = r[0]
  e.at = r[2]
  e.by = r[3]
  e.sessionUser = personRef(ctx, r[4])
  e.sectionId = r[5]
  e.sectionHash = r[6]
  return e as unknown as ConsultationEvent
}

export function readEvents(ctx: CoreContext, consultationId: number): ConsultationEvent[] {
  const rows = rawStatement(ctx.db, EVENTS_SQL).all(consultationId) as EventRow[]
  return rows.map((r) => toEvent(ctx, r))
}

/** The events appended after `afterId`, read back exactly as `readEvents` reads them. */
export function readEventsAfter(ctx: CoreContext, consultationId: number, afterId: number): ConsultationEvent[] {
  const rows = rawStatement(ctx.db, EVENTS_AFTER_SQL).all(consultationId, afterId) as EventRow[]
  return rows.map((r) => toEvent(ctx, r))
}

export interface NewConsultation {
  patientId: number
  clinicianId: number
  scriptStoredId: number
  scriptSha256: string
  startedAt: string
}

/** The consultation's own row, in progress; call inside the transaction that appends its `started` event. */
export function insertConsultation(ctx: CoreContext, c: NewConsultation): number {
  return Number(
    statement(ctx.db, 'INSERT INTO consultations (patient_id, clinician_id, script_stored_id, script_sha256, started_at) VALUES (?, ?, ?, ?, ?)').run(
      c.patientId,
      c.clinicianId,
      c.scriptStoredId,
      c.scriptSha256,
      c.startedAt,
    ).lastInsertRowid,
  )
}

/** Ends a consultation in progress without treatment (inside the step that appends `ended_not_treated`). */
export function markNotTreated(ctx: CoreContext, consultationId: number, at: string, reason: string): void {
  statement(ctx.db, "UPDATE consultations SET status = 'not_treated', ended_at = ?, ended_reason = ? WHERE id = ? AND status = 'in_progress'").run(at, reason, consultationId)
}

/** Freezes a consultation in progress as signed off with its record's hash (inside the sign-off transaction). */
export function markSignedOff(ctx: CoreContext, consultationId: number, at: string, recordSha256: string): void {
  statement(ctx.db, "UPDATE consultations SET status = 'signed_off', ended_at = ?, record_sha256 = ? WHERE id = ? AND status = 'in_progress'").run(at, recordSha256, consultationId)
}

export interface EventScriptRef {
  scriptId: string
  version: number
  language: string
  sha256: string
}

export interface NewEvent {
  consultationId: number
  by: EventBy
  sessionUserId: number
  script: EventScriptRef
  section?: { id: string; hash: string } | null
  data: ConsultationEventData
  /** Defaults to the core's clock now; sign-off passes the time its record was composed with. */
  at?: string
}

/** Appends one event; call inside the transaction that also writes its audit row. */
export function appendEvent(ctx: CoreContext, e: NewEvent): number {
  const { kind, ...rest } = e.data
  return Number(
    statement(
      ctx.db,
      `INSERT INTO consultation_events
         (consultation_id, kind, at, by_role, session_user_id, script_id, script_version, script_language, script_sha256, section_id, section_hash, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.consultationId,
      kind,
      e.at ?? ctx.now().toISOString(),
      e.by,
      e.sessionUserId,
      e.script.scriptId,
      e.script.version,
      e.script.language,
      e.script.sha256,
      e.section?.id ?? null,
      e.section?.hash ?? null,
      JSON.stringify(rest),
    ).lastInsertRowid,
  )
}

export interface NewSignature {
  consultationId: number
  role: SignatureRole
  name: string
  meaning: string
  capturedBy: number
  strokes: Stroke[]
  png: Buffer
  at?: string
}

export function appendSignature(ctx: CoreContext, s: NewSignature): number {
  const points = s.strokes.reduce((n, st) => n + st.length, 0)
  return Number(
    statement(
      ctx.db,
      `INSERT INTO consultation_signatures (consultation_id, role, name, meaning, at, captured_by, strokes, stroke_count, point_count, image_png)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.consultationId, s.role, s.name, s.meaning, s.at ?? ctx.now().toISOString(), s.capturedBy, JSON.stringify(s.strokes), s.strokes.length, points, s.png).lastInsertRowid,
  )
}

function toSummary(ctx: CoreContext, r: SignatureRow): SignatureSummary {
  return {
    id: r.id,
    role: r.role,
    name: r.name,
    meaning: r.meaning,
    at: r.at,
    capturedBy: personRef(ctx, r.captured_by),
    strokeCount: r.stroke_count,
    pointCount: r.point_count,
  }
}

export function readSignatureSummaries(ctx: CoreContext, consultationId: number): SignatureSummary[] {
  const rows = statement(
    ctx.db,
    `SELECT id, consultation_id, role, name, meaning, at, captured_by, stroke_count, point_count
     FROM consultation_signatures WHERE consultation_id = ? ORDER BY id`,
  ).all(consultationId) as SignatureRow[]
  return rows.map((r) => toSummary(ctx, r))
}

export function readSignatures(ctx: CoreContext, consultationId: number): Signature[] {
  const rows = statement(ctx.db, 'SELECT * FROM consultation_signatures WHERE consultation_id = ? ORDER BY id').all(consultationId) as SignatureRow[]
  return rows.map((r) => ({
    ...toSummary(ctx, r),
    strokes: JSON.parse(r.strokes) as Stroke[],
    imagePng: `data:image/png;base64,${r.image_png.toString('base64')}`,
  }))
}
