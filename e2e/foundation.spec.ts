// The foundation, end to end through the real UI in Chromium against the real
// browser host and a fresh SQLite data directory per test: setup, users and
// roles, login, patients (add, validate, find after a restart), the idle lock
// and keyboard-only use. Every screen visited is audited with axe.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startHost, type RunningHost } from './support/host'
import { expectAccessible } from './support/a11y'
import { screenshot } from './support/screenshots'
import { ADMIN, STAFF, addPatient, addUser, fillPatientForm, logIn, logOut, searchPatients, seedClinicThroughApi, setUpClinic } from './support/app'

test.use({ locale: 'en-US', timezoneId: 'Europe/Berlin' })

let hosts: RunningHost[] = []
async function host(dataDir?: string): Promise<RunningHost> {
  const h = await startHost(dataDir)
  hosts.push(h)
  return h
}
test.afterEach(async () => {
  await Promise.all(hosts.map((h) => h.stop()))
  hosts = []
})

/** Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times. */
async function tabUntilFocused(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab', max: number): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  await expect(target).toBeFocused()
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Main menu' })

test('a clinic is set up, staff register a patient, and find them again after a restart', async ({ page }) => {
  const first = await host()
  await setUpClinic(page, first.url)
  await expect(page.getByText('Harbour Skin Clinic')).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Ada Admin')
  await expect(page.getByRole('banner')).toContainText('Administrator')
  await expectAccessible(page, 'users')
  await screenshot(page, '03-users')

  await page.getByRole('button', { name: 'Add user' }).click()
  await expectAccessible(page, 'add user')
  await screenshot(page, '04-add-user')
  await addUser(page, { displayName: STAFF.displayName, username: STAFF.username, role: 'Staff', password: STAFF.password })
  await expectAccessible(page, 'users after adding')
  await logOut(page)
  await expect(page.getByText('You have logged out.')).toBeVisible()

  await logIn(page, STAFF.username, STAFF.password)
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible()
  await expectAccessible(page, 'patients (empty)')
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expectAccessible(page, 'add patient')
  await screenshot(page, '06-add-patient')
  await addPatient(page, {
    givenName: 'Jürgen',
    familyName: 'Großmann',
    dateOfBirth: '1975-03-14',
    recordNumber: 'HSC-0001',
    phone: '+49 40 555 0199',
    email: 'j.grossmann@example.org',
  })
  await expect(page.getByText('Mar 14, 1975')).toBeVisible()
  await expectAccessible(page, 'patient detail')
  await screenshot(page, '08-patient-detail')

  // Everything shown as saved is on disk: a new process on the same data finds it.
  await first.stop()
  const second = await host(first.dataDir)
  expect(second.token).not.toBe(first.token)
  await page.goto(second.url)
  await logIn(page, STAFF.username, STAFF.password)
  for (const partial of ['grossm', 'jurg']) {
    const results = await searchPatients(page, partial)
    await expect(results.getByRole('row')).toHaveCount(2)
    await expect(results.getByRole('row', { name: /Jürgen Großmann/ })).toContainText('HSC-0001')
  }
  await expectAccessible(page, 'patient search')
  await screenshot(page, '05-patient-search')
  await page.getByRole('button', { name: 'Jürgen Großmann' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jürgen Großmann' })).toBeVisible()
  await expect(page.getByText('j.grossmann@example.org')).toBeVisible()

  // Editing keeps the same record and says so.
  await page.getByRole('button', { name: 'Edit details' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit patient details' })).toBeVisible()
  await expect(page.getByLabel('Family name')).toHaveValue('Großmann')
  await expectAccessible(page, 'edit patient')
  await page.getByLabel('Phone').fill('+49 40 555 0200')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('main').getByText('Saved. The changes have been recorded.')).toBeVisible()
  await expect(page.getByText('+49 40 555 0200')).toBeVisible()
})

test('a wrong password is refused plainly and changes nothing', async ({ page, request }) => {
  const h = await host()
  await seedClinicThroughApi(request, h)
  await page.goto(h.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
  await expect(page.getByText('Harbour Skin Clinic')).toBeVisible()
  await expectAccessible(page, 'login')
  await screenshot(page, '02-login')

  await page.getByLabel('Username').fill(STAFF.username)
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('alert')).toHaveText(/The username or password is wrong/)
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
  await expect(page.getByLabel('Password')).toHaveValue('')
  await expect(page.getByLabel('Password')).toBeFocused()
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0)
  await expectAccessible(page, 'login with error')
  await screenshot(page, '02-login-wrong-password')

  // Still no session on the server either.
  const res = await page.request.post(`${h.origin}/api/session.current`, { headers: { Authorization: `Bearer ${h.token}` }, data: {} })
  expect(await res.json()).toEqual({ ok: true, value: null })

  // Repeated failures slow further tries, and the screen says how long to wait.
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('Password').fill(`wrong-${i}`)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled()
  }
  await expect(page.getByRole('alert')).toHaveText(/Please wait \d+ seconds?, then try again/)

  // An empty form is refused at the fields.
  await page.getByLabel('Username').fill('')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Username')).toHaveAccessibleDescription('Please fill this in.')
  await expect(page.getByLabel('Username')).toBeFocused()
})

test('an invalid patient form shows messages at the fields and saves nothing', async ({ page, request }) => {
  const h = await host()
  await seedClinicThroughApi(request, h)
  await page.goto(h.url)
  await logIn(page, STAFF.username, STAFF.password)
  await addPatient(page, { givenName: 'Ana', familyName: 'Silva', dateOfBirth: '1980-06-01', recordNumber: 'MRN-7' })

  await menu(page).getByRole('button', { name: 'Patients' }).click()
  await page.getByRole('button', { name: 'Add patient' }).click()
  await fillPatientForm(page, { givenName: '', familyName: 'Novak', dateOfBirth: '2099-01-01', recordNumber: 'MRN-7', email: 'not-an-email' })
  await page.getByRole('button', { name: 'Add patient' }).click()

  const given = page.getByLabel('Given name')
  await expect(given).toHaveAttribute('aria-invalid', 'true')
  await expect(given).toHaveAccessibleDescription(/Please fill this in\./)
  await expect(given).toBeFocused()
  await expect(page.getByLabel('Date of birth')).toHaveAccessibleDescription(/The date cannot be in the future\./)
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/does not look like an email address/)
  await expect(page.getByLabel('Family name')).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('alert')).toHaveText(/Nothing was saved/)
  await expectAccessible(page, 'patient form with errors')
  await screenshot(page, '07-patient-form-errors')

  // With the name, date and email corrected, the record number still clashes.
  await fillPatientForm(page, { givenName: 'Eva', dateOfBirth: '1899-12-31', email: 'eva@example.org' })
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(page.getByLabel('Date of birth')).toHaveAccessibleDescription(/before 1900/)
  await fillPatientForm(page, { dateOfBirth: '1990-02-02' })
  await page.getByRole('button', { name: 'Add patient' }).click()
  const record = page.getByLabel('Record number')
  await expect(record).toHaveAccessibleDescription(/Another patient already has this record number\./)
  await expect(record).toBeFocused()
  await expect(page.getByLabel('Given name')).not.toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page, 'patient form with duplicate record number')

  // Nothing was saved: only Ana Silva exists.
  const all = await searchPatients(page, 'mrn')
  await expect(all.getByRole('row')).toHaveCount(2)
  await expect(all.getByRole('row', { name: /Ana Silva/ })).toBeVisible()
  const none = await searchPatients(page, 'novak')
  await expect(none).toHaveCount(0)
  await expect(page.getByRole('main').getByText(/^No patient matches\./)).toBeVisible()
})

test('staff never see user management, and the core refuses them through the API too', async ({ page, request }) => {
  const h = await host()
  await seedClinicThroughApi(request, h)
  await page.goto(h.url)
  await logIn(page, STAFF.username, STAFF.password)
  await expect(menu(page).getByRole('button', { name: 'Patients' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Users' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Settings' })).toHaveCount(0)

  // Straight at the API with this page's session cookie and the launch token.
  const headers = { Authorization: `Bearer ${h.token}` }
  const allowed = await page.request.post(`${h.origin}/api/patients.search`, { headers, data: { query: '' } })
  expect(allowed.status(), 'the staff session rides along').toBe(200)
  const refused = await page.request.post(`${h.origin}/api/users.create`, {
    headers,
    data: { username: 'intruder', displayName: 'Intruder', role: 'admin', password: 'intruder-password-1' },
  })
  expect(refused.status()).toBe(403)
  expect((await refused.json()).error.code).toBe('forbidden')

  // And from inside the page, as the app's own code would call it.
  const fromPage = await page.evaluate(async (token) => {
    const r = await fetch('/api/users.list', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' })
    return r.status
  }, h.token)
  expect(fromPage).toBe(403)

  await logOut(page)
  await logIn(page, ADMIN.username, ADMIN.password)
  const users = page.getByRole('table', { name: 'Users' })
  await expect(users.getByRole('row')).toHaveCount(3)
  await expect(users).not.toContainText('intruder')
})

test('the Lock button locks the app over the screen, and unlocking keeps what was typed', async ({ page, request }) => {
  const h = await host()
  await seedClinicThroughApi(request, h)
  await page.goto(h.url)
  await logIn(page, STAFF.username, STAFF.password)
  await page.getByRole('button', { name: 'Add patient' }).click()
  await fillPatientForm(page, { givenName: 'Half', familyName: 'Typed' })

  await page.getByRole('button', { name: 'Lock' }).click()
  const dialog = page.getByRole('dialog', { name: 'Locked' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Your password')).toBeFocused()
  // The screen underneath is hidden from assistive technology and cannot be reached.
  await expect(page.getByRole('heading', { level: 1, name: 'Add patient' })).toHaveCount(0)
  await expect(page.locator('.app')).toHaveAttribute('inert', '')
  await expectAccessible(page, 'lock')
  await screenshot(page, '10-lock')

  // The core is locked too: a call made behind the dialog's back is refused.
  const behind = await page.request.post(`${h.origin}/api/patients.search`, { headers: { Authorization: `Bearer ${h.token}` }, data: { query: '' } })
  expect(behind.status()).toBe(423)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeVisible()

  await dialog.getByLabel('Your password').fill('wrong-password')
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(/That password is not right/)
  await expectAccessible(page, 'lock with error')

  await dialog.getByLabel('Your password').fill(STAFF.password)
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByLabel('Given name')).toHaveValue('Half')
  await expect(page.getByLabel('Family name')).toHaveValue('Typed')
  // Focus goes back where it was before locking (here: the Lock button).
  await expect(page.getByRole('button', { name: 'Lock' })).toBeFocused()
})

test('the app locks itself after the idle minutes set in Settings', async ({ page, request }) => {
  const h = await host()
  await seedClinicThroughApi(request, h)
  await page.clock.install()
  await page.goto(h.url)
  await logIn(page, ADMIN.username, ADMIN.password)
  await menu(page).getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.getByLabel('Clinic name')).toHaveValue('Harbour Skin Clinic')
  await expectAccessible(page, 'settings')

  await page.getByLabel(/Lock after this many quiet minutes/).fill('0')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByLabel(/Lock after this many quiet minutes/)).toHaveAccessibleDescription(/too small/)
  await page.getByLabel(/Lock after this many quiet minutes/).fill('1')
  await page.getByLabel('Clinic name').fill('Harbour Skin Clinic & Laser')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('main').getByText('Saved. The new settings apply now.')).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Harbour Skin Clinic & Laser')
  await screenshot(page, '09-settings')

  await page.getByLabel('Address').fill('2 Quay Road')
  await page.clock.fastForward('00:50')
  await expect(page.getByRole('dialog', { name: 'Locked' })).toHaveCount(0)
  await page.clock.fastForward('00:20')
  const dialog = page.getByRole('dialog', { name: 'Locked' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Your password').fill(ADMIN.password)
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByLabel('Address')).toHaveValue('2 Quay Road')
})

test('login and adding a patient work with the keyboard alone', async ({ page, request }) => {
  const h = await host()
  await seedClinicThroughApi(request, h)
  await page.goto(h.url)
  const kb = page.keyboard
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeFocused()
  await kb.press('Tab')
  await expect(page.getByLabel('Username')).toBeFocused()
  await kb.type(STAFF.username)
  await kb.press('Tab')
  await kb.type(STAFF.password)
  await kb.press('Enter')

  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeFocused()
  await kb.press('Tab')
  const add = page.getByRole('button', { name: 'Add patient' })
  await expect(add).toBeFocused()
  // A keyboard user can see where they are: a solid focus ring of at least 2px.
  const ring = await add.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }))
  expect(ring.style).toBe('solid')
  expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2)
  await kb.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Add patient' })).toBeFocused()
  await kb.press('Tab')
  await kb.type('Łucja')
  await kb.press('Tab')
  await kb.type('Żółkiewska')
  await kb.press('Tab')
  await expect(page.getByLabel('Date of birth')).toBeFocused()
  await kb.type('07221991') // en-US order: month, day, year
  // Chromium's date field has one more stop (its calendar button) before leaving.
  await tabUntilFocused(page, page.getByLabel('Record number'), 'Tab', 3)
  await kb.type('KB-1')
  await kb.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Łucja Żółkiewska' })).toBeFocused()
  await expect(page.getByRole('main').getByText('Saved. The patient has been added.')).toBeVisible()
  await expect(page.getByText('Jul 22, 1991')).toBeVisible()

  // Going back from the heading through the header reaches the skip link, which jumps over it.
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await tabUntilFocused(page, skip, 'Shift+Tab', 12)
  await expect(skip).toBeVisible()
  await kb.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
})

test('the demo clinic shows its logins and its patients can be found without accents', async ({ page }) => {
  const h = await host()
  await page.goto(h.url)
  await page.getByRole('button', { name: 'Load the demo clinic' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Demo clinic ready' })).toBeVisible()
  const logins = page.getByRole('table', { name: 'Demo logins' })
  await expect(logins.getByRole('row', { name: /Clinician vbeer clinician-demo-2026/ })).toBeVisible()
  await expectAccessible(page, 'demo logins')
  await screenshot(page, '01-demo-logins')
  await page.getByRole('button', { name: 'Continue to log in' }).click()
  await logIn(page, 'vbeer', 'clinician-demo-2026')
  await expect(page.getByText('Dr. Victor Beer, dermatologist')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Recently updated' }).getByRole('row')).toHaveCount(13)
  await expectAccessible(page, 'demo patients')
  await screenshot(page, '05-patients-demo')
  const results = await searchPatients(page, 'muller')
  await expect(results.getByRole('row', { name: /Hans Müller/ })).toBeVisible()

  // On a tablet held upright the same screen still fits and stays usable.
  await page.setViewportSize({ width: 768, height: 1024 })
  await page.getByRole('button', { name: 'Hans Müller' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Hans Müller' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768)
  await expectAccessible(page, 'patient detail on a tablet')
  await screenshot(page, '11-patient-detail-tablet')
})

test('first run shows the setup screen', async ({ page }) => {
  const h = await host()
  await page.goto(h.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your clinic' })).toBeVisible()
  await expectAccessible(page, 'setup')
  await screenshot(page, '00-setup')
  // A mismatched confirmation and a short password are shown at their fields.
  await page.getByLabel('Password', { exact: true }).fill('short')
  await page.getByLabel('Password again').fill('different')
  await page.getByRole('button', { name: 'Create the clinic' }).click()
  await expect(page.getByLabel('Password again')).toHaveAccessibleDescription(/not the same/)
  await expect(page.getByRole('alert')).toHaveText(/Nothing was saved/)
  await page.getByLabel('Password again').fill('short')
  await page.getByRole('button', { name: 'Create the clinic' }).click()
  await expect(page.getByLabel('Clinic name')).toHaveAccessibleDescription(/Please fill this in/)
  await expect(page.getByLabel('Clinic name')).toBeFocused()
  await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(/at least 10 characters/)
  await expectAccessible(page, 'setup with errors')
  await screenshot(page, '00-setup-errors')
})
