// The consent PDF's CMS signature read field by field against PAdES baseline
// B-B (ETSI EN 319 142-1 / EN 319 122-1): the signed attributes are exactly
// content type, message digest and ESS signing-certificate-v2 (whose hash is
// that of the certificate carried), there is no CMS signing-time (the claimed
// time is the signature dictionary's /M), and the SignerInfo names the
// certificate's issuer byte for byte even for a non-ASCII name. pdfsig and,
// where installed, OpenSSL judge the same bytes from outside.
import { createHash, sign as rsaSign, type KeyObject } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import forge from 'node-forge'
import PDFDocument from 'pdfkit'
import { beforeAll, describe, expect, it } from 'vitest'
import { CMS_OIDS, createSealedCredential, signConsentPdf, unsealCredential, verifyPdfSignature } from '../../src/main/core/testing'
import { pdfsig, writeTemp } from '../support/pdf-tools'

const { asn1 } = forge
type Node = forge.asn1.Asn1
const kids = (n: Node): Node[] => n.value as Node[]
const der = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary')
const oidOf = (n: Node): string => asn1.derToOid(n.value as string)

const SIGNED_AT = new Date('2026-03-14T09:26:53Z')
let pdf: Buffer
let certificateDer: Buffer
let cms: Buffer
let privateKey: KeyObject

function unsignedPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ compress: false, info: { CreationDate: SIGNED_AT } })
    const parts: Buffer[] = []
    doc.on('data', (c: Buffer) => parts.push(c))
    doc.on('end', () => resolve(Buffer.concat(parts)))
    doc.text('Consent summary (PAdES structure test)')
    doc.end()
  })
}

/** The PDF with another CMS in its signature hole (same hole, zero-padded as @signpdf pads it). */
function withCms(b: Buffer, replacement: Buffer): Buffer {
  const text = b.toString('latin1')
  const start = text.lastIndexOf('/Contents <') + '/Contents <'.length
  const holeLength = text.indexOf('>', start) - start
  const hex = replacement.toString('hex').padEnd(holeLength, '0')
  expect(hex).toHaveLength(holeLength)
  return Buffer.concat([b.subarray(0, start), Buffer.from(hex, 'latin1'), b.subarray(start + holeLength)])
}

/**
 * The same CMS with its signed attributes changed by `edit` and then signed
 * again with the clinician's own key: a signature that verifies, so only the
 * attribute check can refuse it.
 */
function resignedWith(edit: (attrs: Node[]) => Node[]): Buffer {
  const contentInfo = asn1.fromDer(cms.toString('binary'))
  const signerInfo = kids(kids(kids(kids(contentInfo)[1]!)[0]!)[4]!)[0]!
  const parts = kids(signerInfo)
  const attrs = edit(kids(parts[3]!))
  parts[3]!.value = attrs
  const signature = rsaSign('sha256', der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attrs)), privateKey)
  parts[parts.length - 1]!.value = signature.toString('binary')
  return der(contentInfo)
}

/** The DER in the last /Contents <...> hole, without the zero padding after it. */
function extractCms(b: Buffer): Buffer {
  const text = b.toString('latin1')
  const start = text.lastIndexOf('/Contents <') + '/Contents <'.length
  const hex = text.slice(start, text.indexOf('>', start))
  const whole = Buffer.from(hex, 'hex')
  return der(asn1.fromDer(whole.toString('binary'), { parseAllBytes: false } as never))
}

beforeAll(async () => {
  const sealed = await createSealedCredential({ displayName: 'Dr. Zoë Ñúñez-Øberg', clinicName: 'Klinik Größe' }, 'correct horse', SIGNED_AT)
  const credential = await unsealCredential(sealed, 'correct horse')
  certificateDer = credential.certificateDer
  privateKey = credential.privateKey
  pdf = await signConsentPdf(await unsignedPdf(), credential, {
    signerName: 'Dr. Zoë Ñúñez-Øberg',
    reason: 'Consent summary signed off by the treating clinician',
    location: 'Klinik Größe',
    contactInfo: 'clinic@example.org',
    signingTime: SIGNED_AT,
  })
  cms = extractCms(pdf)
}, 60_000)

describe('the consent signature as PAdES baseline B-B', () => {
  it('signs with exactly content type, message digest and signing-certificate-v2; no CMS signing-time', () => {
    const contentInfo = asn1.fromDer(cms.toString('binary'))
    expect(oidOf(kids(contentInfo)[0]!)).toBe(CMS_OIDS.signedData)
    const signedData = kids(kids(contentInfo)[1]!)[0]!
    const fields = kids(signedData)
    // Detached: the encapsulated content info names id-data and carries no content.
    expect(kids(fields[2]!)).toHaveLength(1)
    expect(oidOf(kids(fields[2]!)[0]!)).toBe(CMS_OIDS.data)
    const embedded = kids(fields[3]!)[0]!
    expect(der(embedded).equals(certificateDer)).toBe(true)

    const signerInfo = kids(fields[4]!)[0]!
    const [version, issuerAndSerial, digestAlg, signedAttrs] = kids(signerInfo)
    expect(asn1.derToInteger(version!.value as string)).toBe(1)
    expect(oidOf(kids(digestAlg!)[0]!)).toBe(CMS_OIDS.sha256)
    expect(signedAttrs!.tagClass).toBe(asn1.Class.CONTEXT_SPECIFIC)
    expect(signedAttrs!.type).toBe(0)

    // The issuer named by the SignerInfo is the certificate's issuer, byte for byte ("Zoë" not double-encoded).
    const tbs = kids(kids(embedded)[0]!)
    expect(der(kids(issuerAndSerial!)[0]!).equals(der(tbs[3]!))).toBe(true)
    expect(der(kids(issuerAndSerial!)[1]!).equals(der(tbs[1]!))).toBe(true)

    const attrs = kids(signedAttrs!)
    const types = attrs.map((a) => oidOf(kids(a)[0]!))
    expect([...types].sort()).toEqual([CMS_OIDS.contentType, CMS_OIDS.messageDigest, CMS_OIDS.signingCertificateV2].sort())
    expect(types).not.toContain(CMS_OIDS.signingTime)
    // DER SET OF: in the order of their encodings.
    const encodings = attrs.map(der)
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings)
    // Each attribute has exactly one value.
    for (const a of attrs) expect(kids(kids(a)[1]!)).toHaveLength(1)

    const valueOf = (oid: string): Node => kids(kids(attrs.find((a) => oidOf(kids(a)[0]!) === oid)!)[1]!)[0]!
    expect(oidOf(valueOf(CMS_OIDS.contentType))).toBe(CMS_OIDS.data)

    // The message digest is the SHA-256 of the byte range.
    const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1').slice(pdf.toString('latin1').lastIndexOf('/ByteRange')))!
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number]
    const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)])
    expect(Buffer.from(valueOf(CMS_OIDS.messageDigest).value as string, 'binary').equals(createHash('sha256').update(signedBytes).digest())).toBe(true)

    // SigningCertificateV2 { certs: [ ESSCertIDv2 { certHash, issuerSerial } ] }: hashAlgorithm left out (SHA-256 is its DEFAULT).
    const certs = kids(valueOf(CMS_OIDS.signingCertificateV2))
    expect(certs).toHaveLength(1) // no policies
    expect(kids(certs[0]!)).toHaveLength(1)
    const [certHash, issuerSerial] = kids(kids(certs[0]!)[0]!)
    expect(certHash!.type).toBe(asn1.Type.OCTETSTRING)
    expect(Buffer.from(certHash!.value as string, 'binary').equals(createHash('sha256').update(certificateDer).digest())).toBe(true)
    const [generalNames, serial] = kids(issuerSerial!)
    const directoryName = kids(generalNames!)[0]!
    expect([directoryName.tagClass, directoryName.type]).toEqual([asn1.Class.CONTEXT_SPECIFIC, 4])
    expect(der(kids(directoryName)[0]!).equals(der(tbs[3]!))).toBe(true)
    expect(der(serial!).equals(der(tbs[1]!))).toBe(true)
  })

  it('carries the claimed signing time as /M in the signature dictionary', () => {
    const text = pdf.toString('latin1')
    const dict = text.slice(text.lastIndexOf('/Type /Sig'))
    expect(dict).toMatch(/\/M \(D:20260314092653Z\)/)
  })

  it('is valid to pdfsig over the whole document, naming the clinician', () => {
    const out = pdfsig(writeTemp(pdf)).out
    expect(out).toContain('Signature Validation: Signature is Valid.')
    expect(out).toContain('Total document signed')
    expect(out).toContain('Signer Certificate Common Name: Dr. Zoë Ñúñez-Øberg')
    expect(out).toContain('Signature Type: ETSI.CAdES.detached')
  })

  it('is valid to the app’s own check, which refuses a signature naming another certificate', () => {
    expect(verifyPdfSignature(pdf, certificateDer)).toEqual({ ok: true, signerName: 'Dr. Zoë Ñúñez-Øberg' })
  })

  it('is refused by the app’s check when the signed signing-certificate-v2 names another certificate, or is missing', () => {
    const otherHash = (attrs: Node[]) =>
      attrs.map((a) => {
        if (oidOf(kids(a)[0]!) !== CMS_OIDS.signingCertificateV2) return a
        const copy = asn1.fromDer(der(a).toString('binary'))
        const certHash = kids(kids(kids(kids(kids(copy)[1]!)[0]!)[0]!)[0]!)[0]!
        certHash.value = createHash('sha256').update('another certificate').digest().toString('binary')
        return copy
      })
    expect(verifyPdfSignature(withCms(pdf, resignedWith(otherHash)), certificateDer)).toEqual({
      ok: false,
      problem: 'its signature names a different signing certificate than the one it carries',
    })
    const without = (attrs: Node[]) => attrs.filter((a) => oidOf(kids(a)[0]!) !== CMS_OIDS.signingCertificateV2)
    expect(verifyPdfSignature(withCms(pdf, resignedWith(without)), certificateDer)).toEqual({
      ok: false,
      problem: 'its signature does not name its signing certificate (no signing-certificate-v2 attribute)',
    })
    // The control: re-signing the attributes unchanged is still accepted, so the refusals above are the attribute's doing.
    expect(
      verifyPdfSignature(
        withCms(
          pdf,
          resignedWith((attrs) => attrs),
        ),
        certificateDer,
      ),
    ).toEqual({ ok: true, signerName: 'Dr. Zoë Ñúñez-Øberg' })
  })

  it.runIf(existsSync('/usr/bin/openssl'))('verifies with OpenSSL over the byte range, and its structure prints', () => {
    const file = writeTemp(cms, 'signature.der')
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file], { encoding: 'utf8' })
    expect(printed).toContain('id-smime-aa-signingCertificateV2')
    expect(printed).not.toContain('signingTime')
    const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1').slice(pdf.toString('latin1').lastIndexOf('/ByteRange')))!
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number]
    const content = writeTemp(Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), 'signed-bytes.bin')
    // -noverify: the certificate is self-signed and in no trust store; the signature itself is still checked.
    const out = execFileSync('openssl', ['cms', '-verify', '-binary', '-noverify', '-inform', 'DER', '-in', file, '-content', content, '-out', '/dev/null'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    expect(out).toBe('')
  })
})
