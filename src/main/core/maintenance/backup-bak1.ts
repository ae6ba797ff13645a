// The first backup format, "DERMCONSENT-BAK1", kept so that backups made
// before BAK2 can still be restored (the app only writes BAK2):
//
//   "DERMCONSENT-BAK1"  16 bytes
//   uint32 (big end)    length of the manifest
//   manifest            JSON: the description and the audit key's envelope
//   database            the SQLite file, in clear
//
// The envelope's additional data is the description (the database's SHA-256
// among it), so the passphrase also vouches for the database. These files
// were written from memory by an app that could not make one over 2 GiB, so
// reading one whole into memory is what it always took; only BAK1 does that.
import { AppError } from '../../../shared/errors'
import {
  MAGIC_BAK1,
  manifestLength,
  notABackup,
  openWithPassphrase,
  parseManifest,
  PREAMBLE_BYTES,
  sealWithPassphrase,
  sha256,
  type BackupDescription,
  type PassphraseEnvelope,
} from './backup-file'

function aad(d: BackupDescription): Buffer {
  return Buffer.from(JSON.stringify([d.format, d.createdAt, d.schemaVersion, d.database.bytes, d.database.sha256, d.chainHead.position, d.chainHead.hash]))
}

function describe(m: BackupDescription): BackupDescription {
  return { format: 1, createdAt: m.createdAt, schemaVersion: m.schemaVersion, database: m.database, chainHead: m.chainHead }
}

/** Writes a BAK1 file as the app once did; only the tests call it (to prove old backups still restore). */
export async function encodeBackup(d: Omit<BackupDescription, 'format' | 'database'>, database: Buffer, auditKey: Buffer, passphrase: string): Promise<Buffer> {
  const description: BackupDescription = { format: 1, ...d, database: { bytes: database.length, sha256: sha256(database) } }
  const key = await sealWithPassphrase(auditKey, passphrase, aad(description))
  const json = Buffer.from(JSON.stringify({ ...description, key }), 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(json.length)
  return Buffer.concat([MAGIC_BAK1, len, json, database])
}

/** Reads the manifest and database out of a BAK1 file, checking the database's hash. No passphrase needed. */
export function decodeBackup(file: Buffer): { description: BackupDescription; envelope: PassphraseEnvelope; database: Buffer } {
  const { format, length } = manifestLength(file)
  if (format !== 1) throw new AppError('invalid_state', 'decodeBackup reads only BAK1 files.')
  if (PREAMBLE_BYTES + length > file.length) throw notABackup('its header is damaged')
  const m = parseManifest(file.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + length), 1)
  const database = file.subarray(PREAMBLE_BYTES + length)
  if (database.length !== m.database.bytes || sha256(database) !== m.database.sha256) throw notABackup('the database inside it is incomplete or has been altered')
  return { description: describe(m), envelope: m.key as PassphraseEnvelope, database }
}

/** Unwraps a BAK1 file's audit key with the admin's passphrase; a wrong passphrase or an edited manifest both fail here. */
export function unwrapAuditKey(description: BackupDescription, envelope: PassphraseEnvelope, passphrase: string): Promise<Buffer> {
  return openWithPassphrase(envelope, passphrase, aad(description), { bytes: 32, damaged: notABackup })
}
