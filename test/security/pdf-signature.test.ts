// The stored PDF's digital signature is checked with node-forge alone (no
// poppler on users' machines): a real consent signed off through the core
// verifies, and a changed byte of content, a changed byte of the signature,
// bytes added after signing, or another certificate are each refused.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { DB_FILE_NAME, verifyPdfSignature } from '../../src/main/core/testing'
import { populatedClinic } from './clinic-fixture'

let pdf: Buffer
let cert: Buffer
let otherCert: Buffer

beforeAll(async () => {
  const dir = await populatedClinic()
  const db = new Database(join(dir, DB_FILE_NAME), { readonly: true })
  const row = db
    .prepare("SELECT d.pdf, c.certificate_der FROM consent_documents d JOIN signing_credentials c ON c.id = d.signing_credential_id WHERE d.kind = 'consent' ORDER BY d.id LIMIT 1")
    .get() as { pdf: Buffer; certificate_der: Buffer }
  pdf = row.pdf
  cert = row.certificate_der
  // Another clinic's clinician: a second populated clinic has its own certificate for the same person.
  db.close()
  const other = new Database(join(await populatedClinic(), DB_FILE_NAME), { readonly: true })
  otherCert = (other.prepare('SELECT certificate_der FROM signing_credentials LIMIT 1').get() as { certificate_der: Buffer }).certificate_der
  other.close()
}, 120_000)

/** Where the CMS's own bytes sit in the file (inside /Contents <...>), and how long the DER is. */
function signatureHole(b: Buffer): { start: number; derLength: number } {
  const text = b.toString('latin1')
  const start = text.lastIndexOf('/Contents <') + '/Contents <'.length
  const header = Buffer.from(text.slice(start, start + 8), 'hex') // 30 82 LL LL
  return { start, derLength: 4 + header.readUInt16BE(2) }
}

describe('the PDF signature check', () => {
  it('accepts the consent as the core signed it, naming the clinician', () => {
    expect(verifyPdfSignature(pdf, cert)).toEqual({ ok: true, signerName: 'Dr. Victor Beer, dermatologist' })
  })

  it('refuses a changed byte of the content', () => {
    const b = Buffer.from(pdf)
    b[1000] = b[1000]! ^ 0x01
    expect(verifyPdfSignature(b, cert)).toEqual({ ok: false, problem: 'its content was changed after it was signed (the signed digest does not match its bytes)' })
  })

  it('refuses a changed byte of the RSA signature itself', () => {
    const b = Buffer.from(pdf)
    const { start, derLength } = signatureHole(b)
    const at = start + (derLength - 20) * 2 // a hex digit inside the signature value, the CMS's last field
    // Another hex value, not just another case of the same one ('a' and 'A' decode alike).
    const digit = parseInt(String.fromCharCode(b[at]!), 16)
    b[at] = ((digit + 1) % 16).toString(16).charCodeAt(0)
    expect(verifyPdfSignature(b, cert)).toEqual({ ok: false, problem: 'its digital signature does not verify' })
  })

  it('refuses bytes added after signing (an incremental update that is not signed)', () => {
    const b = Buffer.concat([pdf, Buffer.from('\n1 0 obj\n<< /Evil true >>\nendobj\n', 'latin1')])
    expect(verifyPdfSignature(b, cert)).toEqual({ ok: false, problem: 'its signature does not cover the whole file (bytes were added or removed after signing)' })
  })

  it('refuses a signature made with another certificate than the clinician holds here', () => {
    expect(otherCert.equals(cert)).toBe(false)
    expect(verifyPdfSignature(pdf, otherCert)).toEqual({ ok: false, problem: "it was signed with a certificate that is not the signing clinician's" })
  })

  it('refuses a file without a signature', () => {
    expect(verifyPdfSignature(Buffer.from('%PDF-1.7\n%%EOF\n'), cert)).toEqual({ ok: false, problem: 'it carries no readable digital signature' })
  })
})
