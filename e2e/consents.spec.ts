// The staff desk, end to end: a front-desk user of the demo clinic (seeded by
// the admin command line, which signs one consultation off for real) finds the
// signed consent by part of the patient's name, opens its preview, saves it,
// and the saved file is exactly the stored document (same SHA-256).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { logIn } from './support/app'
import { startHost } from './support/host'
import { screenshot } from './support/screenshots'
import { seededDataDir } from './consultation-steps'

const STAFF = { username: 'sam', password: 'staff-demo-2026' }

test('staff find a signed consent by part of the name, preview it and save exactly the stored PDF', async ({ page }) => {
  const host = await startHost(seededDataDir())
  try {
    await page.goto(host.url)
    await logIn(page, STAFF.username, STAFF.password)

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Signed consents' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Signed consents' })).toBeVisible()
    // Part of the family name, typed without its accents.
    await page.getByRole('searchbox', { name: 'Patient name or record number' }).fill('nunez')
    const results = page.getByRole('table', { name: 'Signed consents found' })
    const row = results.getByRole('row', { name: /Zoë Ñúñez-Øberg/ })
    await expect(row).toBeVisible()
    await expect(row).toContainText('MRN-1001')
    await expect(row).toContainText('Signed')
    await expectAccessible(page, 'signed consents')
    await screenshot(page, 'consents-search')

    await row.getByRole('button', { name: 'Zoë Ñúñez-Øberg' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Consent of Zoë Ñúñez-Øberg' })).toBeVisible()
    const storedSha256 = (await page.getByTestId('consent-sha256').innerText()).trim()
    expect(storedSha256).toMatch(/^[0-9a-f]{64}$/)

    await page.getByRole('button', { name: 'Open preview' }).click()
    const preview = page.locator('iframe[title^="Preview of consent-MRN-1001"]')
    await expect(preview).toBeVisible()
    expect(await preview.getAttribute('src')).toMatch(/^blob:/)
    await expectAccessible(page, 'consent detail')
    await screenshot(page, 'consent-detail')

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save PDF' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^consent-MRN-1001-consultation-\d+-\d{4}-\d{2}-\d{2}\.pdf$/)
    const saved = readFileSync((await download.path())!)
    expect(saved.subarray(0, 5).toString()).toBe('%PDF-')
    expect(createHash('sha256').update(saved).digest('hex')).toBe(storedSha256)

    // The save is in the consultation's history, by the staff member.
    // In <main>: the screen-reader announcer repeats the same words outside it.
    await expect(page.getByRole('main').getByText(/Saved as consent-MRN-1001/)).toBeVisible()
    const history = page.getByRole('table').filter({ hasText: 'What happened' })
    await expect(history.getByRole('row', { name: /PDF saved \(downloaded\).*Sam Reyes/ })).toBeVisible()
    await expect(history.getByRole('row', { name: /Signed off by the clinician/ })).toBeVisible()
  } finally {
    await host.stop()
  }
})
