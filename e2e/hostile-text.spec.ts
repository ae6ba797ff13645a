// Hostile and unusual text through the real UI: names in right-to-left
// scripts and with diacritics are stored and shown exactly as typed; a
// 10,000-character name, a name with a control character and a name with an
// emoji (which no font embedded in the consent PDF can print) are refused at
// the field with a plain message and nothing is saved. The signed consent PDF
// carries the same names intact (checked with pdftotext).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { fillPatientForm, searchPatients } from './support/app'
import type { RunningHost } from './support/host'
import {
  acknowledgeAll,
  answerAllComprehensionRight,
  apiOk,
  clinicianPhase,
  handToPatient,
  logInAsClinician,
  registerPatient,
  reviewAndSign,
  signOff,
  startConsultation,
  startSeededHost,
  takeScreenBack,
} from './consultation-steps'

// A diacritic, Arabic (right to left, joined letters) and Hebrew.
const GIVEN = 'Zoë'
const FAMILY = 'الحسيني Cohen-כהן'
const FULL = `${GIVEN} ${FAMILY}`

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

async function openAddPatient(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Patients' }).click()
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Add patient' })).toBeVisible()
}

test('names in right-to-left scripts are kept intact; too long, control characters or emoji are refused at the field', async ({ page }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  const main = page.getByRole('main')

  // 10,000 characters: refused, with the reason beside the field.
  await openAddPatient(page)
  await fillPatientForm(page, { givenName: 'Long', familyName: 'N'.repeat(10_000), dateOfBirth: '1980-01-01', recordNumber: 'LONG-0001' })
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(main.getByText('This is too long.')).toBeVisible()
  await expect(page.getByLabel('Family name')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page, 'too long refused')

  // A control character (here BEL): refused, with the reason beside the field.
  await fillPatientForm(page, { givenName: 'Bell\u0007', familyName: 'Ringer' })
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(main.getByText('This contains characters that cannot be stored', { exact: false })).toBeVisible()
  await expect(page.getByLabel('Given name')).toHaveAttribute('aria-invalid', 'true')

  // An emoji: the consent PDF cannot print it, so it is refused, with the reason beside the field.
  await fillPatientForm(page, { givenName: 'Zoë 🌸', familyName: 'Rose', recordNumber: 'EMOJI-0001' })
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(main.getByText('The consent PDF cannot print some characters here', { exact: false })).toBeVisible()
  await expect(page.getByLabel('Given name')).toHaveAttribute('aria-invalid', 'true')

  // Nothing of any of them was saved.
  for (const q of ['LONG-0001', 'ringer', 'EMOJI-0001']) {
    await searchPatients(page, q)
    await expect(main.getByText('No patient matches.', { exact: false })).toBeVisible()
  }

  // Arabic, Hebrew and a diacritic: stored and shown as typed.
  await registerPatient(page, { givenName: GIVEN, familyName: FAMILY, dateOfBirth: '1991-07-15', recordNumber: 'RTL-0001' })
  await expect(page.getByRole('heading', { level: 1, name: FULL })).toBeVisible()
  await expectAccessible(page, 'patient with emoji and RTL name')
  const results = await searchPatients(page, 'rtl-0001')
  await expect(results.getByRole('row', { name: new RegExp(FULL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible()
  const stored = await apiOk<{ givenName: string; familyName: string }[]>(page, host, 'patients.search', { query: 'RTL-0001', limit: 1 })
  expect(stored[0]).toMatchObject({ givenName: GIVEN, familyName: FAMILY })
})

test('the signed consent PDF prints such names intact', async ({ page }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await registerPatient(page, { givenName: GIVEN, familyName: FAMILY, dateOfBirth: '1991-07-15', recordNumber: 'RTL-0002' })
  await startConsultation(page, FULL)
  await clinicianPhase(page)
  await handToPatient(page)
  await acknowledgeAll(page, 'ZAC')
  await answerAllComprehensionRight(page)
  await reviewAndSign(page, FULL)
  await takeScreenBack(page)
  await signOff(page)
  const list = await apiOk<{ consultationId: number }[]>(page, host, 'consents.search', { query: 'RTL-0002' })
  const detail = await apiOk<{ documents: { documentId: number; kind: string }[] }>(page, host, 'consents.get', { consultationId: list[0]!.consultationId })
  const pdf = await apiOk<{ base64: string }>(page, host, 'consents.getPdf', { documentId: detail.documents.find((d) => d.kind === 'consent')!.documentId })
  const file = join(mkdtempSync(join(tmpdir(), 'derm-consent-pdf-')), 'consent.pdf')
  writeFileSync(file, Buffer.from(pdf.base64, 'base64'))
  // pdftotext wraps right-to-left words in bidi embedding marks; without them
  // each name part reads as typed.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
    .toString('utf8')
    .replace(/[\u202A-\u202E]/g, '')
  for (const part of ['Zoë', 'الحسيني', 'Cohen-', 'כהן']) expect(text, part).toContain(part)
  const fonts = execFileSync('pdffonts', [file]).toString('utf8')
  expect(fonts).toContain('NotoSansArabic')
  expect(fonts).toContain('NotoSansHebrew')
  expect(
    fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() && !/\syes\s+yes\s+yes\s/.test(l)),
  ).toEqual([])
})
