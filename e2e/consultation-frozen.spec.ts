// A signed-off consultation is frozen. Its screen is read-only (no step can
// be taken again), and a change sent straight to the API, with the page's own
// token and session, is refused with a clear error. Only new events remain
// possible: an addendum is accepted and shows in the history.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import type { RunningHost } from './support/host'
import {
  apiCall,
  apiOk,
  clinicianPartThroughApi,
  CLINICIAN,
  isoInDays,
  logInAsClinician,
  openPatient,
  patientPartThroughApi,
  signaturePng,
  startConsultation,
  startSeededHost,
  syntheticStrokes,
} from './consultation-steps'

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

test('a change to a signed-off consultation through the API is refused with a clear error', async ({ page, request }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await openPatient(page, 'Sørensen', 'Björn Sørensen')
  await startConsultation(page, 'Björn Sørensen')
  const [started] = await apiOk<{ id: number }[]>(page, host, 'consultation.listInProgress', {})
  const consultationId = started!.id
  await clinicianPartThroughApi(page, host, consultationId)
  await patientPartThroughApi(page, host, consultationId, 'Björn Sørensen')
  const png = await signaturePng(page)
  await apiOk(page, host, 'consultation.signOff', {
    consultationId,
    password: CLINICIAN.password,
    strokes: syntheticStrokes(),
    imagePng: png,
    statementConfirmed: true,
  })

  // The screen: read-only, signed off, nothing to take again.
  await page.getByRole('button', { name: 'Back to the patient' }).click()
  await page.getByRole('button', { name: /Open the consultation started/ }).click()
  await expect(page.getByText('This consultation is signed off. It cannot be changed.', { exact: false })).toBeVisible()
  for (const name of ['Mark as discussed', 'Save answer', 'Save treatment plan', 'Sign off', 'End as not treated', /Hand the screen/])
    await expect(page.getByRole('button', { name })).toHaveCount(0)
  await expectAccessible(page, 'frozen consultation')
  await screenshot(page, 'consultation-60-frozen')

  // Changes straight through the API, with the page's token and session cookie.
  const attempts: [string, Record<string, unknown>][] = [
    ['consultation.recordScreeningAnswer', { questionId: 'allergy-toxin', answer: 'yes', details: 'changed after signing' }],
    [
      'consultation.saveTreatmentPlan',
      { productId: 'onabotulinumtoxina', lotNumber: 'X1', expiryDate: isoInDays(100), dilution: { vialUnits: 100, diluentMl: 2.5 }, sites: [{ site: 'Forehead', units: 40 }] },
    ],
    ['consultation.markSectionDiscussed', { sectionId: 'welcome' }],
    ['consultation.endNotTreated', { reason: 'Trying to undo the consent' }],
    ['consultation.signOff', { password: CLINICIAN.password, strokes: syntheticStrokes(), imagePng: png, statementConfirmed: true }],
  ]
  for (const [name, input] of attempts) {
    const r = await apiCall(page, host, name, { consultationId, ...input })
    expect(r.body.ok, name).toBe(false)
    expect(r.status, name).toBe(409)
    expect(r.body.error?.code, name).toBe('frozen')
    // A plain sentence, not a stack trace or a code.
    expect(r.body.error?.message, name).toMatch(/^This consultation is (signed off|already finished) and cannot be (changed|signed off again)\./)
  }
  // Without a logged-in session (another client holding only the token) it is refused outright.
  const anonymous = await request.post(`${host.origin}/api/consultation.endNotTreated`, {
    headers: { Authorization: `Bearer ${host.token}` },
    data: { consultationId, reason: 'x' },
  })
  expect(anonymous.status()).toBe(401)
  expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthenticated')

  // Nothing changed: the record still says what was signed.
  const state = await apiOk<{ status: string; screening: { questionId: string; answer: string }[]; plan: { totalUnits: number } }>(page, host, 'consultation.get', {
    consultationId,
  })
  expect(state.status).toBe('signed_off')
  expect(state.screening.find((a) => a.questionId === 'allergy-toxin')?.answer).toBe('no')
  expect(state.plan.totalUnits).toBe(20)

  // New events are still possible: an addendum, shown in the history.
  await page.getByRole('button', { name: 'Add addendum…' }).click()
  await page.getByLabel('Addendum text').fill('Review at two weeks booked.')
  await page.getByRole('button', { name: 'Add addendum' }).click()
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Addendum: Review at two weeks booked.')
})
