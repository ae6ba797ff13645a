// Loads a consultation (row, pinned script, events, signatures, patient) and
// turns it into the state the contract returns. Every step's checks start here;
// after a step's writes, `reloadAfterAppend` brings the loaded consultation up
// to date by reading back only what was written, so a step loads once.
import type { ConsultationState, ConsultationSummary, StoredScript } from '../../../shared/consultation'
import type { Patient, PatientSummary } from '../../../shared/domain'
import { sha256Hex } from '../script-library/canonical'
import type { CoreContext } from '../context'
import type { Db } from '../db/open'
import { getPatient } from '../patients/patients'
import { getStoredScript } from '../script-library/store'
import { derive, type Derived } from './derive'
import { getConsultationRow, personRef, readEvents, readEventsAfter, readSignatureSummaries, type ConsultationRow, type EventScriptRef } from './events'
import type { ConsultationEvent, SignatureSummary } from '../../../shared/consultation'

export interface Loaded {
  row: ConsultationRow
  script: StoredScript
  ref: EventScriptRef
  patient: Patient
  events: ConsultationEvent[]
  signatures: SignatureSummary[]
  d: Derived
}

const scriptCache = new WeakMap<Db, Map<number, StoredScript>>()

/**
 * Stored scripts never change (triggers refuse it), so each is parsed and
 * checked once per connection (a restore opens a new one, with its own scripts).
 */
function pinnedScript(ctx: CoreContext, storedId: number): StoredScript {
  let cache = scriptCache.get(ctx.db)
  if (!cache) scriptCache.set(ctx.db, (cache = new Map()))
  let s = cache.get(storedId)
  if (!s) cache.set(storedId, (s = getStoredScript(ctx, storedId)))
  return s
}

function scriptOf(ctx: CoreContext, row: ConsultationRow): StoredScript {
  const script = pinnedScript(ctx, row.script_stored_id)
  if (script.sha256 !== row.script_sha256) throw new Error(`consultation ${row.id} pins script hash ${row.script_sha256} but stored script ${script.storedId} is ${script.sha256}`)
  return script
}

export function loadConsultation(ctx: CoreContext, id: number, inPatientMode: boolean): Loaded {
  const row = getConsultationRow(ctx, id)
  const script = scriptOf(ctx, row)
  const events = readEvents(ctx, id)
  const signatures = readSignatureSummaries(ctx, id)
  const d = derive({ script: script.content, sectionHashes: script.sectionHashes, events, signatures, status: row.status, inPatientMode })
  return {
    row,
    script,
    ref: { scriptId: script.scriptId, version: script.version, language: script.language, sha256: script.sha256 },
    patient: getPatient(ctx, row.patient_id),
    events,
    signatures,
    d,
  }
}

/**
 * The consultation as it stands after a step appended to `before`, without
 * loading it all again: the row and the signatures are read afresh (a step
 * may end the consultation or add a signature; both reads are a few rows), the
 * events only from after the last one `before` holds (events are append-only
 * and their ids only grow), read by the same code as `loadConsultation`. Call
 * it inside the transaction that loaded `before` and made the writes, so
 * nothing else can have written in between: the result is what a fresh
 * `loadConsultation` would return. The patient and the pinned script are
 * taken from `before` (a step writes neither).
 */
export function reloadAfterAppend(ctx: CoreContext, before: Loaded, inPatientMode: boolean): Loaded {
  if (!ctx.db.inTransaction) throw new Error('reloadAfterAppend must run inside the transaction that loaded the consultation')
  const row = getConsultationRow(ctx, before.row.id)
  const script = scriptOf(ctx, row)
  const events = before.events.concat(readEventsAfter(ctx, row.id, before.d.lastEventId))
  const signatures = readSignatureSummaries(ctx, row.id)
  const d = derive({ script: script.content, sectionHashes: script.sectionHashes, events, signatures, status: row.status, inPatientMode })
  return { row, script, ref: before.ref, patient: before.patient, events, signatures, d }
}

function patientSummary(p: Patient): PatientSummary {
  return { id: p.id, givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, recordNumber: p.recordNumber }
}

export function toSummary(ctx: CoreContext, l: Pick<Loaded, 'row' | 'script' | 'patient' | 'd'>): ConsultationSummary {
  return {
    id: l.row.id,
    status: l.row.status,
    patient: patientSummary(l.patient),
    clinician: personRef(ctx, l.row.clinician_id),
    script: { scriptId: l.script.scriptId, version: l.script.version, language: l.script.language, sha256: l.script.sha256, title: l.script.title },
    startedAt: l.row.started_at,
    endedAt: l.row.ended_at,
    withdrawnAt: l.d.withdrawal?.at ?? null,
  }
}

export function toState(ctx: CoreContext, l: Loaded, inPatientMode: boolean): ConsultationState {
  const { d } = l
  const current = l.row.status === 'in_progress' ? (d.steps.find((s) => !s.done) ?? null) : null
  const summary = toSummary(ctx, l)
  // The summary's fields spelled out in its key order, not spread: a spread
  // followed by thirty more fields builds a slow dictionary-mode object, and
  // this runs on every step. The key order (what goes over the wire) is the same.
  return {
    id: summary.id,
    status: summary.status,
    patient: summary.patient,
    clinician: summary.clinician,
    script: {
      storedId: l.script.storedId,
      scriptId: l.script.scriptId,
      version: l.script.version,
      language: l.script.language,
      sha256: l.script.sha256,
      title: l.script.title,
      content: l.script.content,
      sectionHashes: l.script.sectionHashes,
    },
    startedAt: summary.startedAt,
    endedAt: summary.endedAt,
    withdrawnAt: summary.withdrawnAt,
    events: l.events,
    sections: d.sections,
    screening: d.screening,
    blocks: d.blocks,
    flags: d.flags,
    medicationGuide: d.medicationGuide,
    expectations: d.expectations,
    plan: d.plan,
    comprehension: d.comprehension,
    review: d.review ? { at: d.review.at, statement: d.review.statement } : null,
    esignature: d.esignature ? { choice: d.esignature.choice, at: d.esignature.at } : null,
    paper: d.paper,
    signatures: l.signatures,
    progress: { steps: d.steps, current, doneCount: d.steps.filter((s) => s.done).length, totalCount: d.steps.length },
    inPatientMode,
    readyForSignOff: d.readyForSignOff,
    firstSectionToSignatureMs: d.firstSectionToSignatureMs,
    endedReason: l.row.ended_reason,
    withdrawal: d.withdrawal ? { reason: d.withdrawal.reason, at: d.withdrawal.at } : null,
    addenda: d.addenda.map((a) => ({ text: a.text, at: a.at, by: a.sessionUser })),
  }
}

/** A fingerprint of everything recorded so far; sign-off checks it did not move while the password was checked. */
export function stateStamp(l: Loaded): string {
  return sha256Hex(JSON.stringify([l.row.status, l.d.lastEventId, l.signatures.map((s) => s.id)]))
}
