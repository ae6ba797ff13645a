// Hostile and unusual text through the real UI: names with emoji, right-to-left
// scripts and combining marks are stored and shown exactly as typed; a
// 10,000-character name and a name with a control character are refused at the
// field with a plain message and nothing is saved. The signed consent PDF must
// carry the same names intact (checked with pdftotext).
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

// Emoji (outside the BMP), Arabic (right to left), a combining accent and Hebrew.
const GIVEN = 'Zoë 🌸'
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

test('names with emoji and right-to-left text are kept intact; too long or control characters are refused at the field', async ({ page }) => {
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

  // Nothing of either was saved.
  for (const q of ['LONG-0001', 'ringer']) {
    await searchPatients(page, q)
    await expect(main.getByText('No patient matches.', { exact: false })).toBeVisible()
  }

  // Emoji, Arabic, Hebrew and a combining accent: stored and shown as typed.
  await registerPatient(page, { givenName: GIVEN, familyName: FAMILY, dateOfBirth: '1991-07-15', recordNumber: 'RTL-0001' })
  await expect(page.getByRole('heading', { level: 1, name: FULL })).toBeVisible()
  await expectAccessible(page, 'patient with emoji and RTL name')
  const results = await searchPatients(page, 'rtl-0001')
  await expect(results.getByRole('row', { name: new RegExp(FULL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible()
  const stored = await apiOk<{ givenName: string; familyName: string }[]>(page, host, 'patients.search', { query: 'RTL-0001', limit: 1 })
  expect(stored[0]).toMatchObject({ givenName: GIVEN, familyName: FAMILY })
})

test('the signed consent PDF prints such names intact', async ({ page }) => {
  // Known gap, reported to the PDF owner: the embedded Noto Sans fonts have no
  // Arabic, Hebrew or emoji glyphs, so those characters are missing from the
  // PDF (pdftotext shows only "Zoë"). Either the PDF gains fonts (and RTL
  // shaping) for them or the patient form must refuse what cannot be printed.
  test.fixme(true, 'consent PDF drops Arabic, Hebrew and emoji characters (no glyphs in the embedded fonts)')
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
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')
  for (const part of ['Zoë', '🌸', 'الحسيني', 'כהן']) expect(text, part).toContain(part)
})
