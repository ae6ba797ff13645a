// English: the words of the consent documents (see phrases.ts).
import { SIGNATURE_MEANINGS } from '../../../../shared/consultation'
import type { ConsentPhrases } from './phrases'

export const en: ConsentPhrases = {
  quote: (words) => `“${words}”`,

  duration: {
    underAMinute: 'under a minute',
    hours: (h) => `${h} h`,
    minutes: (m) => `${m} min`,
  },

  running: {
    clinicFallback: 'Clinic',
    idLine: (name, dateOfBirth, recordNumber) => `${name}  ·  Date of birth ${dateOfBirth}  ·  Record no. ${recordNumber}`,
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    auditEntry: (position) => `entry ${position}`,
  },

  consent: {
    documentTitle: 'Consent summary',
    titleWithScript: (scriptTitle) => `Consent summary: ${scriptTitle}`,
    runningTitle: (consultationId) => `Consent summary  ·  Consultation no. ${consultationId}`,
    metadataTitle: (title, patientName, recordNumber) => `${title} (${patientName}, ${recordNumber})`,
    metadataSubject: (consultationId, signedOffAt) => `Consent record of consultation ${consultationId}, signed off ${signedOffAt}`,
    metadataKeywords: (recordNumber, recordSha256) => `consent; botulinum toxin; record ${recordNumber}; record sha256 ${recordSha256}`,
    footer: {
      recordSha256: 'Record SHA-256 (canonical form)',
      auditHead: 'Audit chain head at sign-off',
      auditPosition: 'Audit chain position at sign-off',
    },
    signatureReason: (patientName, recordNumber) => `Consent of ${patientName} (record ${recordNumber}) signed off by the treating clinician`,
  },

  title: {
    onPaper: 'Consent summary for signature on paper',
    signedElectronically: 'Consent summary, signed electronically',
    signedOff: (clinician, at) =>
      `Signed off by ${clinician} on ${at}. This document is the record as it stood at sign-off; anything added later (a withdrawal of consent, an addendum) is a separate, dated document.`,
    status: (status) => `Status: ${status.replace('_', ' ')}.`,
  },

  clinicAndPatient: {
    heading: 'Clinic and patient',
    clinic: 'Clinic',
    patient: 'Patient',
    dateOfBirth: 'Date of birth',
    recordNumber: 'Record number',
  },

  consultation: {
    heading: 'Consultation',
    consultation: 'Consultation',
    consultationValue: (consultationId, date) => `No. ${consultationId}, ${date}`,
    treatingClinician: 'Treating clinician',
    started: 'Started',
    firstSectionShown: 'First section shown',
    patientSigned: 'Patient signed',
    patientSignedOnPaper: 'On paper (see the signature page)',
    firstSectionToSigning: 'Time from first section to signing',
    signedOff: 'Signed off',
    script: 'Script',
    scriptIdAndVersion: 'Script id and version',
    scriptIdAndVersionValue: (scriptId, version) => `${scriptId}, version ${version}`,
    scriptLanguage: 'Script language',
    scriptSha256: 'Script content SHA-256',
    aboutThisScript: 'About this script',
  },

  discussed: {
    heading: 'What was discussed and acknowledged',
    intro: 'Every section of the script in the order it was shown. Risk sections were acknowledged by the patient with their initials.',
    columns: { section: 'Section', shownAndDiscussed: 'Shown and discussed', acknowledged: 'Acknowledged', initials: 'Initials' },
    shown: (at) => `Shown ${at}`,
    notShown: 'Not shown',
    discussed: (at) => `Discussed ${at}`,
    noAcknowledgmentAsked: 'No acknowledgment asked',
    notAcknowledged: 'Not acknowledged',
  },

  shownWords: {
    heading: 'What the patient was shown',
    intro: (scriptId, version) => `The words of each section as the patient saw them (script ${scriptId}, version ${version}).`,
    columns: { possibleEffect: 'Possible effect', howOften: 'How often', source: 'Source of the figure' },
    bands: { common: 'Common', uncommon: 'Uncommon', rare: 'Rare', very_rare: 'Very rare' },
    frequency: (band, frequency) => `${band}: ${frequency}`,
    acknowledged: (initials, at, statement) => `Acknowledged by the patient with the initials “${initials}” on ${at}: “${statement}”`,
    notAcknowledged: (statement) => `Acknowledgment asked: “${statement}” (not given)`,
  },

  questions: {
    heading: "The patient's questions",
    none: 'The patient did not flag any question.',
    askedDuring: (section, at) => `Asked during “${section}”, ${at}`,
    talkAboutSection: '(The patient asked to talk about this section.)',
    answerBy: (name, at) => `Answer by ${name}, ${at}:`,
    notAnswered: 'Not answered.',
  },

  screening: {
    heading: 'Medical history and allergy screening',
    none: 'No screening answers were recorded.',
    answer: (yes, details, at) => `Answer: ${yes ? 'Yes' : 'No'}${details ? `. Details: ${details}` : ''}  (${at})`,
    raised: (kind, explanation) => `${kind === 'contraindication' ? 'Contraindication' : 'Caution'}: ${explanation}`,
    decision: (option, allowsTreatment, note, by, at) => `Clinician's decision: ${option}${allowsTreatment ? '' : ' (no treatment)'}. ${note}  (${by}, ${at})`,
    noDecision: "Clinician's decision: none recorded.",
    blocked: 'Treatment could not go ahead',
  },

  medicationGuide: {
    heading: 'Medication Guide',
    offered: (at, accepted) => `The product's Medication Guide was offered on ${at}; the patient ${accepted ? 'accepted a copy' : 'declined a copy'}.`,
    none: 'No offer of the Medication Guide was recorded.',
  },

  goals: {
    heading: 'Goals and expectations',
    none: 'No goals or expectations were recorded.',
    ownWords: "The patient's goals, in their own words",
    areas: 'Areas of concern',
    onset: 'Onset',
    fullEffect: 'Full effect',
    duration: 'How long it lasts',
    variability: 'Variability',
    timelineAccepted: 'Timeline accepted',
    timelineAcceptedValue: (at) => `The patient heard and accepted this timeline (${at}).`,
  },

  plan: {
    heading: 'Treatment plan',
    none: 'No treatment plan was recorded.',
    product: 'Product',
    lotNumber: 'Lot number',
    expiryDate: 'Expiry date',
    dilution: 'Dilution',
    dilutionValue: (vialUnits, diluentMl, unitsPerMl) => `${vialUnits} units in ${diluentMl} mL (${unitsPerMl} units per mL)`,
    planned: 'Planned',
    columns: { site: 'Injection site', units: 'Units' },
    total: 'Total',
    totalUnits: (units) => `${units} units`,
    notInterchangeable: 'Units of different botulinum toxin products are not interchangeable.',
  },

  understanding: {
    heading: 'Understanding check',
    none: 'No understanding check was recorded.',
    columns: { question: 'Question', answers: 'Answers given, in order', result: 'Result' },
    attempt: (n, answer, correct, at) => `${n}. ${answer} (${correct ? 'right' : 'wrong'}, ${at})`,
    result: (passed, attempts) => `${passed ? 'Understood' : 'Not yet understood'}; ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`,
  },

  signatures: {
    heading: 'Declarations and signatures',
    reviewed: (at, statement) => `Before signing, the patient reviewed this summary and confirmed (${at}): “${statement}”`,
    agreedToSignElectronically: (at, statement) => `The patient agreed to sign electronically (${at}): “${statement}”`,
    choseToSignOnPaper: (at) => `The patient chose to sign on paper (${at}). The patient and any witness sign below in ink.`,
    roles: { patient: 'Patient', witness: 'Witness', clinician: 'Treating clinician' },
    meanings: SIGNATURE_MEANINGS,
    printedName: (name) => `Printed name: ${name}`,
    dateAndTime: (at) => `Date and time: ${at}`,
    blankName: '______________________________',
    blankDateTime: '______________________',
    signedOnScreen: 'Signed on screen; drawn from the recorded pen strokes',
    signHereInInk: 'Sign here in ink',
    witnessOptional: 'Optional.',
    clinicianDigitalSignature: 'Confirmed with the clinician’s password; this PDF carries the clinician’s digital signature.',
  },

  later: {
    heading: 'Later entries',
    endedWithoutTreatment: (reason) => `Ended without treatment: ${reason}`,
    withdrawn: (at, by, reason) => `Consent withdrawn on ${at} (recorded by ${by}): ${reason}`,
    addendum: (at, by, text) => `Addendum, ${at} by ${by}: ${text}`,
  },

  aftercare: {
    heading: 'Aftercare: please take this page home',
    treatedOn: (patientName, date) => `${patientName}, treated on ${date}.`,
    yourClinician: (name) => `Your clinician: ${name}.`,
    product: (productName, totalUnits) => `Product: ${productName}, ${totalUnits} units in total.`,
    fallbackAdvice: 'Follow the aftercare advice your clinician gave you.',
    questionsTitle: 'Questions or worries?',
    call: (clinicName, address) => `Call ${clinicName || 'the clinic'}${address ? `, ${address}` : ''}.`,
    emergency: 'If you have trouble swallowing, speaking or breathing, or signs of an allergic reaction, get emergency help at once.',
  },

  followUp: {
    withdrawalTitle: 'Withdrawal of consent',
    addendumTitle: 'Addendum to the consent record',
    runningTitle: (title, consultationId) => `${title}  ·  Consultation no. ${consultationId}`,
    metadataTitle: (title, patientName, recordNumber) => `${title} (${patientName}, ${recordNumber})`,
    metadataSubject: (title, consultationId, at) => `${title}, consultation ${consultationId}, ${at}`,
    metadataKeywords: (kind, recordNumber, entrySha256) => `consent; ${kind}; record ${recordNumber}; entry sha256 ${entrySha256}`,
    footer: {
      entrySha256: 'Entry SHA-256 (canonical form)',
      consentSha256: 'Follows the consent PDF SHA-256',
      auditHead: 'Audit chain head when made',
      auditPosition: 'Audit chain position when made',
    },
    addedLater: (signedOffAt) => `This document was added after the consent was signed off. It does not change the signed consent of ${signedOffAt}; both are kept in the record.`,
    refersTo: 'Consent it refers to',
    patient: 'Patient',
    dateOfBirth: 'Date of birth',
    recordNumber: 'Record number',
    consultation: 'Consultation',
    consultationValue: (consultationId, date, scriptTitle, version) => `No. ${consultationId}, ${date}, ${scriptTitle} (version ${version})`,
    signedOff: 'Signed off',
    signedOffValue: (at, clinician) => `${at} by ${clinician}`,
    consentSha256: 'Consent PDF SHA-256',
    withdrawalHeading: 'The withdrawal',
    addendumHeading: 'The addendum',
    recorded: 'Recorded',
    recordedBy: 'Recorded by',
    withdrawalIntro: 'The patient withdrew their consent to the treatment described in the consent above. Their reason, as recorded:',
    patientSignatureLine: "Patient's signature (optional, in ink), date and time",
  },
}
