// A clinician's signing credential: an RSA-2048 key pair and a self-signed
// X.509 certificate naming them (CN) and the clinic (O). The private key never
// rests in the clear: it is sealed with AES-256-GCM under a key derived from
// the clinician's own password with scrypt, so only the password typed at
// sign-off can unseal it, and whoever copies the database cannot sign as them.
//
// Pure functions (no database): store.ts keeps the sealed result in SQLite.
import { createCipheriv, createDecipheriv, createHash, generateKeyPairSync, randomBytes, scrypt, type KeyObject, createPrivateKey } from 'node:crypto'
import forge from 'node-forge'
import { AppError } from '../../../shared/errors'

/** scrypt at the same cost as login passwords (OWASP: N=2^17, r=8, p=1). */
const KDF = { N: 2 ** 17, r: 8, p: 1 } as const
const MAXMEM = 256 * 1024 * 1024
const CERT_YEARS = 10

export interface KeySealing {
  kdf: 'scrypt'
  N: number
  r: number
  p: number
  /** base64 */
  salt: string
  /** base64, 12 bytes */
  iv: string
  /** base64, 16 bytes */
  tag: string
}

/** What is stored: the certificate in the open, the private key sealed. */
export interface SealedCredential {
  certificateDer: Buffer
  /** SHA-256 of the certificate, hex: names the credential and binds the sealed key to it. */
  certificateSha256: string
  /** PKCS#8 DER of the private key, AES-256-GCM encrypted. */
  sealedKey: Buffer
  sealing: KeySealing
  notBefore: Date
  notAfter: Date
}

/** A credential opened with the password: usable to sign, for this call only. */
export interface UnsealedCredential {
  privateKey: KeyObject
  certificateDer: Buffer
  certificateSha256: string
}

export interface CredentialSubject {
  /** The clinician's name as printed (certificate CN). */
  displayName: string
  /** The clinic's name (certificate O). */
  clinicName: string
}

function deriveKey(password: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))))
}

/** X.509 names are limited to 64 characters per attribute (RFC 5280 upper bounds). */
function ub64(s: string): string {
  const chars = Array.from(s.normalize('NFC').trim())
  return chars.length <= 64 ? chars.join('') : chars.slice(0, 63).join('') + '…'
}

function buildCertificate(subject: CredentialSubject, publicKeyPem: string, privateKeyPem: string, now: Date): { der: Buffer; notBefore: Date; notAfter: Date } {
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem)
  // A positive 16-byte serial (RFC 5280 allows up to 20 octets).
  const serial = randomBytes(16)
  serial[0] = serial[0]! & 0x7f
  cert.serialNumber = serial.toString('hex')
  const notBefore = new Date(now.getTime() - 60_000) // tolerate a slightly slow clock on the verifying machine
  const notAfter = new Date(now)
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CERT_YEARS)
  cert.validity.notBefore = notBefore
  cert.validity.notAfter = notAfter
  // valueTagClass 12 = UTF8String (forge encodes it), so names in any script survive intact.
  const attrs = [
    { shortName: 'CN', value: ub64(subject.displayName), valueTagClass: 12 },
    ...(subject.clinicName.trim() ? [{ shortName: 'O', value: ub64(subject.clinicName), valueTagClass: 12 }] : []),
  ]
  cert.setSubject(attrs as forge.pki.CertificateField[])
  cert.setIssuer(attrs as forge.pki.CertificateField[])
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create())
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
  return { der, notBefore, notAfter }
}

/**
 * Makes a new key pair and certificate and seals the private key under the
 * password. Slow on purpose (scrypt): call it before opening a write transaction.
 */
export async function createSealedCredential(subject: CredentialSubject, password: string, now: Date): Promise<SealedCredential> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 })
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const { der, notBefore, notAfter } = buildCertificate(subject, publicKeyPem, privateKeyPem, now)
  const certificateSha256 = createHash('sha256').update(der).digest('hex')

  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const kek = await deriveKey(password, salt, KDF)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(Buffer.from(certificateSha256, 'utf8'))
  const plain = privateKey.export({ type: 'pkcs8', format: 'der' })
  const sealedKey = Buffer.concat([cipher.update(plain), cipher.final()])
  plain.fill(0)
  kek.fill(0)
  return {
    certificateDer: der,
    certificateSha256,
    sealedKey,
    sealing: { kdf: 'scrypt', ...KDF, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    notBefore,
    notAfter,
  }
}

/** Opens the sealed key with the password; a wrong password is refused (GCM tag mismatch). */
export async function unsealCredential(c: Pick<SealedCredential, 'certificateDer' | 'certificateSha256' | 'sealedKey' | 'sealing'>, password: string): Promise<UnsealedCredential> {
  if (c.sealing.kdf !== 'scrypt') throw new AppError('internal', 'The signing key is sealed in a way this version of the app does not know.')
  const kek = await deriveKey(password, Buffer.from(c.sealing.salt, 'base64'), c.sealing)
  let plain: Buffer
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(c.sealing.iv, 'base64'))
    decipher.setAAD(Buffer.from(c.certificateSha256, 'utf8'))
    decipher.setAuthTag(Buffer.from(c.sealing.tag, 'base64'))
    plain = Buffer.concat([decipher.update(c.sealedKey), decipher.final()])
  } catch {
    throw new AppError('wrong_password', 'That password does not unlock your signing key.')
  } finally {
    kek.fill(0)
  }
  const privateKey = createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' })
  plain.fill(0)
  return { privateKey, certificateDer: c.certificateDer, certificateSha256: c.certificateSha256 }
}

/** The certificate's subject and validity in plain words, for screens and tests. */
export function describeCertificate(der: Buffer): { commonName: string; organization: string; notBefore: Date; notAfter: Date; serial: string } {
  const cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary')))
  const field = (n: string) => {
    const v = cert.subject.getField(n)?.value as string | undefined
    return v ? forge.util.decodeUtf8(v) : ''
  }
  return { commonName: field('CN'), organization: field('O'), notBefore: cert.validity.notBefore, notAfter: cert.validity.notAfter, serial: cert.serialNumber }
}
