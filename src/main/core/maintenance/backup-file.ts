// The backup file format: one file a clinic can carry to another machine.
//
//   "DERMCONSENT-BAK1"  16 bytes, magic and format version
//   uint32 (big end)    length of the manifest
//   manifest            JSON, UTF-8 (below)
//   database            the SQLite file made by the online backup, as is
//
// The audit chain's key travels inside, wrapped with a passphrase the admin
// chooses: scrypt (N=2^17, r=8, p=1) turns the passphrase into an AES-256-GCM
// key, and the manifest's description of the database (its SHA-256, size,
// schema version and chain head) is the GCM additional data. So a wrong
// passphrase, a swapped database or an edited manifest all fail the same
// authentication, and the key is never on disk unprotected.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto'
import { AppError, fieldError } from '../../../shared/errors'

const MAGIC = Buffer.from('DERMCONSENT-BAK1', 'ascii')
export const BACKUP_EXTENSION = '.dcbackup'

const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const

export interface BackupDescription {
  format: 1
  createdAt: string
  schemaVersion: number
  database: { bytes: number; sha256: string }
  chainHead: { position: number; hash: string }
}

interface KeyEnvelope {
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

interface Manifest extends BackupDescription {
  key: KeyEnvelope
}

function scrypt(passphrase: string, salt: Buffer, o: ScryptOptions & { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, { N: o.N, r: o.r, p: o.p, maxmem: SCRYPT.maxmem }, (e, k) => (e ? reject(e) : resolve(k))),
  )
}

function aad(d: BackupDescription): Buffer {
  return Buffer.from(JSON.stringify([d.format, d.createdAt, d.schemaVersion, d.database.bytes, d.database.sha256, d.chainHead.position, d.chainHead.hash]))
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex')
}

export async function encodeBackup(d: Omit<BackupDescription, 'format' | 'database'>, database: Buffer, auditKey: Buffer, passphrase: string): Promise<Buffer> {
  const description: BackupDescription = { format: 1, ...d, database: { bytes: database.length, sha256: sha256(database) } }
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const kek = await scrypt(passphrase, salt, SCRYPT)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(aad(description))
  const wrapped = Buffer.concat([cipher.update(auditKey), cipher.final()])
  const manifest: Manifest = {
    ...description,
    key: {
      kdf: 'scrypt',
      N: SCRYPT.N,
      r: SCRYPT.r,
      p: SCRYPT.p,
      salt: salt.toString('base64'),
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrappedKey: wrapped.toString('base64'),
    },
  }
  const json = Buffer.from(JSON.stringify(manifest), 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(json.length)
  return Buffer.concat([MAGIC, len, json, database])
}

const notABackup = (why: string) => new AppError('validation', `This file is not a usable Derm Consent backup: ${why}.`)

function readManifest(file: Buffer): { m: Manifest; end: number } {
  if (file.length < 20 || !file.subarray(0, 16).equals(MAGIC)) throw notABackup('it does not start like one')
  const len = file.readUInt32BE(16)
  if (len > 1024 * 1024 || 20 + len > file.length) throw notABackup('its header is damaged')
  let m: Manifest
  try {
    m = JSON.parse(file.subarray(20, 20 + len).toString('utf8')) as Manifest
  } catch {
    throw notABackup('its header is damaged')
  }
  if (
    !m ||
    m.format !== 1 ||
    !m.key ||
    m.key.kdf !== 'scrypt' ||
    m.key.cipher !== 'aes-256-gcm' ||
    !m.database ||
    !m.chainHead ||
    typeof m.createdAt !== 'string' ||
    typeof m.schemaVersion !== 'number'
  )
    throw notABackup('it was written in a format this app does not know')
  return { m, end: 20 + len }
}

/** The description in a backup's header (enough to list it); `file` may hold just the header. */
export function decodeBackupHeader(file: Buffer): BackupDescription {
  const { m } = readManifest(file)
  return { format: 1, createdAt: m.createdAt, schemaVersion: m.schemaVersion, database: m.database, chainHead: m.chainHead }
}

/** Reads the manifest and database out of a backup file, checking the database's hash. No passphrase needed. */
export function decodeBackup(file: Buffer): { description: BackupDescription; envelope: KeyEnvelope; database: Buffer } {
  const { m, end } = readManifest(file)
  const database = file.subarray(end)
  if (database.length !== m.database.bytes || sha256(database) !== m.database.sha256) throw notABackup('the database inside it is incomplete or has been altered')
  const { key, ...rest } = m
  return { description: { format: 1, createdAt: rest.createdAt, schemaVersion: rest.schemaVersion, database: rest.database, chainHead: rest.chainHead }, envelope: key, database }
}

/** Unwraps the audit key with the admin's passphrase; a wrong passphrase or an edited manifest both fail here. */
export async function unwrapAuditKey(description: BackupDescription, envelope: KeyEnvelope, passphrase: string): Promise<Buffer> {
  if (envelope.N > 2 ** 20 || envelope.r > 32 || envelope.p > 16) throw notABackup('its key protection settings are out of range')
  const kek = await scrypt(passphrase, Buffer.from(envelope.salt, 'base64'), envelope)
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(envelope.iv, 'base64'))
    d.setAAD(aad(description))
    d.setAuthTag(Buffer.from(envelope.tag, 'base64'))
    const key = Buffer.concat([d.update(Buffer.from(envelope.wrappedKey, 'base64')), d.final()])
    if (key.length !== 32) throw new Error('length')
    return key
  } catch {
    throw fieldError('passphrase', 'wrong_passphrase', 'The passphrase does not open this backup (or the backup has been altered).')
  }
}
