// The administrator's Maintenance screen, through the real UI: the record is
// checked and holds, a backup is refused with mismatched or short passphrases
// and then made, and restoring it refuses a wrong passphrase and an
// unconfirmed form, then brings the clinic back (a patient added after the
// backup is gone) and logs everyone out. Every state is audited with axe.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import { startSeededHost } from './consultation-steps'
import type { RunningHost } from './support/host'
import { addPatient, logIn, logOut, searchPatients } from './support/app'

const ADMIN = { username: 'admin', password: 'admin-demo-2026' }
const CLINICIAN = { username: 'vbeer', password: 'clinician-demo-2026' }
const PASSPHRASE = 'harbour lantern quiet seventeen'

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

test('an administrator checks the record, makes a backup and restores it', async ({ page }) => {
  host = await startSeededHost()
  await page.goto(host.url)
  await logIn(page, ADMIN.username, ADMIN.password)
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Maintenance' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Maintenance' })).toBeVisible()
  await expectAccessible(page, 'maintenance')

  await page.getByRole('button', { name: 'Check the record now' }).click()
  await expect(page.getByRole('main').getByText('The record holds.')).toBeVisible()
  await expect(page.getByRole('main').getByText(/^Verified: database file intact/)).toBeVisible()
  const checks = page.getByRole('table', { name: 'What was checked' })
  await expect(checks.getByRole('row', { name: /The audit trail is complete and unaltered Passed/ })).toBeVisible()
  await expectAccessible(page, 'maintenance verified')
  await screenshot(page, 'maintenance-01-verified')

  // Backup: mismatched, then too short, then good.
  await page.getByLabel('Backup passphrase').fill(PASSPHRASE)
  await page.getByLabel('Passphrase again').fill(`${PASSPHRASE}x`)
  await page.getByRole('button', { name: 'Make a backup' }).click()
  await expect(page.getByRole('main').getByText('The two passphrases are not the same.')).toBeVisible()
  await expect(page.getByLabel('Passphrase again')).toBeFocused()
  await page.getByLabel('Backup passphrase').fill('short')
  await page.getByLabel('Passphrase again').fill('short')
  await page.getByRole('button', { name: 'Make a backup' }).click()
  await expect(page.getByRole('main').getByText('The passphrase must be at least 12 characters long.')).toBeVisible()
  await expect(page.getByLabel('Backup passphrase')).toBeFocused()
  await page.getByLabel('Backup passphrase').fill(PASSPHRASE)
  await page.getByLabel('Passphrase again').fill(PASSPHRASE)
  await page.getByRole('button', { name: 'Make a backup' }).click()
  await expect(page.getByRole('main').getByText(/^Backup made: derm-consent-.*\.dcbackup/)).toBeVisible()
  const backups = page.getByRole('table', { name: 'Backups, newest first' })
  await expect(backups.getByRole('row')).toHaveCount(2)
  await expectAccessible(page, 'backup made')
  await screenshot(page, 'maintenance-02-backup-made')
  await logOut(page)

  // After the backup, the clinician registers a patient.
  await logIn(page, CLINICIAN.username, CLINICIAN.password)
  await addPatient(page, { givenName: 'Ingrid', familyName: 'Afterwards', dateOfBirth: '1990-02-03', recordNumber: 'AFTER-0001' })
  await logOut(page)

  // Restore: a wrong passphrase, then unconfirmed, then done.
  await logIn(page, ADMIN.username, ADMIN.password)
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Maintenance' }).click()
  await backups.getByRole('button', { name: /^Restore derm-consent-/ }).click()
  await expect(page.getByRole('heading', { level: 3, name: /^Restore derm-consent-/ })).toBeVisible()
  await page.getByLabel("The backup's passphrase").fill('not the passphrase at all')
  await page.getByRole('checkbox', { name: /I understand that everything recorded since/ }).check()
  await page.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByRole('main').getByText('That passphrase does not open this backup.')).toBeVisible()
  await page.getByLabel("The backup's passphrase").fill(PASSPHRASE)
  await page.getByRole('checkbox', { name: /I understand that everything recorded since/ }).uncheck()
  await page.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Please tick the box to confirm.' })).toBeVisible()
  await expectAccessible(page, 'restore form')
  await screenshot(page, 'maintenance-03-restore')
  await page.getByRole('checkbox', { name: /I understand that everything recorded since/ }).check()
  await page.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByRole('main').getByText(/^Restored the backup made on .*The record was checked and holds\.$/)).toBeVisible()
  await expect(page.getByRole('main').getByText(/^The data that was replaced is kept in .*previous/)).toBeVisible()
  await expectAccessible(page, 'restored')
  await page.getByRole('button', { name: 'Log in again' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()

  // The clinic is as it was at the backup: the later patient is not there.
  await logIn(page, CLINICIAN.username, CLINICIAN.password)
  await searchPatients(page, 'afterwards')
  await expect(page.getByRole('main').getByText('No patient matches.', { exact: false })).toBeVisible()
})

test('the Maintenance screen is for administrators only', async ({ page }) => {
  host = await startSeededHost()
  await page.goto(host.url)
  await logIn(page, CLINICIAN.username, CLINICIAN.password)
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Maintenance' })).toHaveCount(0)
})
