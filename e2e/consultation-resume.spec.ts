// The host is killed (SIGKILL, no chance to tidy up) in the middle of a
// consultation, twice: once in the clinician's part and once while the
// patient holds the screen. Restarted on the same data folder, the
// consultation is listed as in progress and resumes at the first step not yet
// done, with everything given so far intact.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import { startHost, type RunningHost } from './support/host'
import {
  acknowledgeCurrentSection,
  answerAllScreeningNo,
  clinicianPhase,
  handToPatient,
  logInAsClinician,
  markDiscussed,
  openPatient,
  patientHeading,
  startConsultation,
  startSeededHost,
} from './consultation-steps'

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

/** Kills the host, starts it again on the same data, logs in and resumes: from the home screen, or from the patient's page. */
async function restartAndResume(page: Page, from: 'home' | 'patient'): Promise<void> {
  await host.kill()
  host = await startHost(host.dataDir)
  await logInAsClinician(page, host.url)
  if (from === 'home') {
    const inProgress = page.getByRole('region', { name: 'A consultation is in progress' })
    await expect(inProgress).toContainText('Hans Müller')
    await expectAccessible(page, 'patients screen with a consultation in progress')
    await inProgress.getByRole('button', { name: /Resume the consultation with Hans Müller/ }).click()
  } else {
    await openPatient(page, 'Müller', 'Hans Müller')
    await expect(page.locator('.cn-consultation-list').getByText('In progress', { exact: true })).toBeVisible()
    await page.getByRole('button', { name: /Resume the consultation started/ }).click()
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation: Hans Müller' })).toBeVisible()
}

test('a consultation survives the host being killed and resumes where it stood', async ({ page }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await openPatient(page, 'Müller', 'Hans Müller')
  await startConsultation(page, 'Hans Müller')
  await markDiscussed(page)
  await answerAllScreeningNo(page)
  await markDiscussed(page)
  await expect(page.getByRole('heading', { level: 2, name: 'Your goals and what to expect' })).toBeVisible()
  await page.getByLabel("The patient's goals, in their own words").fill('Weniger Sorgenfalten, natürlich aussehen.')
  await page.getByRole('checkbox', { name: 'Lines across the forehead' }).check()
  await page.getByRole('checkbox', { name: /has heard and accepts the realistic timeline/ }).check()
  await page.getByRole('button', { name: 'Save expectations' }).click()
  await expect(page.getByText(/^Recorded /)).toBeVisible()

  // Killed in the clinician's part: the expectations were saved, not yet discussed.
  await restartAndResume(page, 'home')
  await expect(page.getByRole('heading', { level: 2, name: 'Your goals and what to expect' })).toBeVisible()
  await expect(page.locator('[aria-current="step"]')).toContainText('Your goals and what to expect')
  await expect(page.getByLabel("The patient's goals, in their own words")).toHaveValue('Weniger Sorgenfalten, natürlich aussehen.')
  await expect(page.getByRole('checkbox', { name: 'Lines across the forehead' })).toBeChecked()
  await expect(page.getByText('2 of 15 steps done')).toBeVisible()
  await expectAccessible(page, 'resumed consultation')
  await screenshot(page, 'consultation-50-resumed')
  // What came before is intact: the screening answers are all there.
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Your health and allergies' })).toBeVisible()
  await expect(page.locator('.cn-screening').getByText(/^Answer saved/)).toHaveCount(13)
  await page.getByRole('button', { name: 'Next section' }).click()

  await clinicianPhase(page)
  await handToPatient(page)
  const first = await acknowledgeCurrentSection(page, 'HM')
  const second = await acknowledgeCurrentSection(page, 'HM')
  const third = await patientHeading(page).innerText()

  // Killed while the patient holds the screen: two sections confirmed, the third open.
  await restartAndResume(page, 'patient')
  await expect(page.getByRole('heading', { level: 2, name: "The patient's part" })).toBeVisible()
  await expect(page.getByText('So far the patient has confirmed 2 of 8 sections and answered 0 of 5 check questions.')).toBeVisible()
  await handToPatient(page)
  await expect(patientHeading(page)).toHaveText(third)
  await expect(page.getByText('Step 3 of 17')).toBeVisible()
  expect([first, second]).toEqual(['Your goals and what to expect', 'When a shot does not work as planned'])
})
