// The consent summary, laid out from the frozen record (`ConsentRecord`):
// who and where; what script, which version, which words; every section with
// when it was shown, discussed and acknowledged; the patient's questions and
// the answers; screening with every contraindication or caution and the
// clinician's decision; goals; the treatment plan; the understanding check
// with every attempt; the declarations and signatures; then the aftercare
// page to take home. Each page carries the patient's identifiers, "Page x of
// y", the record's SHA-256 and the audit chain head at sign-off.
//
// On the paper route (the patient declined to sign on screen) the same
// document carries blank lines for the wet-ink signatures instead.
//
// Pure rendering: the record, its seal and the fonts in, the PDF bytes out.
// Each section is one function in sections/; the words come from the phrase
// table of the record's language (phrases/).
import type { ConsentRecord } from '../../../shared/consultation'
import { docFormat } from './format'
import { phrasesFor } from './phrases'
import { footerLines, openWithRunningParts, patientFullName, patientIdLine } from './running'
import { aftercare } from './sections/aftercare'
import type { Section } from './sections/context'
import { discussedAndAcknowledged, patientQuestions, whatThePatientWasShown } from './sections/discussion'
import { clinicAndPatient, consultation, title } from './sections/front'
import { goalsAndExpectations, treatmentPlan, understandingCheck } from './sections/plan'
import { medicationGuide, screening } from './sections/screening'
import { declarationsAndSignatures, laterEntries } from './sections/signatures'
import { DocumentWriter } from './writer'

export { patientFullName, patientIdLine, runningParts, type RunningInput } from './running'

/** What seals the document to the record and the audit trail (printed in every footer). */
export interface ConsentSeal {
  /** SHA-256 (hex) of the record's canonical form. */
  recordSha256: string
  /** The audit chain at sign-off: position (row id) and head hash. */
  auditPosition: number
  auditHead: string
}

export interface LayoutOptions {
  resourcesDir: string
  /** IANA zone for printed times; the machine's zone when absent. */
  timeZone?: string
}

/** The consent summary, in the order it prints. */
export const CONSENT_SECTIONS: readonly Section[] = [
  title,
  clinicAndPatient,
  consultation,
  discussedAndAcknowledged,
  whatThePatientWasShown,
  patientQuestions,
  screening,
  medicationGuide,
  goalsAndExpectations,
  treatmentPlan,
  understandingCheck,
  declarationsAndSignatures,
  laterEntries,
  aftercare,
]

export async function layoutConsent(r: ConsentRecord, seal: ConsentSeal, o: LayoutOptions): Promise<{ pdf: Buffer; pageCount: number }> {
  const p = phrasesFor(r.script.language)
  const f = docFormat(r.script.language, o.timeZone)
  const signedOffAt = r.timings.signedOffAt ?? r.endedAt ?? r.startedAt
  const docTitle = p.consent.titleWithScript(r.script.title)
  const { w, running } = openWithRunningParts(
    (margins) =>
      new DocumentWriter({
        resourcesDir: o.resourcesDir,
        title: p.consent.metadataTitle(docTitle, patientFullName(r), r.patient.recordNumber),
        author: r.clinician.displayName,
        subject: p.consent.metadataSubject(r.consultationId, signedOffAt),
        keywords: p.consent.metadataKeywords(r.patient.recordNumber, seal.recordSha256),
        lang: r.script.language,
        createdAt: new Date(signedOffAt),
        ...margins,
      }),
    {
      clinicName: r.clinic.name,
      idLine: patientIdLine(r, f, p),
      title: p.consent.runningTitle(r.consultationId),
      footerLines: footerLines([
        [p.consent.footer.recordSha256, seal.recordSha256],
        [p.consent.footer.auditHead, seal.auditHead],
        [p.consent.footer.auditPosition, p.running.auditEntry(seal.auditPosition)],
      ]),
      phrases: p,
    },
  )
  for (const section of CONSENT_SECTIONS) section({ w, r, f, p, signedOffAt })
  return w.finish(running)
}
