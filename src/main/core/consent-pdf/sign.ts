// The clinician's digital signature over the finished PDF: PAdES
// (ETSI.CAdES.detached), covering the whole file except the signature's own
// hole, so changing any byte afterwards makes it invalid.
//
// @signpdf/placeholder-plain appends the signature dictionary as an
// incremental update (it reads pdfkit's classic xref table), and
// @signpdf/signpdf computes the byte range and fills the hole.
//
// The CMS itself is built here rather than by @signpdf/signer-p12: that signer
// takes the issuer name from a re-parsed certificate, and node-forge encodes a
// parsed UTF-8 name a second time, so for a clinician named "Zoë" the
// SignerInfo names an issuer that does not exist and no verifier can find the
// certificate. Passing the issuer with its text decoded avoids that; otherwise
// this is the same signature signer-p12 makes (SHA-256, RSA, detached, with
// content type, signing time and message digest as signed attributes).
//
// forge assembles the CMS; the RSA step itself is done by Node's crypto
// (OpenSSL) with the clinician's key as it was unlocked, rather than by
// forge's JavaScript big-number code, which took most of the time of signing.
// RSASSA-PKCS1-v1_5 is deterministic, so the signature bytes are the same.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { SignPdf } from '@signpdf/signpdf'
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils'
import { constants, privateEncrypt, type KeyObject } from 'node:crypto'
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
  signingTime: Date
}

/** Space reserved for the CMS: 2048-bit RSA with one certificate is about 2 KB. */
const SIGNATURE_LENGTH = 8192

/** DER DigestInfo header for SHA-256 (RFC 8017, 9.2 note 1); the 32-byte digest follows. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')

/**
 * What forge's PKCS#7 signer calls on its key: `sign(md, 'RSASSA-PKCS1-V1_5')`
 * with the digest of the signed attributes. EMSA-PKCS1-v1_5 is DigestInfo
 * under block type 1 padding, which is what private-key encryption with
 * PKCS#1 padding applies.
 */
function nativeRsaSigner(key: KeyObject): { sign(md: forge.md.MessageDigest, scheme?: string): string } {
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`The signing key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not RSA.`)
  return {
    sign(md, scheme = 'RSASSA-PKCS1-V1_5') {
      if (scheme !== 'RSASSA-PKCS1-V1_5' || md.algorithm !== 'sha256') throw new Error(`Unexpected signature scheme ${scheme} with ${md.algorithm}.`)
      const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')])
      return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo).toString('binary')
    },
  }
}

class ClinicianCmsSigner extends Signer {
  constructor(private readonly credential: UnsealedCredential) {
    super()
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(this.credential.certificateDer.toString('binary')))
    const key = nativeRsaSigner(this.credential.privateKey)
    // Parsed UTF-8 names hold raw bytes; forge re-encodes on output, so decode first.
    const issuer = cert.issuer.attributes.map((a) =>
      (a.valueTagClass as unknown) === forge.asn1.Type.UTF8 && typeof a.value === 'string' ? { ...a, value: forge.util.decodeUtf8(a.value) } : a,
    )
    const p7 = forge.pkcs7.createSignedData()
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'))
    p7.addCertificate(cert)
    p7.addSigner({
      key,
      // Not `certificate: cert`: forge would take the (re-encoded) issuer from it.
      issuer,
      serialNumber: cert.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0])
    p7.sign({ detached: true })
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary')
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
  const tail = pdf.subarray(at).toString('latin1').replace(/^startxref(\s+)\d+/, `startxref$1${offset}`)
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
