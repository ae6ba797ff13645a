// Consultation scripts are data: an administrator reads the stored
// scripts and imports a new version or a clinic's own script through the
// screen; an invalid file is refused with every problem named by its place in
// the file and nothing is stored; the clinician sees which script a
// consultation will use, with the notice that the shipped default is a
// starting point the clinic must review and adapt. Staff neither
// see the screen nor may import through the API. Driven by role and label in
// Chromium against the real browser host; each screen is checked with axe
// and photographed into e2e/.artifacts/screenshots.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { startHost, type RunningHost } from './support/host'
import { screenshot } from './support/screenshots'
import { apiCall, apiOk, CLINICIAN, logInAsClinician, registerPatient, seededDataDir } from './consultation-steps'

const ROOT = resolve(import.meta.dirname, '..')
const DEFAULT_FILE = join(ROOT, 'resources', 'scripts', 'botox-cosmetic.en.v1.json')
const DEFAULT_TITLE = 'Botulinum toxin for lines and wrinkles (cosmetic)'
const ADMIN = { username: 'admin', password: 'admin-demo-2026' }
const STAFF = { username: 'sam', password: 'staff-demo-2026' }

interface ScriptFile {
  id: string
  version: number
  title?: string
  sections: { id: string; kind: string; title: string; risks?: { band: string }[] }[]
  [k: string]: unknown
}

const defaultScript = (): ScriptFile => JSON.parse(readFileSync(DEFAULT_FILE, 'utf8')) as ScriptFile

let host: RunningHost
let files: string
test.beforeEach(() => {
  files = mkdtempSync(join(tmpdir(), 'derm-consent-scripts-'))
})
test.afterEach(async () => {
  await host?.stop()
})

function writeFile(name: string, content: string | object): string {
  const path = join(files, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return path
}

async function logInAs(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
  await page.getByLabel('Username').fill(who.username)
  await page.getByLabel('Password').fill(who.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
}

function scriptsTable(page: Page) {
  return page.getByRole('table', { name: 'Stored consultation scripts' })
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Script file (.json)').setInputFiles(path)
  await page.getByRole('button', { name: 'Import script' }).click()
}

/** The refusal box: an alert that takes focus, titled with the file's name. */
function refusal(page: Page, fileName: string) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: `“${fileName}” was not imported. Nothing was stored.` }) })
}

/** The problem list items: each names its place (JSON path) and the problem. */
function problem(page: Page, fileName: string, place: string) {
  return refusal(page, fileName)
    .getByRole('listitem')
    .filter({ has: page.locator('code', { hasText: new RegExp(`^${place.replace(/[[\].]/g, '\\$&')}$`) }) })
}

async function storedCount(page: Page): Promise<number> {
  return (await apiOk<unknown[]>(page, host, 'scriptLibrary.list', {})).length
}

test('an administrator reads the stored scripts, imports a new version and a clinic script; invalid files store nothing', async ({ page }) => {
  host = await startHost(seededDataDir())
  await logInAs(page, ADMIN)
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Consultation scripts' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation scripts' })).toBeVisible()

  // The shipped default: one row, marked as the default, with its fingerprint.
  const table = scriptsTable(page)
  await expect(table.getByRole('row')).toHaveCount(2) // header + one version
  const v1Row = table.getByRole('row', { name: new RegExp(DEFAULT_TITLE.replace(/[()]/g, '\\$&')) })
  await expect(v1Row.getByRole('cell', { name: 'botox-cosmetic' })).toBeVisible()
  await expect(v1Row).toContainText('Default')
  await expect(v1Row).toContainText('Shipped with the app')
  const [stored] = await apiOk<{ sha256: string; storedId: number }[]>(page, host, 'scriptLibrary.list', {})
  // Short on screen, whole for screen readers.
  await expect(v1Row.getByText(`${stored!.sha256.slice(0, 12)}…`)).toBeVisible()
  await expect(v1Row.getByText(`SHA-256 ${stored!.sha256}`)).toBeAttached()
  await expect(page.getByText('New consultations start with:')).toContainText(`${DEFAULT_TITLE} (version 1, English)`)
  await expect(page.getByRole('note', { name: 'A starting point: your clinic must review and adapt this script' })).toBeVisible()
  await expectAccessible(page, 'scripts list')
  await screenshot(page, 'scripts-01-list')

  // Read-only view of the sections; the full SHA-256 is there to read and copy.
  await v1Row.getByRole('button', { name: `View “${DEFAULT_TITLE}”, version 1` }).click()
  await expect(page.getByRole('heading', { level: 1, name: DEFAULT_TITLE })).toBeVisible()
  await expect(page.getByText(stored!.sha256, { exact: true })).toBeVisible()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin })
  await page.getByRole('button', { name: `Copy the full SHA-256 of “${DEFAULT_TITLE}”, version 1` }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stored!.sha256)
  await expect(page.locator('summary')).toHaveCount(defaultScript().sections.length)
  const sideEffectsSection = page.locator('details').filter({ has: page.locator('summary', { hasText: '5. Common side effects' }) })
  await expect(sideEffectsSection.getByRole('heading', { name: 'The patient acknowledges, with their initials' })).toBeHidden()
  await sideEffectsSection.locator('summary').click()
  await expect(sideEffectsSection.getByRole('heading', { name: 'The patient acknowledges, with their initials' })).toBeVisible()
  const sideEffectsText = defaultScript().sections.find((s) => s.id === 'side-effects') as unknown as { acknowledgment: string }
  await expect(sideEffectsSection.getByText(sideEffectsText.acknowledgment)).toBeVisible()
  // Keyboard: a section opens with Enter on its summary.
  const health = page.locator('details').filter({ has: page.locator('summary', { hasText: '2. Your health and allergies' }) })
  await health.locator('summary').focus()
  await page.keyboard.press('Enter')
  await expect(health.getByText(/Answer “yes” raises a contraindication/).first()).toBeVisible()
  await expect(page.getByRole('textbox')).toHaveCount(0) // read-only: nothing to type into
  await expectAccessible(page, 'script view')
  await screenshot(page, 'scripts-02-view')
  await page.getByRole('button', { name: 'Back to consultation scripts' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation scripts' })).toBeVisible()

  // Nothing chosen: the field says so and keeps focus.
  await page.getByRole('button', { name: 'Import script' }).click()
  await expect(page.getByLabel('Script file (.json)')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Script file (.json)')).toBeFocused()
  await expect(page.getByText('Choose a script file first.')).toBeVisible()

  // A valid new version: stored, listed, and it becomes the default.
  const v2 = defaultScript()
  v2.version = 2
  v2.title = 'Botulinum toxin for lines and wrinkles, Harbour Skin Clinic edition'
  const v2File = writeFile('botox-cosmetic.en.v2.json', v2)
  await importFile(page, v2File)
  const stored2 = page.getByRole('main').getByText(`Stored “${v2.title}” (botox-cosmetic, version 2, English).`)
  await expect(stored2).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(3)
  const v2Row = table.getByRole('row', { name: new RegExp(v2.title) })
  await expect(v2Row).toContainText('Default')
  await expect(v2Row).toContainText('Imported by the clinic')
  await expect(v1Row).not.toContainText('Default')
  await expect(v1Row).toContainText('Older version (kept for past consultations)')
  await expect(page.getByText('New consultations start with:')).toContainText(`${v2.title} (version 2, English)`)
  await expectAccessible(page, 'scripts after import')
  await screenshot(page, 'scripts-03-imported')

  // The same file again: recognised, nothing new stored.
  await importFile(page, v2File)
  await expect(page.getByRole('main').getByText(`“${v2.title}” (botox-cosmetic, version 2, English) is already stored with exactly this content. Nothing changed.`)).toBeVisible()
  expect(await storedCount(page)).toBe(2)

  // Invalid: a risk with band "sometimes" and no title. Every problem is listed by place; the alert takes focus.
  const bad = defaultScript()
  bad.version = 3
  delete bad.title
  const sideEffects = bad.sections.findIndex((s) => s.id === 'side-effects')
  bad.sections[sideEffects]!.risks![0]!.band = 'sometimes'
  await importFile(page, writeFile('bad-band.json', bad))
  const refused = refusal(page, 'bad-band.json')
  await expect(refused).toBeVisible()
  await expect(refused).toBeFocused()
  await expect(refused).toContainText('Fix these 2 problems in the file, then import it again:')
  await expect(problem(page, 'bad-band.json', 'title')).toContainText('This is missing or empty')
  const band = problem(page, 'bad-band.json', `sections[${sideEffects}].risks[0].band`)
  await expect(band).toContainText(`section ${sideEffects + 1}, “Common side effects”`)
  await expect(band).toContainText('This is not a frequency band. Use common, uncommon, rare or very_rare.')
  await expect(table.getByRole('row')).toHaveCount(3)
  expect(await storedCount(page)).toBe(2)
  await expectAccessible(page, 'import refused')
  await screenshot(page, 'scripts-04-refused')

  // A whole-script rule: every script needs an aftercare section.
  const noAftercare = defaultScript()
  noAftercare.version = 3
  noAftercare.sections = noAftercare.sections.filter((s) => s.kind !== 'aftercare')
  await importFile(page, writeFile('no-aftercare.json', noAftercare))
  await expect(refusal(page, 'no-aftercare.json')).toBeFocused()
  await expect(problem(page, 'no-aftercare.json', 'sections')).toContainText('The script needs a section of the kind “aftercare”.')
  expect(await storedCount(page)).toBe(2)

  // Not JSON at all: the whole file, with the line and column of the first error.
  await importFile(page, writeFile('not-json.json', '{\n  "id": "clinic-toxin",\n  "version": 3 oops\n}\n'))
  const notJson = refusal(page, 'not-json.json')
  await expect(notJson).toBeFocused()
  await expect(notJson.getByRole('listitem')).toHaveCount(1)
  await expect(notJson.getByRole('listitem')).toContainText('The whole file')
  await expect(notJson.getByRole('listitem')).toContainText(/The file is not valid JSON, so nothing in it could be read\. The first error is near line 3, column \d+\./)
  expect(await storedCount(page)).toBe(2)

  // A stored version with other content: refused at `version`, the stored one stays as it was.
  const clash = defaultScript()
  clash.version = 2
  clash.title = 'Someone changed version 2'
  await importFile(page, writeFile('clash.json', clash))
  await expect(problem(page, 'clash.json', 'version')).toContainText('This version of the script is already stored with different content.')
  expect(await storedCount(page)).toBe(2)
  await expect(table.getByRole('row', { name: /Someone changed version 2/ })).toHaveCount(0)

  // A clinic's own script (another id): stored next to the default, not the default.
  const own = defaultScript()
  own.id = 'harbour-toxin'
  own.version = 1
  own.title = 'Harbour Skin Clinic toxin consultation'
  const ownNotice = 'Written by Harbour Skin Clinic from the default script; reviewed by Dr. Beer in 2026.'
  own.notice = ownNotice
  await importFile(page, writeFile('harbour-toxin.en.v1.json', own))
  await expect(page.getByRole('main').getByText(`Stored “${own.title}” (harbour-toxin, version 1, English).`)).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(table.getByRole('row', { name: new RegExp(own.title) })).not.toContainText('Default')

  // The clinician sees the scripts to choose from, the default first, each with its notice.
  await page.getByRole('button', { name: 'Log out' }).click()
  await logInAs(page, { username: CLINICIAN.username, password: CLINICIAN.password })
  await registerPatient(page, { givenName: 'Ines', familyName: 'Okafor', dateOfBirth: '1979-02-03', recordNumber: 'SCR-0001' })
  const choice = page.getByLabel('Consultation script')
  await expect(choice.locator('option')).toHaveText([`${v2.title} (version 2, English)`, `${own.title} (version 1, English)`])
  await expect(choice).toHaveValue((await choice.locator('option').first().getAttribute('value')) ?? '')
  await expect(page.getByRole('note', { name: 'Your clinic’s script' })).toBeVisible()
  await choice.selectOption({ label: `${own.title} (version 1, English)` })
  await expect(page.getByRole('note', { name: 'Your clinic’s script' })).toContainText(ownNotice)
  await expectAccessible(page, 'patient page with a script choice')
  await screenshot(page, 'scripts-05-choice')
  await page.getByRole('button', { name: 'Start consultation' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation: Ines Okafor' })).toBeVisible()
  const inProgress = await apiOk<{ id: number; script: { scriptId: string; version: number } }[]>(page, host, 'consultation.listInProgress', {})
  const started = inProgress.find((c) => c.script.scriptId === 'harbour-toxin')
  expect(started, 'the consultation pinned the chosen script').toBeTruthy()
})

test('the clinician is told the shipped script is a starting point; staff neither see the screen nor may import', async ({ page }) => {
  host = await startHost(seededDataDir())
  await logInAsClinician(page, host.url)
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Consultation scripts' })).toHaveCount(0)
  await registerPatient(page, { givenName: 'Tomás', familyName: 'Lindqvist', dateOfBirth: '1990-11-21', recordNumber: 'SCR-0002' })
  // One script: named, not offered as a choice, with the starting-point warning next to the start button.
  await expect(page.getByLabel('Consultation script')).toHaveCount(0)
  await expect(page.getByText('Script for this consultation')).toBeVisible()
  await expect(page.getByText(DEFAULT_TITLE, { exact: true })).toBeVisible()
  await expect(page.getByText('Version 1 · English')).toBeVisible()
  const note = page.getByRole('note', { name: 'A starting point: your clinic must review and adapt this script' })
  await expect(note).toBeVisible()
  await expect(note).toContainText('your clinic must review it, adapt it to its practice')
  await expectAccessible(page, 'patient page with the default script')
  await screenshot(page, 'scripts-06-default-notice')

  await page.getByRole('button', { name: 'Log out' }).click()
  await logInAs(page, STAFF)
  const menu = page.getByRole('navigation', { name: 'Main menu' })
  await expect(menu.getByRole('button').first()).toBeVisible()
  await expect(menu.getByRole('button', { name: 'Consultation scripts' })).toHaveCount(0)
  const before = await storedCount(page)
  const v2 = defaultScript()
  v2.version = 2
  const refused = await apiCall(page, host, 'scriptLibrary.import', { json: JSON.stringify(v2) })
  expect(refused.status).toBe(403)
  expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  expect(await storedCount(page)).toBe(before)
})
