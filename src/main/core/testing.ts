// The core's second door, for tests only (a lint rule keeps every other
// caller out): the internals a test legitimately reaches past the contract,
// to tamper with a record as an attacker would, to check a file with the
// same code `verify` uses, or to build a service's context by hand.
// Grouped by concept; add a line here rather than importing deeper.

// The database and its context
export { inTransaction, SYSTEM_ACTOR, type Actor } from './context'
export { applyPragmas, DB_FILE_NAME, migrate, openDatabase, type Db } from './db/open'
export { loadMigrations } from './db/migrations'

// The audit trail
export { chainHead, recordAudit, verifyAuditChain } from './audit/chain'

// Users and patients, written as the command line
export { createUser } from './users/users'
export { createPatient, searchPatients, updatePatient } from './patients/patients'
export { createClinic } from './setup/setup'
export { writeSettingsRows } from './settings/settings'

// Scripts
export { canonicalHash, canonicalJson, sha256Hex } from './script-library/canonical'
export { shippedScriptFiles } from './script-library/shipped'

// Consultations and their consent record
export { buildConsentRecord, canonicalRecordHash, signedOffRecordHolds } from './consultation/record'
export { composeSignOff } from './consultation/sign-off'
export { getState } from './consultation/record-step'

// Signing
export { createSealedCredential, unsealCredential } from './signing/credentials'
export { unlockSigningCredential } from './signing/store'

// Maintenance: backups, restore, verify
export { backupClinic, encryptDatabaseFile } from './maintenance/backup'
export { decodeBackup, encodeBackup, unwrapAuditKey } from './maintenance/backup-bak1'
export { decryptBackupInto, discardStaged, stageRestore, swapInStaged } from './maintenance/restore'
export { openForVerify, verifyClinicData } from './maintenance/verify'
export { verifyPdfSignature } from './maintenance/pdf-signature'
export { PROTECTED_TABLES } from './maintenance/protected-tables'
export { protectedTablesOf } from './maintenance/checks/protected-tables'

// The consent PDF: pure rendering (record, seal and fonts in, bytes out) and its signature
export { layoutConsent, patientFullName, type ConsentSeal } from './consent-pdf/consent-layout'
export { CMS_OIDS, signConsentPdf } from './consent-pdf/sign'
export { DocumentWriter, PAGE } from './consent-pdf/writer'
export { FONT, sharesParsedFaces } from './consent-pdf/fonts'
export { assertPrintable, unprintableCharacters } from './consent-pdf/printable'

// Consent documents as the staff desk reads them
export { consentFileName, type ConsentDocumentKind } from './consents/produce'
export { readConsentPdf } from './consents/documents'
