// A later document: a withdrawal of consent or an addendum, each its own
// dated PDF (PDF/A, same identifying header and page numbering as the
// consent), never an edit of the signed consent. It names the consent it
// follows (the consent PDF's SHA-256) and carries the SHA-256 of the entry it
// documents and the audit chain head when it was made.
//
// Pure rendering: the record, the entry and what seals it in, the PDF bytes
// out. Storing it is the staff desk's document workflow (consents/follow-up.ts).
import type { ConsentRecord } from '../../../shared/consultation'
import { FONT } from './fonts'
import { docFormat } from './format'
import { phrasesFor } from './phrases'
import { footerLines, openWithRunningParts, patientFullName, patientIdLine } from './running'
import { COLOR, DocumentWriter } from './writer'

export interface FollowUpEntry {
  kind: 'withdrawn' | 'addendum'
  at: string
  /** Who recorded it. */
  by: { displayName: string }
  /** The reason for a withdrawal, the text of an addendum. */
  words: string
}

export interface FollowUpSeal {
  /** SHA-256 of the entry's canonical form. */
  entrySha256: string
  /** The signed consent it follows: its PDF's SHA-256 and when it was made. */
  consent: { sha256: string; createdAt: string }
  /** The audit chain when this document was made. */
  auditPosition: number
  auditHead: string
}

export interface FollowUpLayoutOptions {
  resourcesDir: string
  /** IANA zone for printed times; the machine's zone when absent. */
  timeZone?: string
}

export async function layoutFollowUp(r: ConsentRecord, entry: FollowUpEntry, seal: FollowUpSeal, o: FollowUpLayoutOptions): Promise<{ pdf: Buffer; pageCount: number }> {
  const p = phrasesFor(r.script.language)
  const t = p.followUp
  const f = docFormat(r.script.language, o.timeZone)
  const withdrawn = entry.kind === 'withdrawn'
  const kind = withdrawn ? 'withdrawal' : 'addendum'
  const title = withdrawn ? t.withdrawalTitle : t.addendumTitle
  const { w, running } = openWithRunningParts(
    (margins) =>
      new DocumentWriter({
        resourcesDir: o.resourcesDir,
        title: t.metadataTitle(title, patientFullName(r), r.patient.recordNumber),
        author: entry.by.displayName,
        subject: t.metadataSubject(title, r.consultationId, entry.at),
        keywords: t.metadataKeywords(kind, r.patient.recordNumber, seal.entrySha256),
        lang: r.script.language,
        createdAt: new Date(entry.at),
        ...margins,
      }),
    {
      clinicName: r.clinic.name,
      idLine: patientIdLine(r, f, p),
      title: t.runningTitle(title, r.consultationId),
      footerLines: footerLines([
        [t.footer.entrySha256, seal.entrySha256],
        [t.footer.consentSha256, seal.consent.sha256],
        [t.footer.auditHead, seal.auditHead],
        [t.footer.auditPosition, p.running.auditEntry(seal.auditPosition)],
      ]),
      phrases: p,
    },
  )

  w.heading(title, 1, 120)
  w.box('', [t.addedLater(f.dateTime(r.timings.signedOffAt ?? seal.consent.createdAt))])
  w.heading(t.refersTo)
  w.fields([
    [t.patient, patientFullName(r)],
    [t.dateOfBirth, f.date(r.patient.dateOfBirth)],
    [t.recordNumber, r.patient.recordNumber],
    [t.consultation, t.consultationValue(r.consultationId, f.date(r.startedAt), r.script.title, r.script.version)],
    [t.signedOff, t.signedOffValue(f.dateTime(r.timings.signedOffAt), r.clinician.displayName)],
    [t.consentSha256, seal.consent.sha256, FONT.mono],
  ])
  w.heading(withdrawn ? t.withdrawalHeading : t.addendumHeading)
  w.fields([
    [t.recorded, f.dateTime(entry.at)],
    [t.recordedBy, entry.by.displayName],
  ])
  w.y += 4
  if (withdrawn) {
    w.text(t.withdrawalIntro, { size: 9.5 })
    w.y += 3
  }
  w.text(entry.words, { size: 10 })
  if (withdrawn) {
    w.y += 24
    w.ensureSpace(80)
    const y = w.y + 40
    w.artifact(() =>
      w.doc
        .moveTo(w.left, y)
        .lineTo(w.left + w.width * 0.55, y)
        .lineWidth(0.7)
        .strokeColor(COLOR.text)
        .stroke(),
    )
    w.y = y + 4
    w.text(t.patientSignatureLine, { size: 8, color: COLOR.muted })
  }
  return w.finish(running)
}
