// The consent record: a complete, plain view of a consultation (normally a
// frozen one) with everything the consent PDF prints, and the SHA-256 of its
// canonical JSON. Sign-off composes it with the clinician's signature still
// pending, hashes it, and stores that hash with the frozen row.
import type { ConsentRecord, RecordSignature } from '../../../shared/consultation'
import { readSettings } from '../settings/settings'
import type { CoreContext } from '../context'
import { statement } from '../db/statements'
import { canonicalHash } from '../script-library/canonical'
import { personRef, readSignatures } from './events'
import { loadConsultation, toSummary } from './state'

/** What sign-off adds before it is stored: the record is composed as it will be once committed. */
export interface PendingSignOff {
  at: string
  signature: RecordSignature
}

export interface RecordOptions {
  /**
   * The record as it was signed off: without the withdrawal and addenda added
   * afterwards. Its hash is the one stored on the frozen row.
   */
  asSignedOff?: boolean
}

export function buildConsentRecord(ctx: CoreContext, consultationId: number, pending?: PendingSignOff, opts: RecordOptions = {}): ConsentRecord {
  const l = loadConsultation(ctx, consultationId, false)
  const { d } = l
  const summary = toSummary(ctx, l)
  const settings = readSettings(ctx)
  const script = l.script.content
  const signatures: RecordSignature[] = readSignatures(ctx, consultationId).map(({ id: _id, ...s }) => s)
  if (pending) signatures.push(pending.signature)
  const expectationsSection = script.sections.find((s) => s.kind === 'expectations')
  const patientSignedAt = signatures.find((s) => s.role === 'patient')?.at ?? null
  const clinicianSignedAt = signatures.find((s) => s.role === 'clinician')?.at ?? null
  return {
    recordVersion: 1,
    consultationId,
    status: pending ? 'signed_off' : l.row.status,
    clinic: settings.clinic,
    patient: summary.patient,
    clinician: summary.clinician,
    script: { ...summary.script, notice: script.notice },
    startedAt: l.row.started_at,
    endedAt: pending ? pending.at : l.row.ended_at,
    sections: script.sections.map((s) => {
      const p = d.sections.find((x) => x.sectionId === s.id)!
      return {
        ...p,
        body: s.body,
        acknowledgment: s.acknowledgment ?? null,
        risks: s.kind === 'risk' ? s.risks.map((r) => ({ text: r.text, band: r.band, frequency: r.frequency, source: r.source })) : [],
        boxedWarning: s.kind === 'risk' && s.boxedWarning ? s.boxedWarning : null,
      }
    }),
    flags: d.flags,
    screening: d.screening,
    blocks: d.blocks,
    medicationGuide: d.medicationGuide,
    expectations:
      d.expectations && expectationsSection?.kind === 'expectations'
        ? {
            ...d.expectations,
            areaLabels: d.expectations.areaIds.map((id) => expectationsSection.areas.find((a) => a.id === id)?.label ?? id),
            timeline: expectationsSection.timeline,
          }
        : null,
    plan: d.plan,
    comprehension: d.comprehension,
    review: d.review ? { at: d.review.at, statement: d.review.statement } : null,
    esignature: d.esignature,
    paper: d.paper,
    signatures,
    endedReason: l.row.ended_reason,
    withdrawal: d.withdrawal && !opts.asSignedOff ? { reason: d.withdrawal.reason, at: d.withdrawal.at, by: personRef(ctx, d.withdrawal.sessionUser.id) } : null,
    addenda: opts.asSignedOff ? [] : d.addenda.map((a) => ({ text: a.text, at: a.at, by: a.sessionUser })),
    timings: {
      firstSectionShownAt: d.firstShownAt,
      patientSignedAt,
      signedOffAt: pending ? pending.at : clinicianSignedAt,
      firstSectionToSignatureMs: d.firstSectionToSignatureMs,
    },
    aftercare: script.sections.filter((s) => s.kind === 'aftercare').flatMap((s) => s.body),
  }
}

/** SHA-256 of the record's canonical JSON (sorted keys, no whitespace, NFC). */
export function canonicalRecordHash(record: ConsentRecord): string {
  return canonicalHash(record)
}

/**
 * Recomputes the hash of the record as signed off and compares it with the one
 * fixed at sign-off: false means the stored rows no longer say what was signed.
 */
export function signedOffRecordHolds(ctx: CoreContext, consultationId: number): { stored: string | null; computed: string; holds: boolean } {
  const row = statement(ctx.db, 'SELECT record_sha256 FROM consultations WHERE id = ?').get(consultationId) as { record_sha256: string | null } | undefined
  const computed = canonicalRecordHash(buildConsentRecord(ctx, consultationId, undefined, { asSignedOff: true }))
  const stored = row?.record_sha256 ?? null
  return { stored, computed, holds: stored !== null && stored === computed }
}
