// The signed consent PDF, judged by outside tools the way an auditor would:
// real consultations run through the core to sign-off, the stored bytes
// written to a file, then pdfsig, pdffonts, qpdf and pdftotext (poppler-utils,
// qpdf) give their verdicts. Nothing here is mocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, resourcesDir, buildConsentRecord, layoutConsent } from '../../src/main/core'
import { SYSTEM_ACTOR, writeSettingsRows, createPatient, createUser, readConsentPdf, sha256Hex, DocumentWriter, PAGE, FONT, sharesParsedFaces } from '../../src/main/core/testing'
import { loadDemoClinic, DEMO_LOGINS } from '../../src/main/demo/demo-clinic'
import { completeConsultation } from '../../src/main/client/complete-consultation'
import { sampleRecord } from '../support/sample-record'
import { fonts, pageCount, pdfsig, pdftotext, qpdfCheck, wordBoxes, writeTemp } from '../support/pdf-tools'

const CLINICIAN = { username: DEMO_LOGINS[0].username, password: DEMO_LOGINS[0].password }
let core: Core

beforeAll(async () => {
  core = Core.open({ dataDir: mkdtempSync(join(tmpdir(), 'derm-consent-pdf-')), resourcesDir })
  await loadDemoClinic(core, { withConsent: false }) // clinic, vbeer (with signing key), the demo patients; no consultation yet
})
afterAll(() => core?.close())

function patientId(recordNumber: string): number {
  return (core.ctx.db.prepare('SELECT id FROM patients WHERE record_number = ?').get(recordNumber) as { id: number }).id
}

function storedDocument(consultationId: number) {
  const row = core.ctx.db.prepare("SELECT id FROM consent_documents WHERE consultation_id = ? AND kind IN ('consent', 'paper_consent')").get(consultationId) as { id: number }
  return readConsentPdf(core.ctx, row.id)
}

/** Every word lies inside the page's side margins and on the page. */
function expectNothingOffThePage(file: string) {
  const words = wordBoxes(file)
  expect(words.length).toBeGreaterThan(100)
  const off = words.filter((w) => w.xMin < PAGE.marginX - 1 || w.xMax > w.pageWidth - PAGE.marginX + 1 || w.yMin < 0 || w.yMax > w.pageHeight)
  expect(off.slice(0, 5)).toEqual([])
}

function expectSignedByVictorBeer(file: string) {
  const sig = pdfsig(file).out
  expect(sig).toContain('Signature Type: ETSI.CAdES.detached')
  expect(sig).toContain('Signature Validation: Signature is Valid.')
  expect(sig).toContain('Total document signed')
  expect(sig).toContain('Signer Certificate Common Name: Dr. Victor Beer, dermatologist')
}

describe.each([
  ['MRN-1001', 'Zoë Ñúñez-Øberg'],
  ['MRN-1002', 'Ольга Иванова'],
  ['MRN-1003', 'Ελένη Παπαδοπούλου'],
])('the consent of %s (%s)', (recordNumber, fullName) => {
  let consultationId: number
  let file: string
  let bytes: Buffer

  beforeAll(async () => {
    ;({ consultationId } = await completeConsultation(core, {
      patientId: patientId(recordNumber),
      clinician: CLINICIAN,
      witness: { name: 'Sam Reyes' },
      question: 'Can I fly the day after?',
      wrongFirstAnswer: true,
    }))
    const doc = storedDocument(consultationId)
    bytes = doc.pdf
    expect(sha256Hex(bytes)).toBe(doc.sha256)
    file = writeTemp(bytes, doc.fileName)
  })

  it('is digitally signed by the clinician over the whole document (PAdES)', () => {
    expectSignedByVictorBeer(file)
    // A self-signed certificate: its issuer is not in the machine's trust store, which pdfsig says separately.
    expect(pdfsig(file).out).toMatch(/Certificate Validation: Certificate issuer (is unknown|isn't Trusted)/)
  })

  it('embeds every font, passes qpdf, and declares PDF/A-2b', () => {
    const f = fonts(file)
    expect(f.length).toBeGreaterThan(0)
    expect(f.filter((x) => !x.embedded)).toEqual([])
    const q = qpdfCheck(file)
    expect(q.status).toBe(0)
    expect(q.out).toContain('No syntax or stream encoding errors found')
    expect(q.out).not.toMatch(/WARNING/)
    const xmp = bytes.toString('latin1')
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>')
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>')
  })

  it("prints the patient's name, the script version, every section title and Page 1 of N", () => {
    const record = buildConsentRecord(core.ctx, consultationId)
    const text = pdftotext(file).replace(/\s+/g, ' ')
    expect(text).toContain(fullName)
    expect(text).toContain(`${record.script.scriptId}, version ${record.script.version}`)
    for (const s of record.sections) expect(text).toContain(s.title.replace(/\s+/g, ' '))
    const n = pageCount(file)
    expect(n).toBeGreaterThan(2)
    expect(pdftotext(file, 1)).toContain(`Page 1 of ${n}`)
    expect(pdftotext(file, n)).toContain(`Page ${n} of ${n}`)
    // Every page carries the patient's identifiers and the record's hash.
    for (let p = 1; p <= n; p++) {
      const page = pdftotext(file, p).replace(/\s+/g, ' ')
      expect(page).toContain(fullName)
      expect(page).toContain(recordNumber)
      expect(page).toContain(record.patient.dateOfBirth === '1986-04-12' ? '12 Apr 1986' : 'Date of birth')
    }
    const stored = core.ctx.db.prepare('SELECT record_sha256 FROM consultations WHERE id = ?').get(consultationId) as { record_sha256: string }
    expect(text).toContain(stored.record_sha256)
    // The aftercare page is the last page, on its own.
    expect(pdftotext(file, n)).toContain('Aftercare: please take this page home')
  })

  it('keeps every word inside the page', () => expectNothingOffThePage(file))

  it('is no longer valid when any byte is changed', () => {
    for (const at of [200, Math.floor(bytes.length / 2), bytes.length - 40]) {
      const changed = Buffer.from(bytes)
      changed[at] = changed[at]! ^ 0x01
      const out = pdfsig(writeTemp(changed)).out
      expect(out).not.toContain('Signature is Valid')
    }
  })
})

describe('the longest entries the forms accept', () => {
  it('wrap and paginate: nothing runs off the page, and the signature still holds', async () => {
    const long = (n: number, seed: string) => {
      let s = ''
      for (let i = 0; s.length < n; i++) s += i % 9 === 8 ? `${seed}Unbrokenwordthatisfarlongerthananylinecouldeverholdwithoutbreaking ` : `${seed}${i} `
      return s.slice(0, n).trim()
    }
    writeSettingsRows(core.ctx, { clinic: { name: long(120, 'Klinik'), address: long(300, 'Straße') }, idleLockMinutes: 5 })
    await createUser(core.ctx, SYSTEM_ACTOR, { username: 'longname', displayName: long(120, 'Dr'), role: 'clinician', password: 'long clinician pass' })
    const p = createPatient(core.ctx, SYSTEM_ACTOR, {
      // 99 + space + 100: the typed name at signing is limited to 200 characters.
      givenName: long(99, 'Ñame'),
      familyName: long(100, 'Fámily'),
      dateOfBirth: '1970-01-01',
      recordNumber: 'R' + '9'.repeat(39),
      phone: '',
      email: '',
    })
    const { consultationId } = await completeConsultation(core, {
      patientId: p.id,
      clinician: { username: 'longname', password: 'long clinician pass' },
      witness: { name: long(200, 'Witness') },
      question: long(1000, 'Question'),
      goals: long(2000, 'Goal'),
    })
    const doc = storedDocument(consultationId)
    const file = writeTemp(doc.pdf)
    expectNothingOffThePage(file)
    const sig = pdfsig(file).out
    expect(sig).toContain('Signature is Valid')
    expect(sig).toContain('Total document signed')
    expect(pdftotext(file, 1)).toContain(`Page 1 of ${pageCount(file)}`)
    expect(qpdfCheck(file).status).toBe(0)
  })

  it('lays out 40 injection sites and 2,000-character texts in every field across pages', async () => {
    const { pdf, pageCount: n } = await layoutConsent(
      sampleRecord({ maxLengths: true }),
      { recordSha256: 'a'.repeat(64), auditPosition: 123456, auditHead: 'b'.repeat(64) },
      { resourcesDir, timeZone: 'UTC' },
    )
    const file = writeTemp(pdf)
    expect(pageCount(file)).toBe(n)
    expectNothingOffThePage(file)
    expect(pdftotext(file, 1)).toContain(`Page 1 of ${n}`)
  })
})

describe('fonts parsed once per process', () => {
  const seal = { recordSha256: 'c'.repeat(64), auditPosition: 42, auditHead: 'd'.repeat(64) }
  const make = async (givenName: string, familyName: string) => (await layoutConsent(sampleRecord({ givenName, familyName }), seal, { resourcesDir, timeZone: 'UTC' })).pdf

  it('are shared between documents, each with a font object (and glyph subset) of its own', () => {
    const opts = { resourcesDir, title: 't', author: 'a', subject: 's', keywords: 'k', lang: 'en', createdAt: new Date(0), headerHeight: 80, footerHeight: 60 }
    expect(sharesParsedFaces(new DocumentWriter(opts).doc, new DocumentWriter(opts).doc)).toBe(true)
  })

  it('leave no trace of one document in the next: the same record gives the same bytes whatever was made in between', async () => {
    const first = await make('Ελένη', 'Παπαδοπούλου')
    const between = await make('Zoë', 'Ñúñez-Øberg')
    await make('Ольга', 'Иванова')
    const again = await make('Ελένη', 'Παπαδοπούλου')
    expect(sha256Hex(again)).toBe(sha256Hex(first))
    expect(sha256Hex(between)).not.toBe(sha256Hex(first))
    const text = pdftotext(writeTemp(again)).replace(/\s+/g, ' ')
    expect(text).toContain('Ελένη Παπαδοπούλου')
    expect(text).not.toContain('Ñúñez')
    expect(fonts(writeTemp(again)).filter((x) => !x.embedded)).toEqual([])
  })
})

describe('measuring text', () => {
  it('gives the height pdfkit would wrap to, for one-line texts (measured quickly) and all others', () => {
    const w = new DocumentWriter({ resourcesDir, title: 't', author: 'a', subject: 's', keywords: 'k', lang: 'en', createdAt: new Date(0), headerHeight: 80, footerHeight: 60 })
    const texts = [
      'Zoë Ñúñez-Øberg',
      'Ольга Иванова',
      'Ελένη Παπαδοπούλου',
      'A',
      '—',
      'two\nlines',
      'line\u2028separator',
      'tab\tand  spaces  ',
      'x'.repeat(300),
      'word '.repeat(40),
      'Supercalifragilisticexpialidociousnessandmore',
    ]
    let checked = 0
    for (const text of texts)
      for (const font of Object.values(FONT))
        for (const size of [6.5, 8.5, 10.5])
          for (const lineGap of [0.5, 1, 1.5]) {
            w.font(font, size)
            const natural = w.doc.widthOfString(text)
            // Widths around the text's own width, where one line turns into two.
            for (const width of [40, natural - 0.5, natural - 0.1, natural - 0.005, natural, natural + 0.005, natural + 0.02, natural + 5, 480]) {
              if (width <= 0) continue
              w.font(font, size)
              expect(w.measure(text, font, size, width, lineGap), `${text} ${font} ${size} ${width}`).toBeCloseTo(w.doc.heightOfString(text, { width, lineGap }), 9)
              checked++
            }
          }
    expect(checked).toBeGreaterThan(1000)
  })
})

describe('the paper route', () => {
  it('prints the same consent with blank lines for the wet-ink signatures', async () => {
    const { consultationId } = await completeConsultation(core, { patientId: patientId('MRN-1004'), clinician: CLINICIAN, paper: true })
    const doc = storedDocument(consultationId)
    const kind = core.ctx.db.prepare('SELECT kind FROM consent_documents WHERE id = ?').get(doc.documentId) as { kind: string }
    expect(kind.kind).toBe('paper_consent')
    const file = writeTemp(doc.pdf)
    const text = pdftotext(file).replace(/\s+/g, ' ')
    expect(text).toContain('Consent summary for signature on paper')
    expect(text).toContain('Sign here in ink')
    expect(text).toContain('Hans Müller')
    expectSignedByVictorBeer(file)
  })
})
