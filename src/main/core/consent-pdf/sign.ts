// The clinician's digital signature over the finished PDF: PAdES baseline
// B-B (ETSI EN 319 142-1, CMS per EN 319 122-1), covering the whole file
// except the signature's own hole, so changing any byte afterwards makes it
// invalid.
//
// @signpdf/placeholder-plain appends the signature dictionary as an
// incremental update (it reads pdfkit's classic xref table), and
// @signpdf/signpdf computes the byte range and fills the hole. The claimed
// signing time is that dictionary's /M entry (placeholder-plain writes it from
// `signingTime`); PAdES forbids a CMS signing-time attribute beside it.
//
// The CMS is assembled here with forge.asn1 rather than by forge's PKCS#7
// signer or @signpdf/signer-p12: those can only put content type, signing
// time and message digest in the signed attributes, and PAdES B-B needs
// content type, message digest and the ESS signing-certificate-v2 attribute
// (RFC 5035), which binds the signature to the hash of the signer's
// certificate so the certificate cannot be swapped for another with the same
// key. The issuer name and serial number are copied as they stand in the
// certificate's DER, never rebuilt from forge's parsed name: forge encodes a
// parsed UTF-8 name a second time, so for a clinician named "Zoë" the
// SignerInfo would name an issuer that does not exist.
//
// The RSA step is done by Node's crypto (OpenSSL) with the clinician's key as
// it was unlocked, rather than by forge's JavaScript big-number code, which
// took most of the time of signing.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { SignPdf } from '@signpdf/signpdf'
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils'
import { createHash, sign as rsaSign, type KeyObject } from 'node:crypto'
import forge from 'node-forge'
import type { UnsealedCredential } from '../signing/credentials'

export interface SignatureDetails {
  /** Printed as the signer's name in the signature dictionary (/Name). */
  signerName: string
  /** What the signature means, e.g. "Consent summary signed off by the treating clinician". */
  reason: string
  /** The clinic (name, address) where it was signed. */
  location: string
  contactInfo: string
  /** Written as /M in the signature dictionary: the claimed signing time under PAdES. */
  signingTime: Date
}

/** Space reserved for the CMS: 2048-bit RSA with one certificate is about 2 KB. */
const SIGNATURE_LENGTH = 8192

export const CMS_OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const

const { asn1 } = forge
const U = asn1.Class.UNIVERSAL
const T = asn1.Type

const der = (node: forge.asn1.Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary')
const seq = (...items: forge.asn1.Asn1[]): forge.asn1.Asn1 => asn1.create(U, T.SEQUENCE, true, items)
const oid = (dotted: string): forge.asn1.Asn1 => asn1.create(U, T.OID, false, asn1.oidToDer(dotted).getBytes())
const octets = (b: Buffer): forge.asn1.Asn1 => asn1.create(U, T.OCTETSTRING, false, b.toString('binary'))
const int = (n: number): forge.asn1.Asn1 => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes())

/** DER SET OF: the elements sorted by their encodings (X.690 11.6). */
function derSetOf(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  const sorted = items.map((node) => ({ node, bytes: der(node) })).sort((x, y) => Buffer.compare(x.bytes, y.bytes))
  return asn1.create(
    U,
    T.SET,
    true,
    sorted.map((s) => s.node),
  )
}

/** Attribute ::= SEQUENCE { attrType OID, attrValues SET OF value } with one value. */
const attribute = (type: string, value: forge.asn1.Asn1): forge.asn1.Asn1 => seq(oid(type), asn1.create(U, T.SET, true, [value]))

/** The certificate's issuer Name and serialNumber INTEGER, as parsed from its DER (not re-encoded from forge's name model). */
function issuerAndSerialOf(certificate: forge.asn1.Asn1): { issuer: forge.asn1.Asn1; serialNumber: forge.asn1.Asn1 } {
  const tbs = (certificate.value as forge.asn1.Asn1[])[0]!
  const fields = tbs.value as forge.asn1.Asn1[]
  // TBSCertificate: [0] version is optional (absent means v1), then serialNumber, signature, issuer.
  const first = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0
  return { serialNumber: fields[first]!, issuer: fields[first + 2]! }
}

/**
 * The signed attributes for PAdES B-B, in DER SET OF order: content type (id-data),
 * message digest of the signed byte range, and signing-certificate-v2
 * naming the certificate by its SHA-256 (hashAlgorithm left out: SHA-256 is
 * its DEFAULT, and DER omits defaults) and its issuer and serial number.
 */
function padesSignedAttributes(content: Buffer, certificateDer: Buffer, certificate: forge.asn1.Asn1): forge.asn1.Asn1[] {
  const { issuer, serialNumber } = issuerAndSerialOf(certificate)
  // IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber } with the issuer as a directoryName ([4], explicit since Name is a CHOICE).
  const issuerSerial = seq(seq(asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])), serialNumber)
  const essCertIdV2 = seq(octets(createHash('sha256').update(certificateDer).digest()), issuerSerial)
  const signingCertificateV2 = seq(seq(essCertIdV2))
  return derSetOf([
    attribute(CMS_OIDS.contentType, oid(CMS_OIDS.data)),
    attribute(CMS_OIDS.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(CMS_OIDS.signingCertificateV2, signingCertificateV2),
  ]).value as forge.asn1.Asn1[]
}

/** Builds the detached CMS SignedData (ContentInfo) over `content`, signed with the clinician's key. */
export function padesCms(content: Buffer, certificateDer: Buffer, privateKey: KeyObject): Buffer {
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error(`The signing key is ${privateKey.asymmetricKeyType ?? 'not asymmetric'}, not RSA.`)
  const certificate = asn1.fromDer(certificateDer.toString('binary'))
  const { issuer, serialNumber } = issuerAndSerialOf(certificate)
  const attrs = padesSignedAttributes(content, certificateDer, certificate)
  // The signature is over the attributes encoded as a SET (RFC 5652 5.4), not as the [0] they are stored under.
  const signedBytes = der(asn1.create(U, T.SET, true, attrs))
  const signature = rsaSign('sha256', signedBytes, privateKey) // RSASSA-PKCS1-v1_5, the default padding for RSA keys
  const sha256 = seq(oid(CMS_OIDS.sha256), asn1.create(U, T.NULL, false, ''))
  const signerInfo = seq(
    int(1), // version 1: the signer is named by issuer and serial number
    seq(issuer, serialNumber),
    sha256,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs),
    seq(oid(CMS_OIDS.rsaEncryption), asn1.create(U, T.NULL, false, '')),
    octets(signature),
  )
  const signedData = seq(
    int(1),
    asn1.create(U, T.SET, true, [sha256]),
    seq(oid(CMS_OIDS.data)), // detached: no eContent
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [certificate]),
    asn1.create(U, T.SET, true, [signerInfo]),
  )
  return der(seq(oid(CMS_OIDS.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])))
}

class ClinicianCmsSigner extends Signer {
  constructor(private readonly credential: UnsealedCredential) {
    super()
  }

  // The signing time argument is ignored on purpose: under PAdES it lives in /M, not in the CMS.
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return padesCms(pdfBuffer, this.credential.certificateDer, this.credential.privateKey)
  }
}

/**
 * placeholder-plain's incremental update points `startxref` at the blank line
 * before its `xref` keyword; qpdf warns about that. The offset is inside the
 * signed range, so it is corrected before signing, never after.
 */
function pointStartXrefAtXref(pdf: Buffer): Buffer {
  const at = pdf.lastIndexOf('startxref')
  const m = /^startxref\s+(\d+)/.exec(pdf.subarray(at, at + 40).toString('latin1'))
  if (at < 0 || !m) return pdf
  let offset = Number(m[1])
  while (offset < pdf.length && (pdf[offset] === 0x0a || pdf[offset] === 0x0d || pdf[offset] === 0x20)) offset++
  if (offset === Number(m[1]) || pdf.subarray(offset, offset + 4).toString('latin1') !== 'xref') return pdf
  const tail = pdf
    .subarray(at)
    .toString('latin1')
    .replace(/^startxref(\s+)\d+/, `startxref$1${offset}`)
  return Buffer.concat([pdf.subarray(0, at), Buffer.from(tail, 'latin1')])
}

/** Returns the signed PDF: the input bytes plus an incremental update holding the signature. */
export async function signConsentPdf(pdf: Buffer, credential: UnsealedCredential, details: SignatureDetails): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: details.reason,
    contactInfo: details.contactInfo,
    name: details.signerName,
    location: details.location,
    signingTime: details.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    // Written as a PDF name, so no spaces.
    appName: 'DermConsent',
    signatureLength: SIGNATURE_LENGTH,
  })
  return new SignPdf().sign(pointStartXrefAtXref(withPlaceholder), new ClinicianCmsSigner(credential), details.signingTime)
}
