// The patient may decline to sign on screen: the choice is recorded, their
// part ends there (they sign the printed consent in ink), and the clinician
// signs off as usual. The clinician's drawn signature is kept as evidence:
// every stroke point with its time and pressure, and the PNG as drawn, on a
// high-density screen where the pad's bitmap follows the pixel ratio.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import type { RunningHost } from './support/host'
import {
  acknowledgeAll,
  answerAllComprehensionRight,
  apiOk,
  consultationReadyForPatient,
  handToPatient,
  logInAsClinician,
  openPatient,
  patientHeading,
  signaturePad,
  signOff,
  startSeededHost,
  takeScreenBack,
} from './consultation-steps'

test.use({ deviceScaleFactor: 2 })

let host: RunningHost
test.afterEach(async () => {
  await host?.stop()
})

test('a patient who prefers paper declines signing on screen; the clinician signs off and the strokes are kept', async ({ page }) => {
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await openPatient(page, 'García', 'José García Pérez')
  const consultationId = await consultationReadyForPatient(page, host, 'José García Pérez')
  await handToPatient(page)
  await acknowledgeAll(page, 'JGP')
  await answerAllComprehensionRight(page)
  await page.getByRole('checkbox', { name: /What this summary says is true/ }).check()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(patientHeading(page)).toHaveText('Signing on this screen')
  await expectAccessible(page, 'e-signature choice')
  await screenshot(page, 'consultation-70-esignature-choice')
  await page.getByRole('button', { name: 'I would rather sign on paper' }).click()
  await expect(patientHeading(page)).toHaveText('Thank you')
  await expect(page.getByText('You chose to sign on paper. The clinician will print the form for you to sign.')).toBeVisible()
  await expect(page.getByRole('img', { name: /Sign here/ })).toHaveCount(0)
  await takeScreenBack(page)

  await expect(page.getByText('The patient chose to sign on paper.', { exact: false })).toBeVisible()
  // The pad's bitmap follows the screen's pixel ratio, so strokes land under the pointer, sharp.
  const pad = signaturePad(page, 'Your signature')
  const size = await pad.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight }))
  expect(size.w).toBe(Math.round(size.cw * 2))
  expect(size.h).toBe(Math.round(size.ch * 2))
  await signOff(page)
  await expect(page.getByRole('list', { name: 'History' })).toContainText('The patient chose to sign on paper')

  const record = await apiOk<{ paper: boolean; signatures: { role: string; strokes: { x: number; y: number; t: number; pressure?: number }[][]; imagePng: string }[] }>(
    page,
    host,
    'consultation.record',
    { consultationId },
  )
  expect(record.paper).toBe(true)
  expect(record.signatures.map((s) => s.role)).toEqual(['clinician'])
  const sig = record.signatures[0]!
  expect(sig.strokes).toHaveLength(2)
  const points = sig.strokes.flat()
  expect(points.length).toBeGreaterThan(20)
  const times = points.map((p) => p.t)
  expect(times[0]).toBe(0)
  expect([...times].sort((a, b) => a - b)).toEqual(times)
  for (const p of points) {
    expect(p.x).toBeGreaterThanOrEqual(0)
    expect(p.x).toBeLessThanOrEqual(size.cw)
    expect(p.y).toBeGreaterThanOrEqual(0)
    expect(p.y).toBeLessThanOrEqual(size.ch)
    expect(p.pressure).toBeGreaterThanOrEqual(0)
    expect(p.pressure).toBeLessThanOrEqual(1)
  }
  expect(sig.imagePng).toMatch(/^data:image\/png;base64,/)
})
