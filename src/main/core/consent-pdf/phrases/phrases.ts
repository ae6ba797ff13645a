// The words of the consent documents: every heading, label and fixed phrase
// the consent PDF and its follow-up documents print, in one typed table per
// language (phrases/<language>.ts). The layout code holds no words of its own;
// what varies (names, dates, the script's text) comes in already formatted and
// is placed by the phrase, so a language can order a sentence its own way.
//
// A second language is one more table: a file `phrases/<language>.ts`
// exporting a `ConsentPhrases`, listed once in `phrases/index.ts`. The type
// makes sure it has every phrase English has.
import type { SignatureRole } from '../../../../shared/consultation'

export interface ConsentPhrases {
  /** Quotation marks around quoted words (a statement, a question, a meaning). */
  quote(words: string): string

  /** How durations read (docFormat). */
  duration: {
    underAMinute: string
    hours(h: number): string
    minutes(m: number): string
  }

  /** The running header and footer of every page. */
  running: {
    /** Printed when the clinic has no name yet. */
    clinicFallback: string
    idLine(name: string, dateOfBirth: string, recordNumber: string): string
    pageOf(page: number, pages: number): string
    /** The audit position in the footer: "entry 42". */
    auditEntry(position: number): string
  }

  /** The consent summary. */
  consent: {
    documentTitle: string
    /** The PDF's title: "Consent summary: <script title>". */
    titleWithScript(scriptTitle: string): string
    runningTitle(consultationId: number): string
    metadataTitle(title: string, patientName: string, recordNumber: string): string
    metadataSubject(consultationId: number, signedOffAt: string): string
    metadataKeywords(recordNumber: string, recordSha256: string): string
    footer: { recordSha256: string; auditHead: string; auditPosition: string }
    /** The reason in the PDF's digital signature. */
    signatureReason(patientName: string, recordNumber: string): string
  }

  title: {
    onPaper: string
    signedElectronically: string
    signedOff(clinician: string, at: string): string
    status(status: string): string
  }

  clinicAndPatient: {
    heading: string
    clinic: string
    patient: string
    dateOfBirth: string
    recordNumber: string
  }

  consultation: {
    heading: string
    consultation: string
    consultationValue(consultationId: number, date: string): string
    treatingClinician: string
    started: string
    firstSectionShown: string
    patientSigned: string
    patientSignedOnPaper: string
    firstSectionToSigning: string
    signedOff: string
    script: string
    scriptIdAndVersion: string
    scriptIdAndVersionValue(scriptId: string, version: number | string): string
    scriptLanguage: string
    scriptSha256: string
    aboutThisScript: string
  }

  discussed: {
    heading: string
    intro: string
    columns: { section: string; shownAndDiscussed: string; acknowledged: string; initials: string }
    shown(at: string): string
    notShown: string
    discussed(at: string): string
    noAcknowledgmentAsked: string
    notAcknowledged: string
  }

  shownWords: {
    heading: string
    intro(scriptId: string, version: number | string): string
    columns: { possibleEffect: string; howOften: string; source: string }
    bands: Record<string, string>
    frequency(band: string, frequency: string): string
    acknowledged(initials: string, at: string, statement: string): string
    notAcknowledged(statement: string): string
  }

  questions: {
    heading: string
    none: string
    askedDuring(section: string, at: string): string
    talkAboutSection: string
    answerBy(name: string, at: string): string
    notAnswered: string
  }

  screening: {
    heading: string
    none: string
    answer(yes: boolean, details: string | null | undefined, at: string): string
    raised(kind: 'contraindication' | 'caution', explanation: string): string
    decision(option: string, allowsTreatment: boolean, note: string, by: string, at: string): string
    noDecision: string
    blocked: string
  }

  medicationGuide: {
    heading: string
    offered(at: string, accepted: boolean): string
    none: string
  }

  goals: {
    heading: string
    none: string
    ownWords: string
    areas: string
    onset: string
    fullEffect: string
    duration: string
    variability: string
    timelineAccepted: string
    timelineAcceptedValue(at: string): string
  }

  plan: {
    heading: string
    none: string
    product: string
    lotNumber: string
    expiryDate: string
    dilution: string
    dilutionValue(vialUnits: string, diluentMl: string, unitsPerMl: string): string
    planned: string
    columns: { site: string; units: string }
    total: string
    totalUnits(units: string): string
    notInterchangeable: string
  }

  understanding: {
    heading: string
    none: string
    columns: { question: string; answers: string; result: string }
    attempt(n: number, answer: string, correct: boolean, at: string): string
    result(passed: boolean, attempts: number): string
  }

  signatures: {
    heading: string
    reviewed(at: string, statement: string): string
    agreedToSignElectronically(at: string, statement: string): string
    choseToSignOnPaper(at: string): string
    roles: Record<SignatureRole, string>
    /** The words each signer signs to, printed on the paper route (no recorded signature). */
    meanings: Record<SignatureRole, string>
    printedName(name: string): string
    dateAndTime(at: string): string
    /** What an unfilled line prints (name, date and time). */
    blankName: string
    blankDateTime: string
    signedOnScreen: string
    signHereInInk: string
    witnessOptional: string
    clinicianDigitalSignature: string
  }

  later: {
    heading: string
    endedWithoutTreatment(reason: string): string
    withdrawn(at: string, by: string, reason: string): string
    addendum(at: string, by: string, text: string): string
  }

  aftercare: {
    heading: string
    treatedOn(patientName: string, date: string): string
    yourClinician(name: string): string
    product(productName: string, totalUnits: string): string
    fallbackAdvice: string
    questionsTitle: string
    call(clinicName: string | null, address: string | null): string
    emergency: string
  }

  /** A withdrawal of consent or an addendum: a later document of its own. */
  followUp: {
    withdrawalTitle: string
    addendumTitle: string
    runningTitle(title: string, consultationId: number): string
    metadataTitle(title: string, patientName: string, recordNumber: string): string
    metadataSubject(title: string, consultationId: number, at: string): string
    metadataKeywords(kind: string, recordNumber: string, entrySha256: string): string
    footer: { entrySha256: string; consentSha256: string; auditHead: string; auditPosition: string }
    addedLater(signedOffAt: string): string
    refersTo: string
    patient: string
    dateOfBirth: string
    recordNumber: string
    consultation: string
    consultationValue(consultationId: number, date: string, scriptTitle: string, version: number | string): string
    signedOff: string
    signedOffValue(at: string, clinician: string): string
    consentSha256: string
    withdrawalHeading: string
    addendumHeading: string
    recorded: string
    recordedBy: string
    withdrawalIntro: string
    patientSignatureLine: string
  }
}
