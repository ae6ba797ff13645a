// The core's one door. The hosts (Electron, browser), the command line, the
// demo, the seed generator, the benchmarks and the end-to-end tests import
// the core from here and nowhere else (a lint rule refuses a deeper import;
// tests may also use `./testing`). What a person does goes through
// `Core.dispatch`; what the machine's owner does goes through `Core.commandLine`.
export { Core, type CoreOptions } from './core'
export type { CommandLine } from './command-line'
export type { HostLink } from './dispatch/types'
export type { Actor } from './context'
export { FileKeyStore, auditKeyPath, type KeyStore, type KeyWrapper } from './keys/key-store'
export { DB_FILE_NAME } from './db/open'
export { APP_NAME, appRoot, defaultDataDir, rendererDir, resourcesDir } from './paths'
export { cupsPrintService } from './printing/cups'
export type { PrintRequest, PrintService, PrinterInfo, SubmittedPrintJob } from './printing/print-service'
export { DEFAULT_IDLE_LOCK_MINUTES } from './settings/settings'
export type { DemoLogin } from './setup/demo-port'
export type { SystemClinicPlan } from './setup/clinic-as-system'
export { parseScript, type ScriptParse, type ScriptProblem } from './script-library/validate'
export { assertClinicFolderClosed, restoreClinicFolder } from './maintenance/maintenance'
export { verifyClinicFolder } from './maintenance/verify'
export { systemClock, type Clock } from './util/clock'
export type { BulkRecordWriter, ConsultationTranscript, TranscriptStep, TranscriptEvent, TranscriptSignature, TranscriptDocument, ConsentDocumentKind } from './bulk-records'

// For the benchmarks, which time these pieces on their own, outside a call
// (bench/ imports the core from here only)
export { verifyAuditChain } from './audit/chain'
export { searchPatients } from './patients/patients'
export { buildConsentRecord } from './consultation/record'
export { layoutConsent, patientFullName, type ConsentSeal } from './consent-pdf/consent-layout'
export { signConsentPdf } from './consent-pdf/sign'
export { unlockSigningCredential } from './signing/store'
