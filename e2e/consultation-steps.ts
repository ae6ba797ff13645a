// Shared steps of the consultation end-to-end specs (e2e/consultation*.spec.ts):
// a seeded demo clinic, the clinician's way through the sections, the
// patient's way through their steps, drawing a signature with the mouse. All
// by role and label, through the real host; each main screen is checked with
// axe and photographed into e2e/.artifacts/screenshots.
import { execFileSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { fillPatientForm, type NewPatient } from './support/app'
import { newDataDir, startHost, type RunningHost } from './support/host'
import { screenshot } from './support/screenshots'

const ROOT = resolve(import.meta.dirname, '..')

export const CLINICIAN = { username: 'vbeer', password: 'clinician-demo-2026', name: 'Dr. Victor Beer, dermatologist' }

/** A new data folder holding the demo clinic, made with the admin command line before the host starts. */
export function seededDataDir(): string {
  const dir = newDataDir()
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), 'seed-demo', '--data', dir], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'test' },
  })
  return dir
}

export async function startSeededHost(): Promise<RunningHost> {
  return startHost(seededDataDir())
}

export async function logInAsClinician(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
  await page.getByLabel('Username').fill(CLINICIAN.username)
  await page.getByLabel('Password').fill(CLINICIAN.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
}

/** Registers a new patient through the patients screen and lands on their page. */
export async function registerPatient(page: Page, p: NewPatient): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Patients' }).click()
  await page.getByRole('button', { name: 'Add patient' }).click()
  await fillPatientForm(page, p)
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${p.givenName} ${p.familyName}` })).toBeVisible()
}

/** Finds a patient through the search box and opens their page. */
export async function openPatient(page: Page, query: string, fullName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Patients' }).click()
  await page.getByRole('searchbox', { name: 'Find a patient' }).fill(query)
  const table = page.getByRole('table', { name: 'Matching patients' })
  await table
    .getByRole('row', { name: new RegExp(fullName) })
    .getByRole('button')
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible()
}

export async function startConsultation(page: Page, patientName: string): Promise<void> {
  await page.getByRole('button', { name: 'Start consultation' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Consultation: ${patientName}` })).toBeVisible()
}

/** The "Saved" line of the step just taken (an aria-live status). */
export async function expectSaved(page: Page): Promise<void> {
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .first(),
  ).toBeVisible()
}

export function currentSectionHeading(page: Page): Locator {
  return page.locator('.cn-step h2').first()
}

export async function markDiscussed(page: Page): Promise<void> {
  const title = await currentSectionHeading(page).innerText()
  await page.getByRole('button', { name: 'Mark as discussed' }).click()
  // The next section (or the patient's part) opens once the core has saved it.
  await expect(currentSectionHeading(page)).not.toHaveText(title)
}

/** Answers one screening question (the fieldset named by its text) and saves it. */
export async function answerScreening(page: Page, question: RegExp, answer: 'Yes' | 'No', details = ''): Promise<void> {
  const group = page.getByRole('group', { name: question })
  await group.getByRole('radio', { name: answer, exact: true }).check()
  if (details) await group.getByLabel('Details').fill(details)
  await group.getByRole('button', { name: /^Save (changed )?answer$/ }).click()
  await expect(group.getByText(/^Answer saved/)).toBeVisible()
}

export const SCREENING_QUESTIONS = 13

/** Answers every screening question "No" (the healthy path). */
export async function answerAllScreeningNo(page: Page): Promise<void> {
  const groups = page.locator('.cn-screening > fieldset')
  await expect(groups).toHaveCount(SCREENING_QUESTIONS)
  for (let i = 0; i < SCREENING_QUESTIONS; i++) {
    const g = groups.nth(i)
    await g.getByRole('radio', { name: 'No', exact: true }).check()
    await g.getByRole('button', { name: 'Save answer' }).click()
    await expect(g.getByText(/^Answer saved/)).toBeVisible()
  }
}

export async function fillExpectations(page: Page): Promise<void> {
  await page.getByLabel("The patient's goals, in their own words").fill('Look less tired and soften the frown between my eyebrows.')
  await page.getByRole('checkbox', { name: 'Frown lines between the eyebrows' }).check()
  await page.getByRole('checkbox', { name: /has heard and accepts the realistic timeline/ }).check()
  await page.getByRole('button', { name: 'Save expectations' }).click()
  await expectSaved(page)
}

export async function recordMedicationGuide(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'The patient took a copy' }).check()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expectSaved(page)
}

export function isoInDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000)
  return d.toISOString().slice(0, 10)
}

/** Fills and saves the plan: glabellar lines, 20 units over 5 points. */
export async function fillTreatmentPlan(page: Page, opts: { tryExpiredFirst?: boolean } = {}): Promise<void> {
  const product = page.getByLabel('Product')
  const value = await product.locator('option', { hasText: /^onabotulinumtoxinA/ }).getAttribute('value')
  await product.selectOption(value!)
  await page.getByLabel('Lot number').fill('C3709A')
  const sites = ['Procerus', 'Left corrugator, medial', 'Left corrugator, lateral', 'Right corrugator, medial', 'Right corrugator, lateral']
  for (let i = 0; i < sites.length; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Add a site' }).click()
    await page.getByLabel(`Injection site ${i + 1}`).fill(sites[i]!)
    await page.getByLabel(`Units at site ${i + 1}`).fill('4')
  }
  await expect(page.getByRole('cell', { name: '20 units' })).toBeVisible()
  if (opts.tryExpiredFirst) {
    await page.getByLabel('Expiry date').fill(isoInDays(-3))
    await page.getByRole('button', { name: 'Save treatment plan' }).click()
    await expect(page.getByText(/This lot expired on/)).toBeVisible()
    await expect(page.getByLabel('Expiry date')).toHaveAttribute('aria-invalid', 'true')
  }
  await page.getByLabel('Expiry date').fill(isoInDays(200))
  await page.getByRole('button', { name: 'Save treatment plan' }).click()
  await expect(page.getByText(/Plan saved .*20 units in total/)).toBeVisible()
}

/**
 * The clinician's part, from wherever it stands to "The patient's part":
 * every section is opened, its form filled, and marked as discussed.
 */
export async function clinicianPhase(page: Page, opts: { shoot?: boolean; tryExpiredLot?: boolean } = {}): Promise<void> {
  for (let guard = 0; guard < 30; guard++) {
    const heading = currentSectionHeading(page)
    await expect(heading).toBeVisible()
    const title = await heading.innerText()
    if (title === "The patient's part") return
    if (title === 'Your health and allergies') {
      await answerAllScreeningNo(page)
      if (opts.shoot) await screenshot(page, 'consultation-02-screening')
    } else if (title === 'Your goals and what to expect') {
      await fillExpectations(page)
    } else if (title === "The product's Medication Guide") {
      await recordMedicationGuide(page)
    } else if (title === 'Your treatment plan') {
      await fillTreatmentPlan(page, { tryExpiredFirst: opts.tryExpiredLot })
      if (opts.shoot) {
        await expectAccessible(page, 'treatment plan')
        await screenshot(page, 'consultation-04-treatment-plan')
      }
    } else if (title === 'When a shot does not work as planned' && opts.shoot) {
      await expectAccessible(page, 'risk section')
      await screenshot(page, 'consultation-03-risk-section')
    }
    await markDiscussed(page)
  }
  throw new Error('the clinician part did not end')
}

export async function handToPatient(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Hand the screen (back )?to the patient$/ }).click()
  await expect(page.getByRole('button', { name: 'Hand back to clinician' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toHaveCount(0)
}

export function patientHeading(page: Page): Locator {
  return page.locator('.cn-patient-mode__main h2').first()
}

export const RIGHT_ANSWERS: Record<string, string> = {
  'When will the full effect most likely show?': 'At about 2 weeks',
  'What should you do if you have trouble swallowing or breathing after treatment?': 'Get emergency care at once',
  'If an eyelid droops after treatment, what is true?': 'It fades as the medicine wears off, and you should call the clinic',
  'Do you have to have this treatment?': 'No, it is my choice and I can say no',
  'What should you avoid on the day of treatment?': 'Rubbing the treated areas and lying flat',
}

export async function acknowledgeCurrentSection(page: Page, initials: string): Promise<string> {
  const title = await patientHeading(page).innerText()
  await page.getByLabel('Your initials').fill(initials)
  await page.getByRole('button', { name: 'I understand' }).click()
  await expect(patientHeading(page)).not.toHaveText(title)
  return title
}

/** Acknowledges sections until the comprehension check (or another kind of step) comes. */
export async function acknowledgeAll(page: Page, initials: string): Promise<string[]> {
  const done: string[] = []
  // The patient's steps load after the screen is handed over; wait for the first.
  await expect(patientHeading(page)).toBeVisible()
  while (await page.getByLabel('Your initials').isVisible()) done.push(await acknowledgeCurrentSection(page, initials))
  return done
}

export async function answerComprehension(page: Page, answer: 'right' | 'wrong' = 'right'): Promise<string> {
  await expect(patientHeading(page)).toHaveText('A quick check')
  const group = page.locator('.cn-patient-mode__main fieldset').first()
  const question = (await group.locator('legend').innerText()).trim()
  const right = RIGHT_ANSWERS[question]
  if (!right) throw new Error(`unknown comprehension question: ${question}`)
  if (answer === 'right') await group.getByRole('radio', { name: right, exact: true }).check()
  else await group.getByRole('radio').filter({ hasNotText: right }).first().check()
  await page.getByRole('button', { name: 'Answer', exact: true }).click()
  return question
}

export async function answerAllComprehensionRight(page: Page): Promise<void> {
  while ((await patientHeading(page).innerText()) === 'A quick check') {
    const legend = page.locator('.cn-patient-mode__main fieldset legend').first()
    const q = await legend.innerText()
    await answerComprehension(page, 'right')
    // The next question (or the next kind of step) appears once the core has the answer.
    await expect
      .poll(
        async () =>
          (await patientHeading(page)
            .innerText({ timeout: 1000 })
            .catch(() => '')) !== 'A quick check' || (await legend.innerText({ timeout: 1000 }).catch(() => q)) !== q,
      )
      .toBe(true)
  }
}

/** Draws a signature-like scribble across a signature pad (a canvas) with the mouse. */
export async function drawSignature(page: Page, pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded()
  const box = await pad.boundingBox()
  if (!box) throw new Error('signature pad not visible')
  const x0 = box.x + box.width * 0.12
  const y0 = box.y + box.height * 0.6
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  for (let i = 1; i <= 30; i++) {
    const x = x0 + (box.width * 0.7 * i) / 30
    const y = y0 - Math.sin(i / 2.5) * box.height * 0.25
    await page.mouse.move(x, y, { steps: 2 })
  }
  await page.mouse.up()
  // A second stroke: the underline.
  await page.mouse.move(x0, y0 + box.height * 0.2)
  await page.mouse.down()
  await page.mouse.move(x0 + box.width * 0.6, y0 + box.height * 0.22, { steps: 12 })
  await page.mouse.up()
}

/** A tiny tick: too little to stand as a signature. */
export async function drawTrivialMark(page: Page, pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded()
  const box = await pad.boundingBox()
  if (!box) throw new Error('signature pad not visible')
  await page.mouse.move(box.x + 50, box.y + 50)
  await page.mouse.down()
  await page.mouse.move(box.x + 55, box.y + 53, { steps: 3 })
  await page.mouse.up()
}

export function signaturePad(page: Page, label: string): Locator {
  return page.getByRole('img', { name: new RegExp(`^${label}`) })
}

/** Review, agreement to sign on screen, name and signature: the end of the patient's part. */
export async function reviewAndSign(page: Page, fullName: string, opts: { shoot?: boolean } = {}): Promise<void> {
  await expect(patientHeading(page)).toHaveText('Check what we recorded')
  if (opts.shoot) {
    await expectAccessible(page, 'patient review')
    await screenshot(page, 'consultation-07-patient-review')
  }
  await page.getByRole('checkbox', { name: /What this summary says is true/ }).check()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(patientHeading(page)).toHaveText('Signing on this screen')
  await page.getByRole('button', { name: 'I agree to sign on this screen' }).click()
  await expect(patientHeading(page)).toHaveText('Your signature')
  await page.getByLabel('Your full name').fill(fullName)
  await drawSignature(page, signaturePad(page, 'Sign here'))
  if (opts.shoot) {
    await expectAccessible(page, 'patient signature')
    await screenshot(page, 'consultation-08-patient-signature')
  }
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(patientHeading(page)).toHaveText('Thank you')
}

export async function takeScreenBack(page: Page, password = CLINICIAN.password): Promise<void> {
  await page.getByRole('button', { name: 'Hand back to clinician' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Hand the screen back' })
  await dialog.getByLabel("Clinician's password").fill(password)
  await dialog.getByRole('button', { name: 'Take the screen back' }).click()
}

export async function signOff(page: Page, opts: { shoot?: boolean } = {}): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Sign-off' })).toBeVisible()
  await page.getByLabel('Your password').fill(CLINICIAN.password)
  await drawSignature(page, signaturePad(page, 'Your signature'))
  await page.getByRole('checkbox', { name: /I confirm what my signature means/ }).check()
  if (opts.shoot) {
    await expectAccessible(page, 'sign-off')
    await screenshot(page, 'consultation-09-sign-off')
  }
  await page.getByRole('button', { name: 'Sign off' }).click()
  await expect(page.getByText('This consultation is signed off. It cannot be changed.', { exact: false })).toBeVisible()
}

// ---- Through the API, for specs whose subject is a later step ----

export interface ApiHost {
  origin: string
  token: string
}

/**
 * Calls the browser host's API as the page would: with the launch token and
 * the page's own session cookie (page.request shares the browser context's cookies).
 */
export async function apiCall<T = unknown>(
  page: Page,
  host: ApiHost,
  name: string,
  input: unknown,
): Promise<{ status: number; body: { ok: boolean; value?: T; error?: { code: string; message: string } } }> {
  const res = await page.request.post(`${host.origin}/api/${name}`, {
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', Origin: host.origin },
    data: input,
  })
  return { status: res.status(), body: await res.json() }
}

export async function apiOk<T = unknown>(page: Page, host: ApiHost, name: string, input: unknown): Promise<T> {
  const r = await apiCall<T>(page, host, name, input)
  expect(r.body.ok, `${name}: ${JSON.stringify(r.body.error)}`).toBe(true)
  return r.body.value as T
}

interface StepLike {
  step: string
  phase: string
  done: boolean
  sectionId?: string
  questionId?: string
}
interface StateLike {
  id: number
  progress: { current: StepLike | null }
  script: { content: { sections: { id: string; kind: string; products?: { id: string }[]; areas?: { id: string }[] }[] } }
}

/** The clinician's whole part through the API (every screening answer "No"), stopping before the hand-over. */
export async function clinicianPartThroughApi(page: Page, host: ApiHost, consultationId: number): Promise<void> {
  const id = { consultationId }
  let s = await apiOk<StateLike>(page, host, 'consultation.get', id)
  const shown = new Set<string>()
  const sectionOf = (st: StepLike) => st.sectionId ?? s.script.content.sections.find((x) => x.kind === 'screening')!.id
  for (let guard = 0; guard < 200; guard++) {
    const cur = s.progress.current
    if (!cur || cur.phase !== 'clinician' || cur.step === 'enter_patient_mode') return
    const sectionId = sectionOf(cur)
    if (!shown.has(sectionId)) {
      shown.add(sectionId)
      s = await apiOk<StateLike>(page, host, 'consultation.markSectionShown', { ...id, sectionId })
      continue
    }
    const section = s.script.content.sections.find((x) => x.id === sectionId)!
    switch (cur.step) {
      case 'answer_screening':
        s = await apiOk(page, host, 'consultation.recordScreeningAnswer', { ...id, questionId: cur.questionId, answer: 'no', details: '' })
        break
      case 'offer_medication_guide':
        s = await apiOk(page, host, 'consultation.recordMedicationGuideOffer', { ...id, accepted: true })
        break
      case 'save_expectations':
        s = await apiOk(page, host, 'consultation.saveExpectations', {
          ...id,
          goals: 'Soften the frown lines.',
          areaIds: [section.areas![0]!.id],
          otherAreas: '',
          timelineAcknowledged: true,
        })
        break
      case 'save_treatment_plan':
        s = await apiOk(page, host, 'consultation.saveTreatmentPlan', {
          ...id,
          productId: section.products![0]!.id,
          lotNumber: 'C3709A',
          expiryDate: isoInDays(200),
          dilution: { vialUnits: 100, diluentMl: 2.5 },
          sites: [
            { site: 'Procerus', units: 4 },
            { site: 'Left corrugator', units: 8 },
            { site: 'Right corrugator', units: 8 },
          ],
        })
        break
      case 'discuss_section':
        s = await apiOk(page, host, 'consultation.markSectionDiscussed', { ...id, sectionId })
        break
      default:
        throw new Error(`unexpected clinician step ${cur.step}`)
    }
  }
  throw new Error('the clinician part did not end')
}

/** Starts a consultation for the patient whose page is open, does the clinician's part through the API and reloads the screen. */
export async function consultationReadyForPatient(page: Page, host: ApiHost, patientName: string): Promise<number> {
  await startConsultation(page, patientName)
  const list = await apiOk<{ id: number; status: string }[]>(page, host, 'consultation.listInProgress', {})
  const consultationId = list[0]!.id
  await clinicianPartThroughApi(page, host, consultationId)
  // Re-open the consultation: it resumes at the first step not done, the hand-over.
  await page.getByRole('button', { name: 'Back to the patient' }).click()
  await page
    .getByRole('button', { name: /Resume the consultation started/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 2, name: "The patient's part" })).toBeVisible()
  return consultationId
}

/** A plausible signature as the pad records it: two strokes, enough points, wide enough. */
export function syntheticStrokes(): { x: number; y: number; t: number; pressure: number }[][] {
  const wave = Array.from({ length: 40 }, (_, i) => ({ x: 20 + i * 6, y: 80 - Math.round(Math.sin(i / 3) * 30), t: i * 16, pressure: 0.5 }))
  const line = Array.from({ length: 12 }, (_, i) => ({ x: 20 + i * 18, y: 120, t: 900 + i * 16, pressure: 0.5 }))
  return [wave, line]
}

/** A PNG of a scribble, drawn by the browser's own canvas (what the pad would send). */
export async function signaturePng(page: Page): Promise<string> {
  return page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 300
    c.height = 150
    const g = c.getContext('2d')!
    g.fillStyle = '#fff'
    g.fillRect(0, 0, 300, 150)
    g.beginPath()
    for (let i = 0; i < 40; i++) g.lineTo(20 + i * 6, 80 - Math.sin(i / 3) * 30)
    g.stroke()
    return c.toDataURL('image/png')
  })
}

interface PatientStateLike {
  progress: { current: StepLike | null }
  script: { content: { sections: { id: string; kind: string; questions?: { id: string; correctOptionId?: string }[] }[] } }
}

/** The patient's whole part through the API (patient mode on), ending with the screen taken back. */
export async function patientPartThroughApi(page: Page, host: ApiHost, consultationId: number, fullName: string): Promise<void> {
  const id = { consultationId }
  let s = await apiOk<PatientStateLike>(page, host, 'consultation.enterPatientMode', id)
  const png = await signaturePng(page)
  for (let guard = 0; guard < 60; guard++) {
    const cur = s.progress.current
    if (!cur || cur.phase !== 'patient') break
    switch (cur.step) {
      case 'acknowledge_section':
        s = await apiOk(page, host, 'consultation.acknowledgeSection', { ...id, sectionId: cur.sectionId, initials: 'XY' })
        break
      case 'answer_comprehension': {
        const q = s.script.content.sections.flatMap((x) => x.questions ?? []).find((x) => x.id === cur.questionId)!
        s = (await apiOk<{ state: PatientStateLike }>(page, host, 'consultation.answerComprehension', { ...id, questionId: q.id, optionId: q.correctOptionId })).state
        break
      }
      case 'confirm_review':
        s = await apiOk(page, host, 'consultation.confirmReview', { ...id, confirmed: true })
        break
      case 'esignature_choice':
        s = await apiOk(page, host, 'consultation.recordElectronicSignatureChoice', { ...id, choice: 'agree' })
        break
      case 'patient_signature':
        s = await apiOk(page, host, 'consultation.signAsPatient', { ...id, typedName: fullName, strokes: syntheticStrokes(), imagePng: png })
        break
      default:
        throw new Error(`unexpected patient step ${cur.step}`)
    }
  }
  await apiOk(page, host, 'consultation.exitPatientMode', { ...id, password: CLINICIAN.password })
}
