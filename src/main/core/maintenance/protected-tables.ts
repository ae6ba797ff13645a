// The one list of tables the law expects to be append-only or frozen, kept in
// one place so verify, the tamper tests and the crash tests all cover the same
// set. Add a table here in the same change that adds its migration.
//
// - 'append-only': SQLite triggers refuse every UPDATE and DELETE.
// - 'frozen-when-signed': triggers refuse UPDATE and DELETE once the row (or
//   its consultation) is signed off; before that the app may still edit it.
//
// Tables are also discovered: any table whose UPDATE and DELETE triggers raise
// an "append-only" error is treated as append-only, so a new table protected
// the usual way is covered even before it is listed here. The list is the
// floor: a listed table whose triggers were dropped is reported, whereas
// discovery alone could not notice that.

export type Protection = 'append-only' | 'frozen-when-signed'

export interface ProtectedTable {
  table: string
  /** The schema version (migration number) that creates it; from then on it must exist. */
  since: number
  protection: Protection
}

export const PROTECTED_TABLES: readonly ProtectedTable[] = [
  { table: 'audit_log', since: 1, protection: 'append-only' },
  { table: 'scripts', since: 2, protection: 'append-only' },
  { table: 'consultations', since: 2, protection: 'frozen-when-signed' },
  { table: 'consultation_events', since: 2, protection: 'append-only' },
  { table: 'consultation_signatures', since: 2, protection: 'append-only' },
  { table: 'signing_credentials', since: 3, protection: 'append-only' },
  { table: 'consent_documents', since: 3, protection: 'append-only' },
]
