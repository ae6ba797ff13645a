// What the machine's owner may do without logging in: the admin command line
// (backup, script import, exporting a signed PDF, verify) and the in-process
// drivers (the demo clinic, the seed generator, the benchmarks, the tests).
// Every audit row written here names the command line as its actor. A host
// never uses it: everything a person does goes through `Core.dispatch`.
import type { BackupResult, VerifyReport } from '../../shared/contract/maintenance'
import type { ConsultationScript } from '../../shared/script/schema'
import type { ScriptImportResult } from '../../shared/consultation'
import { AppError } from '../../shared/errors'
import { SYSTEM_ACTOR } from './context'
import { consentDocumentIdForConsultation, latestConsentDocumentId, readConsentPdf, recordConsentSaved } from './consents/documents'
import type { CoreServices, HostLink } from './dispatch/types'
import { BulkRecordWriter } from './bulk-records'
import { backupClinic } from './maintenance/backup'
import { verifyRunningClinic } from './maintenance/maintenance'
import { storeScript } from './script-library/store'
import { setUpClinicAsSystem, type SystemClinicPlan } from './setup/clinic-as-system'
import { findUserByUsername } from './users/users'

export class CommandLine {
  constructor(private readonly services: CoreServices) {}

  private get ctx() {
    return this.services.ctx
  }

  /** A verified backup file written to `outFile` (never over an existing file). */
  backup(outFile: string, passphrase: string): Promise<BackupResult> {
    return backupClinic(this.ctx, SYSTEM_ACTOR, outFile, passphrase)
  }

  verify(): Promise<VerifyReport> {
    return verifyRunningClinic(this.ctx)
  }

  importScript(script: ConsultationScript): ScriptImportResult {
    return storeScript(this.ctx, SYSTEM_ACTOR, script, 'imported')
  }

  /** The consent document of a consultation, or of the latest signed one; null when there is none yet. */
  consentDocumentId(which: number | 'latest'): number | null {
    return which === 'latest' ? latestConsentDocumentId(this.ctx) : consentDocumentIdForConsultation(this.ctx, which)
  }

  readConsentPdf(documentId: number): ReturnType<typeof readConsentPdf> {
    return readConsentPdf(this.ctx, documentId)
  }

  /** Records in the audit trail that the stored PDF was written to `path`. */
  recordConsentExported(documentId: number, path: string): void {
    recordConsentSaved(this.ctx, SYSTEM_ACTOR, documentId, 'command_line', { path })
  }

  /** A new clinic's settings, users and patients (refused once the clinic is set up). */
  setUpClinic(plan: SystemClinicPlan): Promise<void> {
    return setUpClinicAsSystem(this.ctx, plan)
  }

  /**
   * A session for an existing user, opened without their password, for a
   * driver running in this process (the demo's signed consultation, the seed
   * generator, the benchmarks). Nothing is written: a login row is the record
   * of a person logging in.
   */
  openSession(username: string): HostLink {
    const u = findUserByUsername(this.ctx, username)
    if (!u) throw new AppError('not_found', `There is no user "${username}".`)
    const s = this.services.sessions.create({ id: u.id, username: u.username, displayName: u.display_name, role: u.role })
    const host: HostLink = { sessionId: s.id, setSessionId: (id) => void (host.sessionId = id) }
    return host
  }

  endSession(host: HostLink): void {
    if (host.sessionId) this.services.sessions.end(host.sessionId)
    host.sessionId = null
  }

  /**
   * A writer of records in bulk (the seed generator), through the app's own
   * store functions. Only while nothing else writes: it keeps the audit
   * chain's head in memory between `begin()` and `commit()`.
   */
  bulkRecords(batchSize?: number): BulkRecordWriter {
    return new BulkRecordWriter(this.ctx, batchSize)
  }
}
