// The staff desk's calls against a real clinic: finding consents by part of a
// name (accents ignored), by record number and by date; the stored bytes
// coming back unchanged; saves in the audit trail; stored documents that
// cannot be altered, and a document altered behind the app's back refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, resourcesDir, verifyAuditChain } from '../../src/main/core'
import { loadDemoClinic, DEMO_LOGINS } from '../../src/main/demo/demo-clinic'
import { Client } from '../../src/main/client/client'

const login = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!

describe('the staff desk', () => {
  let core: Core
  let staff: Client

  beforeAll(async () => {
    core = Core.open({ dataDir: mkdtempSync(join(tmpdir(), 'derm-desk-')), resourcesDir })
    await loadDemoClinic(core) // the demo, with its signed consultation for Zoë Ñúñez-Øberg
    staff = new Client(core)
    await staff.call('session.login', { username: login('staff').username, password: login('staff').password })
  })
  afterAll(() => core?.close())

  it('finds the consent by part of the name, accents ignored, and by record number', async () => {
    for (const query of ['nunez', 'Zoë', 'øber', 'zoe nun', 'mrn-1001', '']) {
      const found = await staff.call('consents.search', { query })
      expect(
        found.map((f) => f.patient.recordNumber),
        query,
      ).toEqual(['MRN-1001'])
    }
    expect(await staff.call('consents.search', { query: 'Müller' })).toEqual([])
    const [item] = await staff.call('consents.search', { query: 'nunez' })
    expect(item).toMatchObject({
      status: 'signed_off',
      clinicianName: 'Dr. Victor Beer, dermatologist',
      withdrawnAt: null,
      document: { kind: 'consent', signedBy: 'Dr. Victor Beer, dermatologist' },
    })
  })

  it('filters by the sign-off date', async () => {
    const [item] = await staff.call('consents.search', { query: 'nunez' })
    const d = new Date(item!.signedOffAt)
    const local = (x: Date) => `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`
    const next = new Date(d.getTime() + 86_400_000)
    const prev = new Date(d.getTime() - 86_400_000)
    expect(await staff.call('consents.search', { query: '', from: local(d), to: local(d) })).toHaveLength(1)
    expect(await staff.call('consents.search', { query: '', from: local(next) })).toHaveLength(0)
    expect(await staff.call('consents.search', { query: '', to: local(prev) })).toHaveLength(0)
    const bad = await staff.fail('consents.search', { query: '', from: local(next), to: local(prev) })
    expect(bad.fields).toEqual([{ path: 'to', code: 'date_before_start' }])
  })

  it('gives back exactly the stored bytes, and records a save', async () => {
    const [item] = await staff.call('consents.search', { query: 'nunez' })
    const pdf = await staff.call('consents.getPdf', { documentId: item!.document.documentId })
    const bytes = Buffer.from(pdf.base64, 'base64')
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(item!.document.sha256)
    expect(pdf.sha256).toBe(item!.document.sha256)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.fileName).toBe(item!.document.fileName)
    await staff.call('consents.recordSaved', { documentId: pdf.documentId, how: 'download' })
    const detail = await staff.call('consents.get', { consultationId: item!.consultationId })
    expect(detail.history.map((h) => h.what)).toEqual(
      expect.arrayContaining(['Consultation started', 'The patient signed', 'Signed off by the clinician (record frozen)', 'PDF saved (downloaded)']),
    )
    expect(detail.history.at(-1)).toMatchObject({ what: 'PDF saved (downloaded)', by: 'Sam Reyes (front desk)' })
    expect(detail.documents).toHaveLength(1)
    expect(verifyAuditChain(core.ctx.db, core.ctx.auditKey).ok).toBe(true)
  })

  it('is for clinicians and staff only', async () => {
    const admin = new Client(core)
    await admin.call('session.login', { username: login('admin').username, password: login('admin').password })
    expect((await admin.fail('consents.search', { query: '' })).code).toBe('forbidden')
    expect((await new Client(core).fail('consents.getPdf', { documentId: 1 })).code).toBe('unauthenticated')
  })

  it('never lets a stored consent change, and refuses one changed behind the app’s back', async () => {
    const db = core.ctx.db
    expect(() => db.prepare("UPDATE consent_documents SET pdf = x'00'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM consent_documents').run()).toThrow(/append-only/)
    // Someone with the database file drops the protection and edits the bytes.
    const [item] = await staff.call('consents.search', { query: 'nunez' })
    db.exec('DROP TRIGGER consent_documents_no_update')
    const stored = (db.prepare('SELECT pdf FROM consent_documents WHERE id = ?').get(item!.document.documentId) as { pdf: Buffer }).pdf
    const edited = Buffer.from(stored)
    edited[Math.floor(edited.length / 3)]! ^= 0x20
    db.prepare('UPDATE consent_documents SET pdf = ? WHERE id = ?').run(edited, item!.document.documentId)
    const e = await staff.fail('consents.getPdf', { documentId: item!.document.documentId })
    expect(e.code).toBe('internal')
    expect(e.message).toContain('does not match its recorded fingerprint')
  })
})

describe('withdrawal and addenda', () => {
  it('each become a later, separate document; the signed consent stays as it was', async () => {
    const { spawnSync } = await import('node:child_process')
    const { writeFileSync } = await import('node:fs')
    const core = Core.open({ dataDir: mkdtempSync(join(tmpdir(), 'derm-desk-later-')), resourcesDir })
    try {
      await loadDemoClinic(core)
      const clinician = new Client(core)
      await clinician.call('session.login', { username: login('clinician').username, password: login('clinician').password })
      const [before] = await clinician.call('consents.search', { query: 'nunez' })
      const id = before!.consultationId
      await clinician.call('consultation.addAddendum', { consultationId: id, text: 'Review at two weeks: symmetrical result, no droop. Patient satisfied.' })
      await clinician.call('consultation.withdraw', { consultationId: id, reason: 'Ελένη changed her mind — she wants to wait until after the summer.' })

      const detail = await clinician.call('consents.get', { consultationId: id })
      expect(detail.documents.map((d) => d.kind)).toEqual(['consent', 'addendum', 'withdrawal'])
      expect(detail.documents[0]!.sha256).toBe(before!.document.sha256) // the signed consent is untouched
      expect(detail.withdrawnAt).not.toBeNull()
      expect(detail.history.map((h) => h.action)).toEqual(
        expect.arrayContaining(['consultation.withdrawn', 'consent_document.store_withdrawal', 'consent_document.store_addendum']),
      )

      const withdrawal = await clinician.call('consents.getPdf', { documentId: detail.documents[2]!.documentId })
      const file = join(mkdtempSync(join(tmpdir(), 'derm-later-')), withdrawal.fileName)
      writeFileSync(file, Buffer.from(withdrawal.base64, 'base64'))
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ')
      expect(text).toContain('Withdrawal of consent')
      expect(text).toContain('Ελένη changed her mind — she wants to wait until after the summer.')
      expect(text).toContain(before!.document.sha256)
      expect(text).toContain('Zoë Ñúñez-Øberg')
      expect(text).toContain('Page 1 of 1')
      expect(spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status).toBe(0)
      expect(spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+/)

      // Made once: opening the desk again adds nothing.
      expect((await clinician.call('consents.get', { consultationId: id })).documents).toHaveLength(3)
      const desk = new Client(core)
      await desk.call('session.login', { username: login('staff').username, password: login('staff').password })
      const [after] = await desk.call('consents.search', { query: 'nunez' })
      expect(after!.withdrawnAt).not.toBeNull()
    } finally {
      core.close()
    }
  })
})
