// Patient mode holds: while the patient has the screen, the menu, other
// patients and settings are neither drawn nor reachable (not by Tab, not by
// reloading, not through the API), and only the clinician's password gives
// the screen back; a wrong password leaves it with the patient.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import type { RunningHost } from './support/host'
import { apiCall, consultationReadyForPatient, handToPatient, logInAsClinician, openPatient, patientHeading, startSeededHost } from './consultation-steps'

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

test('patient mode cannot be left without the clinician’s password, and nothing else is reachable', async ({ page }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await openPatient(page, 'Raghunathan', 'Priya Raghunathan')
  const consultationId = await consultationReadyForPatient(page, host, 'Priya Raghunathan')
  await handToPatient(page)
  await expect(patientHeading(page)).toHaveText('Your goals and what to expect')

  const shellGone = async () => {
    await expect(page.getByRole('navigation', { name: 'Main menu' })).toHaveCount(0)
    for (const name of ['Patients', 'Users', 'Settings', 'Lock', 'Log out', 'Back to the patient']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0)
    await expect(page.getByText('Raghunathan', { exact: false })).toHaveCount(0) // the patient's own family name is not needed on screen
  }
  await shellGone()
  await expectAccessible(page, 'patient mode')
  await screenshot(page, 'consultation-40-patient-mode')

  // Tab through the whole page: focus only ever lands on the patient's own controls.
  const seen: string[] = []
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab')
    const where = await page.evaluate(() => {
      const el = document.activeElement
      if (!el || el === document.body) return { inside: true, name: '(page)' }
      const name = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim() || el.tagName
      const label = el.id ? (document.querySelector(`label[for="${el.id}"]`) as HTMLElement | null)?.innerText : undefined
      return { inside: Boolean(el.closest('.cn-patient-mode')), name: label ?? name }
    })
    expect(where.inside, `focus left the patient's screen at ${where.name}`).toBe(true)
    seen.push(where.name)
  }
  expect(seen).toContain('Hand back to clinician')
  expect(seen).toContain('Your initials')
  expect(seen).toContain('I understand')
  for (const forbidden of ['Patients', 'Log out', 'Lock', 'Settings']) expect(seen).not.toContain(forbidden)

  // Reloading the page does not leave patient mode.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Hand back to clinician' })).toBeVisible()
  await expect(patientHeading(page)).toHaveText('Your goals and what to expect')
  await shellGone()

  // The core refuses everything else while the patient holds the screen.
  const search = await apiCall(page, host, 'patients.search', { query: 'a', limit: 5 })
  expect(search.status).toBe(423)
  expect(search.body.error?.code).toBe('patient_mode')
  const logout = await apiCall(page, host, 'session.logout', {})
  expect(logout.body.error?.code).toBe('patient_mode')
  const other = await apiCall(page, host, 'consultation.get', { consultationId: consultationId + 1000 })
  expect(other.body.ok).toBe(false)

  // A wrong password keeps the patient's screen, with a clear message.
  await page.getByRole('button', { name: 'Hand back to clinician' }).click()
  const dialog = page.getByRole('dialog', { name: 'Hand the screen back' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Take the screen back' }).click()
  await expect(dialog.getByText('Please enter the password.')).toBeVisible()
  await dialog.getByLabel("Clinician's password").fill('guess-123456')
  await dialog.getByRole('button', { name: 'Take the screen back' }).click()
  await expect(dialog.getByText('That password is not right. Nothing was changed.')).toBeVisible()
  await expectAccessible(page, 'hand-back dialog')
  await screenshot(page, 'consultation-41-wrong-password')
  // Escape closes the dialog; the screen is still the patient's.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(patientHeading(page)).toHaveText('Your goals and what to expect')
  await shellGone()
  const stillRefused = await apiCall(page, host, 'patients.search', { query: 'a', limit: 5 })
  expect(stillRefused.body.error?.code).toBe('patient_mode')

  // The clinician's password gives the screen back, to this consultation.
  await page.getByRole('button', { name: 'Hand back to clinician' }).click()
  await dialog.getByLabel("Clinician's password").fill('clinician-demo-2026')
  await dialog.getByRole('button', { name: 'Take the screen back' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation: Priya Raghunathan' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible()
  expect((await apiCall(page, host, 'patients.search', { query: 'a', limit: 5 })).body.ok).toBe(true)
})
