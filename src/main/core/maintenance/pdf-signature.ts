// Checks a stored PDF's digital signature (PAdES, a detached CMS SignedData
// as @signpdf writes it) with node-forge only, so it runs on any machine the
// app runs on: no poppler, no OpenSSL binary.
//
// What it proves: the signature covers the whole file except its own hole
// (/ByteRange starts at 0 and ends at the last byte), the CMS's message
// digest is the SHA-256 of exactly those bytes, the RSA signature over the
// signed attributes verifies with the certificate inside, that certificate
// is the one the clinic issued to the signing clinician, and the signed
// ESS signing-certificate-v2 attribute (PAdES B-B) names that certificate by
// its SHA-256, so the signature is bound to it and not merely to its key.
import { createHash } from 'node:crypto'
import forge from 'node-forge'

export type PdfSignatureCheck = { ok: true; signerName: string } | { ok: false; problem: string }

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4'
const OID_SHA256 = '2.16.840.1.101.3.4.2.1'
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47'

/**
 * The certHash of the first ESSCertIDv2 in a SigningCertificateV2 value, or
 * null if it is not there or names a hash other than SHA-256 (the DEFAULT,
 * which DER leaves out; an explicit SHA-256 AlgorithmIdentifier is accepted).
 */
function signingCertificateHash(value: forge.asn1.Asn1): Buffer | null {
  const certs = Array.isArray(value.value) ? (value.value as forge.asn1.Asn1[])[0] : undefined
  const first = certs && Array.isArray(certs.value) ? (certs.value as forge.asn1.Asn1[])[0] : undefined
  if (!first || !Array.isArray(first.value)) return null
  const fields = first.value as forge.asn1.Asn1[]
  let at = 0
  if (fields[0]?.type === forge.asn1.Type.SEQUENCE) {
    const alg = (fields[0].value as forge.asn1.Asn1[])[0]
    if (!alg || forge.asn1.derToOid(alg.value as string) !== OID_SHA256) return null
    at = 1
  }
  const hash = fields[at]
  return hash && hash.type === forge.asn1.Type.OCTETSTRING && typeof hash.value === 'string' ? Buffer.from(hash.value, 'binary') : null
}

function lastSignature(pdf: Buffer): { byteRange: number[]; contents: Buffer } | null {
  const text = pdf.toString('latin1')
  const at = text.lastIndexOf('/ByteRange')
  if (at < 0) return null
  const br = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 120))
  if (!br) return null
  const byteRange = br.slice(1, 5).map(Number)
  const [a, b, c] = byteRange as [number, number, number, number]
  // The hole between the two ranges is exactly `<hex>`.
  const hole = text.slice(a + b, c)
  const m = /^<([0-9A-Fa-f]+)>$/.exec(hole)
  if (!m) return null
  return { byteRange, contents: Buffer.from(m[1]!, 'hex') }
}

/** ContentInfo > [0] SignedData > [0] certificates > first certificate, as parsed (not re-encoded). */
function embeddedCertificate(contentInfo: forge.asn1.Asn1): forge.asn1.Asn1 | null {
  const explicit = (contentInfo.value as forge.asn1.Asn1[])[1]
  const signedData = explicit && (explicit.value as forge.asn1.Asn1[])[0]
  if (!signedData || !Array.isArray(signedData.value)) return null
  const certs = (signedData.value as forge.asn1.Asn1[]).find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0)
  return certs && Array.isArray(certs.value) ? ((certs.value as forge.asn1.Asn1[])[0] ?? null) : null
}

export function verifyPdfSignature(pdf: Buffer, expectedCertificateDer: Buffer): PdfSignatureCheck {
  const sig = lastSignature(pdf)
  if (!sig) return { ok: false, problem: 'it carries no readable digital signature' }
  const [a, b, c, d] = sig.byteRange as [number, number, number, number]
  if (a !== 0 || c + d !== pdf.length || c <= b) return { ok: false, problem: 'its signature does not cover the whole file (bytes were added or removed after signing)' }
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)])
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(sig.contents.toString('binary')), { strict: false, parseAllBytes: false } as never)
    const p7 = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & { rawCapture: { signerInfos?: forge.asn1.Asn1[] } }
    const cert = p7.certificates[0]
    const rawCert = embeddedCertificate(asn1)
    if (!cert || !rawCert) return { ok: false, problem: 'its signature carries no certificate' }
    // Compare the certificate's bytes as embedded (re-encoding a parsed name could change them).
    const certDer = Buffer.from(forge.asn1.toDer(rawCert).getBytes(), 'binary')
    if (!certDer.equals(expectedCertificateDer)) return { ok: false, problem: "it was signed with a certificate that is not the signing clinician's" }
    const signerInfo = p7.rawCapture.signerInfos?.[0]
    if (!signerInfo || !Array.isArray(signerInfo.value)) return { ok: false, problem: 'its signature has no signer' }
    const parts = signerInfo.value as forge.asn1.Asn1[]
    const attrs = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0)
    const digestAlg = forge.asn1.derToOid((parts[2]!.value as forge.asn1.Asn1[])[0]!.value as string)
    const signature = parts[parts.length - 1]
    if (!attrs || !signature || typeof signature.value !== 'string') return { ok: false, problem: 'its signature has no signed attributes' }
    if (digestAlg !== OID_SHA256) return { ok: false, problem: 'its signature does not use SHA-256' }
    // The message digest attribute must be the SHA-256 of the signed bytes.
    let messageDigest: string | null = null
    let certHash: Buffer | null = null
    for (const attr of attrs.value as forge.asn1.Asn1[]) {
      const [oid, values] = attr.value as forge.asn1.Asn1[]
      const type = forge.asn1.derToOid(oid!.value as string)
      const value = (values!.value as forge.asn1.Asn1[])[0]
      if (type === OID_MESSAGE_DIGEST) messageDigest = (value?.value as string) ?? null
      if (type === OID_SIGNING_CERTIFICATE_V2 && value) certHash = signingCertificateHash(value)
    }
    const actual = createHash('sha256').update(signed).digest()
    if (messageDigest === null || !Buffer.from(messageDigest, 'binary').equals(actual))
      return { ok: false, problem: 'its content was changed after it was signed (the signed digest does not match its bytes)' }
    // The signature is over the signed attributes, DER-encoded as a SET.
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs.value as forge.asn1.Asn1[])
    const md = forge.md.sha256.create()
    md.update(forge.asn1.toDer(set).getBytes())
    const key = cert.publicKey as forge.pki.rsa.PublicKey
    let valid = false
    try {
      valid = key.verify(md.digest().getBytes(), signature.value)
    } catch {
      valid = false
    }
    if (!valid) return { ok: false, problem: 'its digital signature does not verify' }
    // Checked after the RSA signature, so the hash read here is one the signer signed.
    if (certHash === null) return { ok: false, problem: 'its signature does not name its signing certificate (no signing-certificate-v2 attribute)' }
    if (!certHash.equals(createHash('sha256').update(certDer).digest()))
      return { ok: false, problem: 'its signature names a different signing certificate than the one it carries' }
    const cn = String(cert.subject.getField('CN')?.value ?? '')
    let signerName = cn
    try {
      signerName = forge.util.decodeUtf8(cn)
    } catch {
      // not UTF-8 bytes: keep as read
    }
    return { ok: true, signerName }
  } catch (e) {
    return { ok: false, problem: `its digital signature cannot be read (${e instanceof Error ? e.message : String(e)})` }
  }
}
