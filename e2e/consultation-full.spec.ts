// A whole consultation, the way the clinician and the patient go through it:
// a new patient, every section discussed, the plan (an expired lot refused
// first), the screen handed to the patient, every risk acknowledged with
// initials, the comprehension check, review, agreement to sign on screen, a
// signature drawn with the mouse (a trivial mark and a wrong name refused
// first), the screen taken back with the password, the clinician's sign-off,
// and then a withdrawal of consent and an addendum in the history.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import type { RunningHost } from './support/host'
import {
  acknowledgeAll,
  answerAllComprehensionRight,
  clinicianPhase,
  drawSignature,
  drawTrivialMark,
  handToPatient,
  logInAsClinician,
  registerPatient,
  patientHeading,
  signaturePad,
  signOff,
  startConsultation,
  startSeededHost,
  takeScreenBack,
} from './consultation-steps'

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

test('a new patient goes through a whole consultation to sign-off, then withdraws consent', async ({ page }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await registerPatient(page, { givenName: 'Maëlle', familyName: 'Dubois-Ortega', dateOfBirth: '1989-05-21', recordNumber: 'MRN-2201' })

  // The patient's page offers the consultation and lists none yet.
  await expect(page.getByText('No consultations yet.')).toBeVisible()
  await expectAccessible(page, 'patient page')
  await startConsultation(page, 'Maëlle Dubois-Ortega')
  await expect(page.getByRole('navigation', { name: 'Consultation steps' })).toBeVisible()
  await expect(page.locator('[aria-current="step"]')).toContainText('What we will talk about today')
  await expectAccessible(page, 'first section')
  await screenshot(page, 'consultation-01-first-section')

  // Back works: discuss the first section, go back to it, and on again.
  await page.getByRole('button', { name: 'Mark as discussed' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Your health and allergies' })).toBeVisible()
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'What we will talk about today' })).toBeVisible()
  await expect(page.getByText(/^Discussed /)).toBeVisible()
  await page.getByRole('button', { name: 'Next section' }).click()

  await clinicianPhase(page, { shoot: true, tryExpiredLot: true })
  await expect(page.getByText('13 of 15 steps done')).toBeVisible()
  await expectAccessible(page, 'hand over')
  await screenshot(page, 'consultation-05-hand-over')

  await handToPatient(page)
  await expect(patientHeading(page)).toHaveText('Your goals and what to expect')
  await expectAccessible(page, 'patient mode')
  await screenshot(page, 'consultation-06-patient-risk')
  // Initials that are not initials are refused at the field.
  await page.getByLabel('Your initials').fill('12')
  await page.getByRole('button', { name: 'I understand' }).click()
  await expect(page.getByText('Please write 1 to 5 letters', { exact: false })).toBeVisible()

  const acknowledged = await acknowledgeAll(page, 'MDO')
  expect(acknowledged).toContain('A rare but serious risk: the medicine spreading')
  expect(acknowledged).toHaveLength(8) // every section of the script that asks for initials
  await answerAllComprehensionRight(page)

  // Review, then signing: a trivial mark and someone else's name are refused.
  await expect(patientHeading(page)).toHaveText('Check what we recorded')
  await expectAccessible(page, 'patient review')
  await screenshot(page, 'consultation-07-patient-review')
  await expect(page.getByText('Initials MDO', { exact: false }).first()).toBeVisible()
  await page.getByRole('checkbox', { name: /What this summary says is true/ }).check()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByText('You can also have a paper copy', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'I agree to sign on this screen' }).click()
  await expect(patientHeading(page)).toHaveText('Your signature')
  await page.getByLabel('Your full name').fill('Maelle Dubois')
  await drawTrivialMark(page, signaturePad(page, 'Sign here'))
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(page.getByText(/too (short|small) to be a signature/)).toBeVisible()
  await page.getByRole('button', { name: 'Clear' }).click()
  await drawSignature(page, signaturePad(page, 'Sign here'))
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(page.getByText(/the screen may have been handed to the wrong person/)).toBeVisible()
  await page.getByLabel('Your full name').fill('maelle dubois-ortega')
  await expectAccessible(page, 'patient signature')
  await screenshot(page, 'consultation-08-patient-signature')
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(patientHeading(page)).toHaveText('Thank you')

  // An optional witness signs too.
  await page.getByRole('button', { name: 'A witness will sign too' }).click()
  await page.getByLabel("Witness's full name").fill('Jonas Weber')
  await drawSignature(page, signaturePad(page, "Witness's signature"))
  await page.getByRole('button', { name: 'Sign as witness' }).click()
  await expect(page.getByText('The witness has signed.')).toBeVisible()
  await expectAccessible(page, 'patient done')
  await screenshot(page, 'consultation-08b-patient-done')

  // Hand back: a wrong password keeps the patient's screen.
  await takeScreenBack(page, 'not-the-password')
  await expect(page.getByText('That password is not right', { exact: false })).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Hand the screen back' })).toBeVisible()
  await page.getByRole('button', { name: 'Stay with the patient' }).click()
  await takeScreenBack(page)

  await signOff(page, { shoot: true })
  await expectAccessible(page, 'signed-off consultation')
  await expect(page.getByRole('img', { name: /Signature of the Patient/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /Signature of the Clinician/ })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Signature of the Witness, Jonas Weber' })).toBeVisible()
  await screenshot(page, 'consultation-10-signed-off')

  // After sign-off only new events: a withdrawal and an addendum, both in the history.
  await page.getByRole('button', { name: 'Withdraw consent…' }).click()
  await page.getByLabel("The patient's reason").fill('Changed her mind after talking with her family.')
  await page.getByRole('button', { name: 'Record withdrawal of consent' }).click()
  await expect(page.getByText('Consent withdrawn:', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Add addendum…' }).click()
  await page.getByLabel('Addendum text').fill('Patient phoned the next day; no treatment given.')
  await page.getByRole('button', { name: 'Add addendum' }).click()
  const history = page.getByRole('list', { name: 'History' })
  await expect(history).toContainText('Consent withdrawn: Changed her mind after talking with her family.')
  await expect(history).toContainText('Addendum: Patient phoned the next day; no treatment given.')
  await expectAccessible(page, 'history')
  await screenshot(page, 'consultation-11-history')

  // The patient's page lists the consultation with its status.
  await page.getByRole('button', { name: 'Back to the patient' }).click()
  await expect(page.getByText(/^Consent withdrawn · /)).toBeVisible()
  await expect(page.getByRole('button', { name: /Open the consultation started/ })).toBeVisible()
})
