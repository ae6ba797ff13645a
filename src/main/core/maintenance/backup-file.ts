// The backup file format: one file a clinic can carry to another machine,
// holding no patient data in clear.
//
//   "DERMCONSENT-BAK2"  16 bytes, magic and format version
//   uint32 (big end)    length of the manifest
//   manifest            JSON, UTF-8: only facts that name no one (below)
//   chunks              the SQLite file, encrypted in parts of `chunks.bytes`
//                       (1 MiB; the last may be shorter): ciphertext + 16-byte tag
//
// The manifest holds the format, when the backup was made, the schema
// version, the database's size and SHA-256 (of its plain bytes), the audit
// chain's head, and the passphrase envelope: scrypt (N=2^17, r=8, p=1) of the
// passphrase and a random salt gives an AES-256-GCM key that wraps the audit
// chain's key together with a random key made for this file alone (the
// database key). The manifest's facts are the envelope's additional data, so a
// wrong passphrase or an edited manifest fail the same authentication.
//
// Each chunk is AES-256-GCM under the database key, nonce = the file's random
// 4-byte prefix + the chunk's number (8 bytes), additional data = SHA-256 of
// the header bytes + the chunk's number + a final-chunk flag. So a changed,
// dropped, reordered or cut-off chunk, or a chunk moved from another backup,
// does not authenticate (backup-chunks.ts reads and writes them).
//
// Older backups ("DERMCONSENT-BAK1", the database in clear) are still read:
// backup-bak1.ts.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb } from 'node:crypto'
import { AppError, fieldError } from '../../../shared/errors'

export const BACKUP_EXTENSION = '.dcbackup'
export const MAGIC_BAK1 = Buffer.from('DERMCONSENT-BAK1', 'ascii')
export const MAGIC_BAK2 = Buffer.from('DERMCONSENT-BAK2', 'ascii')
/** Magic (16) and the manifest's length (4). */
export const PREAMBLE_BYTES = 20
const MAX_MANIFEST = 1024 * 1024
export const CHUNK_BYTES = 1024 * 1024
export const TAG_BYTES = 16

const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const

/** What a backup's header says about it (both formats). */
export interface BackupDescription {
  format: 1 | 2
  createdAt: string
  schemaVersion: number
  database: { bytes: number; sha256: string }
  chainHead: { position: number; hash: string }
}

/** A secret locked with a passphrase: scrypt turns the passphrase into an AES-256-GCM key that wraps the secret. */
export interface PassphraseEnvelope {
  kdf: 'scrypt'
  N: number
  r: number
  p: number
  salt: string
  cipher: 'aes-256-gcm'
  iv: string
  tag: string
  wrappedKey: string
}
/** The name this envelope had when it wrapped only the audit key. */
export type KeyEnvelope = PassphraseEnvelope

const WRONG_PASSPHRASE = 'The passphrase does not open this backup (or the backup has been altered).'

function scrypt(passphrase: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, { N: o.N, r: o.r, p: o.p, maxmem: SCRYPT.maxmem }, (e, k) => (e ? reject(e) : resolve(k))),
  )
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex')
}

/**
 * Locks `secret` with `passphrase`; `aad` is bound to it (any change to it
 * makes opening fail). Used for backups and for carrying the audit key
 * between hosts.
 */
export async function sealWithPassphrase(secret: Buffer, passphrase: string, aad: Buffer): Promise<PassphraseEnvelope> {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const kek = await scrypt(passphrase, salt, SCRYPT)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(aad)
  const wrapped = Buffer.concat([cipher.update(secret), cipher.final()])
  return {
    kdf: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
  }
}

/**
 * Opens an envelope made by `sealWithPassphrase` with the same `aad`. A wrong
 * passphrase, a changed `aad` or a changed envelope all fail with the field
 * error `wrong_passphrase` (`refusal` is its sentence).
 */
export async function openWithPassphrase(
  envelope: PassphraseEnvelope,
  passphrase: string,
  aad: Buffer,
  opts: { bytes: number; refusal?: string; damaged?: (why: string) => Error },
): Promise<Buffer> {
  const damaged = opts.damaged ?? ((why: string) => new AppError('validation', `This key file is not usable: ${why}.`))
  const e = envelope as Partial<PassphraseEnvelope> | null
  if (!e || e.kdf !== 'scrypt' || e.cipher !== 'aes-256-gcm' || ![e.N, e.r, e.p].every((n) => Number.isInteger(n) && n! > 0))
    throw damaged('its key protection is in a form this app does not know')
  if (e.N! > 2 ** 20 || e.r! > 32 || e.p! > 16) throw damaged('its key protection settings are out of range')
  const kek = await scrypt(passphrase, Buffer.from(String(e.salt), 'base64'), envelope)
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(String(e.iv), 'base64'))
    d.setAAD(aad)
    d.setAuthTag(Buffer.from(String(e.tag), 'base64'))
    const secret = Buffer.concat([d.update(Buffer.from(String(e.wrappedKey), 'base64')), d.final()])
    if (secret.length !== opts.bytes) throw new Error('length')
    return secret
  } catch {
    throw fieldError('passphrase', 'wrong_passphrase', opts.refusal ?? WRONG_PASSPHRASE)
  }
}

export const notABackup = (why: string) => new AppError('validation', `This file is not a usable Derm Consent backup: ${why}.`)
/** Every failed authentication of the database's chunks, and every size that does not add up, says this. */
export const damagedBackup = (why: string) => new AppError('validation', `The backup file is damaged or was altered: ${why}. Nothing was taken from it.`)

/** The BAK2 manifest as stored. */
interface ManifestV2 extends BackupDescription {
  format: 2
  chunks: { cipher: 'aes-256-gcm'; bytes: number; noncePrefix: string }
  key: PassphraseEnvelope
}

/** A BAK2 header as read back: what it says, its raw bytes (bound to every chunk) and where the chunks start. */
export interface BackupHeaderV2 {
  description: BackupDescription & { format: 2 }
  chunkBytes: number
  noncePrefix: Buffer
  envelope: PassphraseEnvelope
  headerBytes: Buffer
  headerSha256: Buffer
}

/** The keys the passphrase unlocks: the audit chain's key and this file's database key. */
export interface BackupKeys {
  auditKey: Buffer
  databaseKey: Buffer
}

function descriptionAad(d: BackupDescription, chunks: ManifestV2['chunks']): Buffer {
  return Buffer.from(
    JSON.stringify([
      d.format,
      d.createdAt,
      d.schemaVersion,
      d.database.bytes,
      d.database.sha256,
      d.chainHead.position,
      d.chainHead.hash,
      chunks.cipher,
      chunks.bytes,
      chunks.noncePrefix,
    ]),
  )
}

/** Makes a new BAK2 header: fresh database key and nonce prefix, both keys sealed under the passphrase. */
export async function newBackupHeader(d: Omit<BackupDescription, 'format'>, auditKey: Buffer, passphrase: string): Promise<{ header: BackupHeaderV2; keys: BackupKeys }> {
  const description = { format: 2 as const, createdAt: d.createdAt, schemaVersion: d.schemaVersion, database: d.database, chainHead: d.chainHead }
  const keys = { auditKey, databaseKey: randomBytes(32) }
  const chunks = { cipher: 'aes-256-gcm' as const, bytes: CHUNK_BYTES, noncePrefix: randomBytes(4).toString('base64') }
  const key = await sealWithPassphrase(Buffer.concat([keys.auditKey, keys.databaseKey]), passphrase, descriptionAad(description, chunks))
  const manifest: ManifestV2 = { ...description, chunks, key }
  const json = Buffer.from(JSON.stringify(manifest), 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(json.length)
  return { header: headerFrom(manifest, Buffer.concat([MAGIC_BAK2, len, json])), keys }
}

function headerFrom(m: ManifestV2, headerBytes: Buffer): BackupHeaderV2 {
  return {
    description: { format: 2, createdAt: m.createdAt, schemaVersion: m.schemaVersion, database: m.database, chainHead: m.chainHead },
    chunkBytes: m.chunks.bytes,
    noncePrefix: Buffer.from(m.chunks.noncePrefix, 'base64'),
    envelope: m.key,
    headerBytes,
    headerSha256: createHash('sha256').update(headerBytes).digest(),
  }
}

/** The manifest's length from the first 20 bytes, or why they are not a backup's. */
export function manifestLength(preamble: Buffer): { format: 1 | 2; length: number } {
  if (preamble.length < PREAMBLE_BYTES) throw notABackup('it does not start like one')
  const magic = preamble.subarray(0, 16)
  const format = magic.equals(MAGIC_BAK2) ? 2 : magic.equals(MAGIC_BAK1) ? 1 : null
  if (format === null) throw notABackup('it does not start like one')
  const length = preamble.readUInt32BE(16)
  if (length > MAX_MANIFEST) throw notABackup('its header is damaged')
  return { format, length }
}

/** Parses the manifest JSON of either format, checking the facts both share. */
export function parseManifest(json: Buffer, format: 1 | 2): BackupDescription & Record<string, unknown> {
  let m: (BackupDescription & Record<string, unknown>) | null
  try {
    m = JSON.parse(json.toString('utf8')) as BackupDescription & Record<string, unknown>
  } catch {
    throw notABackup('its header is damaged')
  }
  if (
    !m ||
    m.format !== format ||
    !m.key ||
    !m.database ||
    !Number.isSafeInteger(m.database.bytes) ||
    m.database.bytes < 0 ||
    typeof m.database.sha256 !== 'string' ||
    !m.chainHead ||
    typeof m.createdAt !== 'string' ||
    typeof m.schemaVersion !== 'number'
  )
    throw notABackup('it was written in a format this app does not know')
  return m
}

/** Reads a BAK2 header out of its bytes (`headerBytes` = preamble + manifest). */
export function decodeHeaderV2(headerBytes: Buffer): BackupHeaderV2 {
  const { format, length } = manifestLength(headerBytes)
  if (format !== 2 || headerBytes.length !== PREAMBLE_BYTES + length) throw notABackup('its header is damaged')
  const m = parseManifest(headerBytes.subarray(PREAMBLE_BYTES), 2) as unknown as ManifestV2
  const c = m.chunks as Partial<ManifestV2['chunks']> | undefined
  if (!c || c.cipher !== 'aes-256-gcm' || !Number.isInteger(c.bytes) || c.bytes! < 4096 || c.bytes! > 64 * 1024 * 1024 || typeof c.noncePrefix !== 'string')
    throw notABackup('it was written in a format this app does not know')
  const header = headerFrom(m, headerBytes)
  if (header.noncePrefix.length !== 4) throw notABackup('its header is damaged')
  return header
}

/** Opens the envelope with the passphrase: the audit key and the database key. */
export async function unlockBackup(header: BackupHeaderV2, passphrase: string): Promise<BackupKeys> {
  const m = JSON.parse(header.headerBytes.subarray(PREAMBLE_BYTES).toString('utf8')) as ManifestV2
  const both = await openWithPassphrase(header.envelope, passphrase, descriptionAad(header.description, m.chunks), { bytes: 64, damaged: notABackup })
  return { auditKey: both.subarray(0, 32), databaseKey: both.subarray(32) }
}

/** How many chunks a database of `bytes` is cut into (an empty one still has its final chunk). */
export function chunkCount(bytes: number, chunkBytes: number): number {
  return Math.max(1, Math.ceil(bytes / chunkBytes))
}

/** The whole file's size a header promises. */
export function expectedFileBytes(header: BackupHeaderV2): number {
  return header.headerBytes.length + header.description.database.bytes + chunkCount(header.description.database.bytes, header.chunkBytes) * TAG_BYTES
}
