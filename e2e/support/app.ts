// Steps through the real UI that several end-to-end specs share: setting up a
// clinic, logging in and out, adding a user or a patient. Each step checks the
// screen it lands on with axe, so every screen a test visits is audited.
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { expectAccessible } from './a11y'

export const ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'admin-password-2026' }

export async function setUpClinic(page: Page, url: string, clinicName = 'Harbour Skin Clinic'): Promise<void> {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your clinic' })).toBeVisible()
  await expectAccessible(page, 'setup')
  await page.getByLabel('Clinic name').fill(clinicName)
  await page.getByLabel('Address').fill('1 Quay Road\nPortside 1234')
  await page.getByLabel('Full name').fill(ADMIN.displayName)
  await page.getByLabel('Username').fill(ADMIN.username)
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
  await page.getByLabel('Password again').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Create the clinic' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
}

export async function addUser(page: Page, u: { displayName: string; username: string; role: 'Administrator' | 'Clinician' | 'Staff'; password: string }): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Users' }).click()
  await page.getByRole('button', { name: 'Add user' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Add user' })).toBeVisible()
  await page.getByLabel('Full name').fill(u.displayName)
  await page.getByLabel('Username').fill(u.username)
  await page.getByLabel('Role').selectOption({ label: u.role })
  await page.getByLabel('First password').fill(u.password)
  await page.getByRole('button', { name: 'Add user' }).click()
  await expect(page.getByRole('main').getByText(`Saved. ${u.displayName} can now log in.`)).toBeVisible()
  await expect(page.getByRole('row', { name: new RegExp(u.displayName) })).toBeVisible()
}

export interface NewPatient {
  givenName: string
  familyName: string
  dateOfBirth: string
  recordNumber: string
  phone?: string
  email?: string
}

/** Opens "Add patient" from the patients screen and fills the form (without saving). */
export async function fillPatientForm(page: Page, p: Partial<NewPatient>): Promise<void> {
  if (p.givenName !== undefined) await page.getByLabel('Given name').fill(p.givenName)
  if (p.familyName !== undefined) await page.getByLabel('Family name').fill(p.familyName)
  if (p.dateOfBirth !== undefined) await page.getByLabel('Date of birth').fill(p.dateOfBirth)
  if (p.recordNumber !== undefined) await page.getByLabel('Record number').fill(p.recordNumber)
  if (p.phone !== undefined) await page.getByLabel('Phone').fill(p.phone)
  if (p.email !== undefined) await page.getByLabel('Email').fill(p.email)
}

export async function addPatient(page: Page, p: NewPatient): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Patients' }).click()
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Add patient' })).toBeVisible()
  await fillPatientForm(page, p)
  await page.getByRole('button', { name: 'Add patient' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${p.givenName} ${p.familyName}` })).toBeVisible()
  await expect(page.getByRole('main').getByText('Saved. The patient has been added.')).toBeVisible()
}

/** Types into the patient search box and returns the result rows' record numbers. */
export async function searchPatients(page: Page, query: string) {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Patients' }).click()
  await page.getByRole('searchbox', { name: 'Find a patient' }).fill(query)
  return page.getByRole('table', { name: query.trim() ? 'Matching patients' : 'Recently updated' })
}

export const STAFF = { username: 'sam', displayName: 'Sam Staff', password: 'staff-password-2026' }

/**
 * Sets a clinic up straight through the API (an administrator and a staff
 * member), for specs whose subject is a later screen. Uses its own request
 * context, so the browser page starts logged out.
 */
export async function seedClinicThroughApi(request: APIRequestContext, host: { origin: string; token: string }): Promise<void> {
  const headers = { Authorization: `Bearer ${host.token}` }
  const post = async (name: string, data: unknown) => {
    const res = await request.post(`${host.origin}/api/${name}`, { headers, data })
    const body = (await res.json()) as { ok: boolean; error?: unknown }
    expect(body.ok, `${name}: ${JSON.stringify(body.error)}`).toBe(true)
  }
  await post('setup.createClinic', {
    clinic: { name: 'Harbour Skin Clinic', address: '1 Quay Road\nPortside 1234' },
    admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
  })
  await post('users.create', { username: STAFF.username, displayName: STAFF.displayName, role: 'staff', password: STAFF.password })
  await post('session.logout', {})
}
