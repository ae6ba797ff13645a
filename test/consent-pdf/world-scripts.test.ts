// Names and notes in the world's scripts, through the whole path to the
// signed consent: Arabic and Hebrew (right to left, Arabic shaped), Chinese,
// Korean and Hindi print as typed, judged by poppler and qpdf; what no
// embedded face can print (emoji) is refused at the field by the core, and
// nothing is stored. Nothing here is mocked.
//
// How poppler reads right-to-left text back (checked with poppler 22):
// `pdftotext -layout` gives the words in reading (logical) order wrapped in
// bidi embedding marks (U+202B ... U+202C), which are stripped before
// comparing; `pdftotext -raw` gives the drawn (visual, left-to-right) order
// of the words, so "محمد الأحمد" reads "الأحمد محمد" there, each word in
// reading order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, resourcesDir } from '../../src/main/core'
import { SYSTEM_ACTOR, createPatient, readConsentPdf, assertPrintable, unprintableCharacters, DocumentWriter, PAGE, FONT, shippedScriptFiles } from '../../src/main/core/testing'
import { loadDemoClinic, DEMO_LOGINS } from '../../src/main/demo/demo-clinic'
import { completeConsultation } from '../../src/main/client/complete-consultation'
import { Client } from '../support/core'
import { fonts, pageCount, pdfsig, qpdfCheck, run, wordBoxes, writeTemp } from '../support/pdf-tools'
import { AppError } from '../../src/shared/errors'
import { readFileSync } from 'node:fs'

const CLINICIAN = { username: DEMO_LOGINS[0].username, password: DEMO_LOGINS[0].password }
let core: Core

beforeAll(async () => {
  core = Core.open({ dataDir: mkdtempSync(join(tmpdir(), 'derm-consent-scripts-')), resourcesDir })
  await loadDemoClinic(core, { withConsent: false })
})
afterAll(() => core?.close())

/** Bidi embedding, override and isolate marks poppler adds around right-to-left words. */
const withoutBidiMarks = (s: string) => s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
const layoutText = (file: string, page?: number) =>
  withoutBidiMarks(run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', '-enc', 'UTF-8', file, '-']).out).replace(/\s+/g, ' ')
const rawText = (file: string) => withoutBidiMarks(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).out).replace(/\s+/g, ' ')

function signedConsent(consultationId: number) {
  const row = core.ctx.db.prepare("SELECT id FROM consent_documents WHERE consultation_id = ? AND kind = 'consent'").get(consultationId) as { id: number }
  return readConsentPdf(core.ctx, row.id)
}

// A long note mixing scripts (and ticks), with CJK runs that have no spaces to break at.
const MIXED_NOTE = Array.from({ length: 40 }, (_, i) =>
  i % 4 === 0 ? 'أريد أن تبدو جبهتي أكثر نعومة' : i % 4 === 1 ? 'בלי מראה קפוא' : i % 4 === 2 ? '我希望看起来自然一些而且不要太僵硬' : `natural look ${i} ✓ 👍`,
)
  .join(' ')
  .slice(0, 2000)

describe.each([
  { recordNumber: 'WS-AR', givenName: 'محمد', familyName: 'الأحمد', face: 'NotoSansArabic', rtl: true },
  { recordNumber: 'WS-HE', givenName: 'דוד', familyName: 'כהן', face: 'NotoSansHebrew', rtl: true },
  { recordNumber: 'WS-ZH', givenName: '秀英', familyName: '王', face: 'DroidSansFallback', rtl: false },
  { recordNumber: 'WS-KO', givenName: '서연', familyName: '김', face: 'NanumSquare', rtl: false },
  { recordNumber: 'WS-HI', givenName: 'प्रिया', familyName: 'शर्मा', face: 'NotoSansDevanagari', rtl: false },
])('the consent of $givenName $familyName', ({ recordNumber, givenName, familyName, face, rtl }) => {
  const fullName = `${givenName} ${familyName}`
  let file: string

  beforeAll(async () => {
    const p = createPatient(core.ctx, SYSTEM_ACTOR, { givenName, familyName, dateOfBirth: '1985-05-05', recordNumber, phone: '', email: '' })
    const { consultationId } = await completeConsultation(core, { patientId: p.id, clinician: CLINICIAN, question: MIXED_NOTE.slice(0, 1000), goals: MIXED_NOTE })
    file = writeTemp(signedConsent(consultationId).pdf)
  })

  it('embeds every font, the fallback face among them, and stays signed and valid', () => {
    const f = fonts(file)
    expect(f.filter((x) => !x.embedded)).toEqual([])
    expect(f.map((x) => x.name).join(' ')).toContain(face)
    const sig = pdfsig(file).out
    expect(sig).toContain('Signature Validation: Signature is Valid.')
    expect(sig).toContain('Total document signed')
    const q = qpdfCheck(file)
    expect(q.status).toBe(0)
    expect(q.out).toContain('No syntax or stream encoding errors found')
    expect(q.out).not.toMatch(/WARNING/)
  })

  it("prints the patient's name on every page, as typed", () => {
    const n = pageCount(file)
    for (let p = 1; p <= n; p++) expect(layoutText(file, p)).toContain(fullName)
    // Drawn order: a right-to-left name is laid out right to left.
    expect(rawText(file)).toContain(rtl ? `${familyName} ${givenName}` : fullName)
  })

  it('prints the long mixed-script note whole, and keeps every word on the page', () => {
    const text = layoutText(file)
    for (const part of ['أريد أن تبدو جبهتي أكثر نعومة', 'בלי מראה קפוא', 'natural look 3']) expect(text).toContain(part)
    expect(text.replace(/ /g, '')).toContain('我希望看起来自然一些而且不要太僵硬')
    expect(text).toContain('natural look 3 ✓ 👍')
    expect(
      fonts(file)
        .map((x) => x.name)
        .join(' '),
    ).toContain('NotoSansSymbols2')
    const words = wordBoxes(file)
    const off = words.filter((w) => w.xMin < PAGE.marginX - 1 || w.xMax > w.pageWidth - PAGE.marginX + 1 || w.yMin < 0 || w.yMax > w.pageHeight)
    expect(off.slice(0, 5)).toEqual([])
  })
})

describe('Arabic shaping and measuring', () => {
  const writer = () =>
    new DocumentWriter({ resourcesDir, title: 't', author: 'a', subject: 's', keywords: 'k', lang: 'en', createdAt: new Date(0), headerHeight: 80, footerHeight: 60 })

  it('joins letters: the same letter gets its initial, medial and final form', () => {
    const w = writer()
    w.text('ممم') // meem three times: initial, medial, final
    // pdfkit's per-document map from embedded glyph to the characters it shows
    // (what becomes the ToUnicode map): three different glyphs for U+0645.
    const arabic = (w.doc as unknown as { _fontFamilies: Record<string, { unicode: number[][] }> })._fontFamilies['NotoSansArabic-Regular']!
    expect(arabic.unicode.filter((cps) => cps.length === 1 && cps[0] === 0x0645)).toHaveLength(3)
  })

  it('measures mixed-script text exactly as pdfkit wraps it', () => {
    const w = writer()
    const texts = ['محمد الأحمد', 'דוד כהן (לוי)', 'Zoë الحسيني Cohen-כהן 123', '王秀英', '김서연', 'प्रिया शर्मा', MIXED_NOTE.slice(0, 400)]
    for (const text of texts)
      for (const font of [FONT.regular, FONT.bold, FONT.italic])
        for (const width of [40, 120, 480]) {
          w.font(font, 9)
          expect(w.measure(text, font, 9, width), `${text} ${font} ${width}`).toBeCloseTo(w.doc.heightOfString(text, { width, lineGap: 1.5 }), 9)
        }
  })
})

describe('what the consent PDF cannot print', () => {
  it('names each character no embedded face has, and nothing else', () => {
    expect(unprintableCharacters(resourcesDir, 'Zoë 🌸 محمد דוד 王 김 प्रिया ไทย Ольга Ελένη\n\tok')).toEqual(['🌸'])
    // Noto Sans Symbols 2 draws some emoji in black and white (👍, ❤, ✓), not
    // skin tones or the emoji presentation selector.
    expect(unprintableCharacters(resourcesDir, '👍 ❤ ✓ 👍🏽 ❤️')).toEqual(['🏽', '\uFE0F'])
    try {
      assertPrintable(resourcesDir, { givenName: 'Zoë', familyName: 'Rose 🌸' })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(AppError)
      expect((e as AppError).message).toContain('🌸 (U+1F338)')
      expect((e as AppError).code).toBe('validation')
      expect((e as AppError).fields).toEqual([{ path: 'familyName', code: 'unprintable_characters' }])
    }
  })

  it('is refused at the field by every service whose text reaches the PDF, and nothing is stored', async () => {
    const clinician = new Client(core)
    await clinician.call('session.login', CLINICIAN)
    const admin = new Client(core)
    await admin.call('session.login', { username: DEMO_LOGINS[1].username, password: DEMO_LOGINS[1].password })
    const before = core.ctx.db.prepare('SELECT (SELECT count(*) FROM patients) AS p, (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM audit_log) AS a').get()

    let e = await clinician.fail('patients.create', { givenName: 'Zoë 🌸', familyName: 'Rose', dateOfBirth: '1991-07-15', recordNumber: 'EMOJI-1' })
    expect(e.fields).toEqual([{ path: 'givenName', code: 'unprintable_characters' }])
    expect(e.message).toContain('U+1F338')

    const existing = core.ctx.db.prepare("SELECT id FROM patients WHERE record_number = 'WS-AR'").get() as { id: number }
    e = await clinician.fail('patients.update', {
      id: existing.id,
      patient: { givenName: 'محمد', familyName: 'الأحمد 😀', dateOfBirth: '1985-05-05', recordNumber: 'WS-AR', phone: '', email: '' },
    })
    expect(e.fields).toEqual([{ path: 'familyName', code: 'unprintable_characters' }])

    e = await admin.fail('users.create', { username: 'emoji', displayName: 'Dr. Smile 😀', role: 'clinician', password: 'a long password 1' })
    expect(e.fields).toEqual([{ path: 'displayName', code: 'unprintable_characters' }])

    e = await admin.fail('settings.update', { clinic: { name: 'Clinic ✨', address: 'Street 1' }, idleLockMinutes: 5 })
    expect(e.fields).toEqual([{ path: 'clinic.name', code: 'unprintable_characters' }])

    const signed = core.ctx.db.prepare("SELECT c.id FROM consultations c JOIN patients p ON p.id = c.patient_id WHERE p.record_number = 'WS-HE'").get() as { id: number }
    e = await clinician.fail('consultation.addAddendum', { consultationId: signed.id, text: 'Follow-up fine 😀' })
    expect(e.fields).toEqual([{ path: 'text', code: 'unprintable_characters' }])

    const after = core.ctx.db.prepare('SELECT (SELECT count(*) FROM patients) AS p, (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM audit_log) AS a').get()
    expect(after).toEqual(before)
    expect(core.ctx.db.prepare("SELECT family_name FROM patients WHERE record_number = 'WS-AR'").get()).toEqual({ family_name: 'الأحمد' })

    // The same text without the emoji is welcome.
    await clinician.call('consultation.addAddendum', { consultationId: signed.id, text: 'Follow-up fine ✓ בסדר' })
  })

  it('is refused in an imported consultation script, naming the place, and nothing is stored', async () => {
    const admin = new Client(core)
    await admin.call('session.login', { username: DEMO_LOGINS[1].username, password: DEMO_LOGINS[1].password })
    const script = JSON.parse(readFileSync(shippedScriptFiles(resourcesDir)[0]!, 'utf8')) as { version: number; sections: { title: string }[] }
    script.version += 100
    script.sections[1]!.title = 'Your health 🌸'
    const scripts = () => (core.ctx.db.prepare('SELECT count(*) AS n FROM scripts').get() as { n: number }).n
    const before = scripts()
    const e = await admin.fail('scriptLibrary.import', { json: JSON.stringify(script) })
    expect(e.code).toBe('validation')
    expect(e.fields).toEqual([{ path: 'sections[1].title', code: 'unprintable_characters' }])
    expect(e.message).toContain('sections[1].title: the consent PDF cannot print 🌸 (U+1F338)')
    expect(scripts()).toBe(before)
    // In Arabic it is welcome.
    script.sections[1]!.title = 'صحتك'
    expect(await admin.call('scriptLibrary.import', { json: JSON.stringify(script) })).toMatchObject({ created: true })
  })
})
