// A keyed fingerprint of a user's password hash, written into the audit row
// that sets it. The hash itself stays out of the append-only trail; the seal
// lets `verify` notice a password hash swapped with raw SQL (someone giving
// themselves a known password for a clinician's account), which the key
// holder alone could forge.
import { createHmac } from 'node:crypto'

export function credentialSeal(auditKey: Buffer, passwordHash: string): string {
  return createHmac('sha256', auditKey).update(`credential\0${passwordHash}`, 'utf8').digest('hex')
}
