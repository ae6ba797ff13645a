// The core's second door, for tests only (a lint rule keeps every other
// caller out): the internals a test legitimately reaches past the contract,
// to tamper with a record as an attacker would, to check a file with the
// same code `verify` uses, or to build a service's context by hand.
// Grouped by concept; add a line here rather than importing deeper.

// The database and its context
export { inTransaction, SYSTEM_ACTOR, type Actor, type CoreContext } from './context'
export { applyPragmas, DB_FILE_NAME, migrate, openDatabase, type Db } from './db/open'
export { loadMigrations, type Migration } from './db/migrations'

// The audit trail
export { auditHash, chainHead, recordAudit, verifyAuditChain, type ChainHead } from './audit/chain'

// Users and patients, written as the command line
export { countUsers, createUser, findUserByUsername } from './users/users'
export { createPatient, searchPatients, updatePatient } from './patients/patients'
export { createClinic } from './setup/setup'
export { writeSettingsRows } from './settings/settings'

// Scripts
export { canonicalHash, canonicalJson, sha256Hex } from './script-library/canonical'
export { shippedScriptFiles } from './script-library/shipped'
export { storeScript } from './script-library/store'

// Consultations and their consent record
export { buildConsentRecord, canonicalRecordHash, signedOffRecordHolds } from './consultation/record'
export { composeSignOff } from './consultation/sign-off'
export { getState } from './consultation/record-step'

// Signing
export { createSealedCredential, unsealCredential, type UnsealedCredential } from './signing/credentials'
export { currentSigningCredential, unlockSigningCredential } from './signing/store'

// Maintenance: backups, restore, verify
export { backupClinic } from './maintenance/backup'
export { decodeBackup, encodeBackup, unwrapAuditKey } from './maintenance/backup-file'
export { databaseInUseElsewhere, discardStaged, stageRestore, swapInStaged } from './maintenance/restore'
export { openForVerify, verifyClinicData } from './maintenance/verify'
export { verifyPdfSignature } from './maintenance/pdf-signature'
export { PROTECTED_TABLES } from './maintenance/protected-tables'
export { protectedTablesOf } from './maintenance/checks/protected-tables'

// The consent PDF: pure rendering (record, seal and fonts in, bytes out), its signature and its words
export {
  CONSENT_SECTIONS,
  layoutConsent,
  patientFullName,
  patientIdLine,
  runningParts,
  type ConsentSeal,
  type LayoutOptions,
  type RunningInput,
} from './consent-pdf/consent-layout'
export { layoutFollowUp, type FollowUpEntry, type FollowUpSeal } from './consent-pdf/follow-up-layout'
export { CMS_OIDS, signConsentPdf } from './consent-pdf/sign'
export { DocumentWriter, PAGE, COLOR } from './consent-pdf/writer'
export { FONT, sharesParsedFaces } from './consent-pdf/fonts'
export { docFormat } from './consent-pdf/format'
export { assertPrintable, describeCharacters, unprintableCharacters, unprintableStrings } from './consent-pdf/printable'
export { FALLBACK_LANGUAGE, PHRASE_TABLES, phrasesFor, type ConsentPhrases } from './consent-pdf/phrases'

// Consent documents: produced at sign-off, follow-ups, the staff desk's reading
export { consentFileName, produceConsentDocument, storeConsentDocument, type ConsentDocumentKind } from './consents/produce'
export { ensureFollowUpDocuments, makeFollowUpDocument } from './consents/follow-up'
export { readConsentPdf } from './consents/documents'
