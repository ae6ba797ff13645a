// A contraindication stops the path to signing: the patient reports a known
// allergy to an ingredient of the toxin products. The screen explains it in
// plain words, offers only "End as not treated" with a reason, and the core
// refuses to hand the screen to the patient. The consultation ends as not
// treated, frozen, with the reason in its history.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import type { RunningHost } from './support/host'
import { answerScreening, apiCall, logInAsClinician, markDiscussed, openPatient, startConsultation, startSeededHost } from './consultation-steps'

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

test('a known allergy to a toxin ingredient blocks signing and the consultation ends as not treated', async ({ page }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await openPatient(page, 'Mensah', 'Kwame Mensah')
  await startConsultation(page, 'Kwame Mensah')
  await markDiscussed(page)
  await expect(page.getByRole('heading', { level: 2, name: 'Your health and allergies' })).toBeVisible()

  // A caution first: it asks for a decision, which is recorded.
  await answerScreening(page, /Do you take blood thinners/, 'Yes', 'Fish oil daily')
  const caution = page.locator('.cn-notice--caution')
  await expect(caution.getByText('Record your decision before going on.')).toBeVisible()
  await caution.getByRole('radio', { name: /Treat as planned: higher bruising risk explained/ }).check()
  await caution.getByLabel('Reason for the decision').fill('Bruising risk explained; patient accepts.')
  await caution.getByRole('button', { name: 'Record decision' }).click()
  await expect(caution.getByText(/^Decision recorded/)).toBeVisible()

  // "Yes" with details is required; then the contraindication stops everything.
  const allergy = page.getByRole('group', { name: /Are you allergic to any part of these products/ })
  await allergy.getByRole('radio', { name: 'Yes', exact: true }).check()
  await allergy.getByRole('button', { name: 'Save answer' }).click()
  await expect(allergy.getByLabel('Details')).toHaveAttribute('aria-invalid', 'true')
  await expect(allergy.getByText('Please fill this in.')).toBeVisible()
  await allergy.getByLabel('Details').fill('Anaphylaxis to human albumin (2019)')
  await allergy.getByRole('button', { name: 'Save answer' }).click()

  const stop = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Treatment cannot go ahead' }) })
  await expect(stop).toBeVisible()
  await expect(stop).toContainText('Anaphylaxis to human albumin (2019)')
  await expect(page.getByRole('navigation', { name: 'Consultation steps' }).getByText('Blocked')).toHaveCount(2)
  // Nothing leads on to the patient or to signing; the only action is ending it.
  await expect(page.getByRole('button', { name: /Hand the screen/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Mark as discussed' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign off' })).toHaveCount(0)
  await expectAccessible(page, 'contraindication')
  await screenshot(page, 'consultation-20-contraindication')

  // The core refuses the way on too, whatever the screen shows.
  const list = (await apiCall<{ id: number }[]>(page, host, 'consultation.listInProgress', {})).body.value!
  const handOver = await apiCall(page, host, 'consultation.enterPatientMode', { consultationId: list[0]!.id })
  expect(handOver.body.ok).toBe(false)
  expect(handOver.body.error?.message).toMatch(/cannot go ahead/)

  // A reason is required.
  await page.getByRole('button', { name: 'End as not treated' }).click()
  await expect(page.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Reason').fill('Known allergy to human albumin: treatment contraindicated. Alternatives discussed.')
  await page.getByRole('button', { name: 'End as not treated' }).click()

  await expect(page.getByText('Ended: not treated', { exact: true })).toBeVisible()
  await expect(page.getByText('This consultation has ended. It cannot be changed.', { exact: false })).toBeVisible()
  const history = page.getByRole('list', { name: 'History' })
  await expect(history).toContainText('Ended as not treated: Known allergy to human albumin')
  await expectAccessible(page, 'not treated')
  await screenshot(page, 'consultation-21-not-treated')

  // The patient's page shows it as not treated.
  await page.getByRole('button', { name: 'Back to the patient' }).click()
  await expect(page.getByText(/^Ended: not treated · /)).toBeVisible()
})
