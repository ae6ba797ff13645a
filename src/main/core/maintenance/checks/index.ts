// Every check `verify` runs, in the order they are reported. A new kind of
// record adds one file under checks/ and one line here. Record checks come
// before the trigger check, so the first problem named is the broken row
// itself rather than the trigger dropped to reach it.
import { auditChainCheck } from './audit-chain'
import { consentDocumentsCheck } from './consent-documents'
import { patientsMatchAuditCheck, usersMatchAuditCheck } from './audited-records'
import { protectedTablesCheck } from './protected-tables'
import { userCredentialsCheck } from './user-credentials'
import { signedConsultationsCheck } from './signed-consultations'
import { foreignKeyCheck, sqliteIntegrityCheck } from './sqlite-integrity'
import type { IntegrityCheck } from './types'

export const INTEGRITY_CHECKS: readonly IntegrityCheck[] = [
  sqliteIntegrityCheck,
  foreignKeyCheck,
  auditChainCheck,
  usersMatchAuditCheck,
  userCredentialsCheck,
  patientsMatchAuditCheck,
  signedConsultationsCheck,
  consentDocumentsCheck,
  protectedTablesCheck,
]
