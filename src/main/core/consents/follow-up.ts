// Later documents: a withdrawal of consent or an addendum, each its own dated
// PDF, never an edit of the signed consent (laid out by
// consent-pdf/follow-up-layout.ts). Each names the consent it follows (the
// consent PDF's SHA-256) and carries the SHA-256 of the entry it documents.
//
// They are made right after the event is committed (`ensureFollowUpDocuments`,
// idempotent): the withdrawal and addendum calls take no password, so these
// documents are not digitally signed; the audit trail holds who and when.
import type { ConsultationEvent } from '../../../shared/consultation'
import { chainHead, recordAudit } from '../audit/chain'
import { inTransaction, type Actor, type CoreContext } from '../context'
import type { CallContext } from '../dispatch/types'
import { buildConsentRecord } from '../consultation/record'
import { readEvents } from '../consultation/events'
import { canonicalHash } from '../script-library/canonical'
import { layoutFollowUp } from '../consent-pdf/follow-up-layout'
import { consentFileName, insertConsentDocument, sha256Hex, type ConsentDocumentKind } from './produce'

type FollowUpEvent = ConsultationEvent & ({ kind: 'withdrawn'; reason: string } | { kind: 'addendum'; text: string })

function isFollowUp(e: ConsultationEvent): e is FollowUpEvent {
  return e.kind === 'withdrawn' || e.kind === 'addendum'
}

/** Reads what the document of one withdrawal or addendum shows, seals it and lays it out. */
export async function makeFollowUpDocument(
  ctx: CoreContext,
  consultationId: number,
  event: FollowUpEvent,
  consent: { sha256: string; createdAt: string },
): Promise<{ pdf: Buffer; pageCount: number; entrySha256: string; kind: ConsentDocumentKind; fileName: string; auditPosition: number; auditHead: string }> {
  const r = buildConsentRecord(ctx, consultationId)
  const kind: ConsentDocumentKind = event.kind === 'withdrawn' ? 'withdrawal' : 'addendum'
  const words = event.kind === 'withdrawn' ? event.reason : event.text
  const entry = { consultationId, eventId: event.id, kind: event.kind, at: event.at, by: event.sessionUser, words, consentSha256: consent.sha256 }
  const entrySha256 = canonicalHash(entry)
  const head = chainHead(ctx.db)
  const { pdf, pageCount } = await layoutFollowUp(
    r,
    { kind: event.kind, at: event.at, by: event.sessionUser, words },
    { entrySha256, consent, auditPosition: head.position, auditHead: head.hash },
    { resourcesDir: ctx.resourcesDir },
  )
  return { pdf, pageCount, entrySha256, kind, fileName: consentFileName(r, kind, event.at).replace('.pdf', `-${event.id}.pdf`), auditPosition: head.position, auditHead: head.hash }
}

/**
 * Makes the document of every withdrawal or addendum of a signed-off
 * consultation that has none yet. Safe to call again (it skips what exists).
 */
export async function ensureFollowUpDocuments(ctx: CoreContext, actor: Actor, consultationId: number): Promise<number[]> {
  const consent = ctx.db.prepare("SELECT sha256, created_at FROM consent_documents WHERE consultation_id = ? AND kind IN ('consent', 'paper_consent')").get(consultationId) as
    { sha256: string; created_at: string } | undefined
  if (!consent) return [] // no signed consent (e.g. not treated): an addendum stays in the record only
  const made: number[] = []
  const done = new Set(
    (ctx.db.prepare('SELECT event_id FROM consent_documents WHERE consultation_id = ? AND event_id IS NOT NULL').all(consultationId) as { event_id: number }[]).map(
      (r) => r.event_id,
    ),
  )
  for (const e of readEvents(ctx, consultationId).filter(isFollowUp)) {
    if (done.has(e.id)) continue
    const d = await makeFollowUpDocument(ctx, consultationId, e, { sha256: consent.sha256, createdAt: consent.created_at })
    const id = inTransaction(ctx, () => {
      if (ctx.db.prepare('SELECT 1 FROM consent_documents WHERE event_id = ?').get(e.id)) return null // made meanwhile
      const sha256 = sha256Hex(d.pdf)
      const docId = insertConsentDocument(ctx, {
        consultationId,
        kind: d.kind,
        fileName: d.fileName,
        pdf: d.pdf,
        sha256,
        pageCount: d.pageCount,
        recordSha256: d.entrySha256,
        auditPosition: d.auditPosition,
        auditHead: d.auditHead,
        signedBy: null,
        signingCredentialId: null,
        createdAt: ctx.now().toISOString(),
        createdBy: actor.id,
        eventId: e.id,
      })
      recordAudit(ctx, actor, {
        action: 'consent_document.store',
        entityType: 'consent_document',
        entityId: docId,
        detail: { consultationId, kind: d.kind, eventId: e.id, sha256, pageCount: d.pageCount, entrySha256: d.entrySha256, fileName: d.fileName },
      })
      return docId
    })
    if (id !== null) made.push(id)
  }
  return made
}

/**
 * After a withdrawal or addendum has been committed: make its document. The
 * entry itself is already safe, so a failure here is logged, not thrown; the
 * staff desk makes any missing document when the consent is next opened.
 */
export async function withFollowUpDocument<T>(call: CallContext, consultationId: number, committed: T): Promise<T> {
  try {
    await ensureFollowUpDocuments(call.ctx, call.actor, consultationId)
  } catch (e) {
    console.error('[consent-pdf] could not make the follow-up document yet:', e)
  }
  return committed
}
