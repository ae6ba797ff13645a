// What a restore needs from the running app, and nothing more: to close the
// clinic's database, reopen it once the restored file is in place, and the key
// store that receives the restored audit key.
import type { KeyStore } from '../keys/key-store'

export interface ClinicFilePort {
  readonly keyStore: KeyStore
  close(): void
  /** Opens the clinic file again (migrating it if needed) into the running app. */
  reopen(): void
  /** Uses this key for the audit chain from now on. */
  useAuditKey(key: Buffer): void
}
