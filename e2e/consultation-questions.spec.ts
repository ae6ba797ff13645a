// The patient's questions and understanding. A question flagged on a risk
// section must be answered by the clinician (a short note, after taking the
// screen back with the password) before the patient can review and sign; a
// wrong comprehension answer shows the relevant section again before the
// patient answers once more, and both attempts are recorded.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import type { RunningHost } from './support/host'
import {
  acknowledgeAll,
  answerAllComprehensionRight,
  answerComprehension,
  apiCall,
  consultationReadyForPatient,
  handToPatient,
  logInAsClinician,
  openPatient,
  patientHeading,
  reviewAndSign,
  startSeededHost,
  takeScreenBack,
} from './consultation-steps'

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

test('a flagged question must be answered before signing; a wrong answer sends the patient back to the section', async ({ page }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await openPatient(page, 'Tanaka', 'Aiko Tanaka')
  const consultationId = await consultationReadyForPatient(page, host, 'Aiko Tanaka')
  await handToPatient(page)

  // The first risk section: the patient asks a question instead of confirming.
  await expect(patientHeading(page)).toHaveText('Your goals and what to expect')
  await page.getByLabel('Your initials').fill('AT')
  await page.getByRole('button', { name: 'I understand' }).click()
  await expect(patientHeading(page)).toHaveText('When a shot does not work as planned')
  await page.getByRole('button', { name: 'I have a question' }).click()
  await page.getByLabel('Your question').fill('If my eyelid droops, can you fix it right away?')
  await expectAccessible(page, 'patient question')
  await screenshot(page, 'consultation-30-patient-question')
  await page.getByRole('button', { name: 'Save my question' }).click()
  // The flagged section waits for the answer; the patient goes on with the next one.
  await expect(patientHeading(page)).toHaveText('Common side effects')
  const acknowledged = await acknowledgeAll(page, 'AT')
  expect(acknowledged).not.toContain('When a shot does not work as planned')

  // Comprehension: a wrong answer first.
  const question = await answerComprehension(page, 'wrong')
  expect(question).toBe('When will the full effect most likely show?')
  await expect(page.getByText('That answer is not quite right. Please read this part again.')).toBeVisible()
  await expect(patientHeading(page)).toHaveText('Your goals and what to expect')
  await expect(page.getByText('The full effect shows at about 2 weeks.')).toBeVisible()
  await expectAccessible(page, 'revisit after a wrong answer')
  await screenshot(page, 'consultation-31-revisit')
  await page.getByRole('button', { name: 'I have read it again' }).click()
  await expect(page.getByText('Now please answer the question again.')).toBeVisible()
  await expect(page.getByRole('group', { name: question })).toBeVisible()
  await answerAllComprehensionRight(page)

  // With the question open, the patient cannot go on to the review and signing.
  await expect(patientHeading(page)).toHaveText('The clinician will answer your questions')
  await expect(page.getByText('If my eyelid droops, can you fix it right away?')).toBeVisible()
  await expectAccessible(page, 'questions waiting')
  await screenshot(page, 'consultation-32-hand-back-for-questions')
  const refused = await apiCall(page, host, 'consultation.confirmReview', { consultationId, confirmed: true })
  expect(refused.body.ok).toBe(false)
  expect(refused.body.error?.message).toMatch(/answer your questions/)

  // The clinician takes the screen back and answers with a short note.
  await page.getByRole('button', { name: 'Hand back to clinician' }).last().click()
  const dialog = page.getByRole('dialog', { name: 'Hand the screen back' })
  await dialog.getByLabel("Clinician's password").fill('clinician-demo-2026')
  await dialog.getByRole('button', { name: 'Take the screen back' }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'The patient has 1 question' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Hand the screen back to the patient' })).toBeDisabled()
  await page
    .getByLabel('Your answer about When a shot does not work as planned (short note)')
    .fill('A droop fades as the product wears off; eye drops can help meanwhile. Call us and we will see you.')
  await expectAccessible(page, 'answering a question')
  await screenshot(page, 'consultation-33-answer-question')
  await page.getByRole('button', { name: 'Save answer' }).click()
  await expect(page.getByRole('heading', { level: 3, name: /question/ })).toHaveCount(0)
  await handToPatient(page)

  // The patient sees the answer, confirms the section, and can now sign.
  await expect(patientHeading(page)).toHaveText('When a shot does not work as planned')
  await expect(page.getByText("The clinician's answer: A droop fades", { exact: false })).toBeVisible()
  await page.getByLabel('Your initials').fill('AT')
  await page.getByRole('button', { name: 'I understand' }).click()
  await reviewAndSign(page, 'Aiko Tanaka')
  await takeScreenBack(page)
  await expect(page.getByRole('heading', { level: 2, name: 'Sign-off' })).toBeVisible()

  // Every attempt is recorded: the wrong one and the right one.
  const history = await apiCall<{ kind: string; questionId?: string; correct?: boolean; note?: string }[]>(page, host, 'consultation.history', { consultationId })
  const attempts = history.body.value!.filter((e) => e.kind === 'comprehension_answered' && e.questionId === 'q-onset')
  expect(attempts.map((a) => a.correct)).toEqual([false, true])
  expect(history.body.value!.filter((e) => e.kind === 'flagged')).toHaveLength(1)
  expect(history.body.value!.find((e) => e.kind === 'flag_answered')?.note).toMatch(/^A droop fades/)
})
