// The desktop app itself, where Electron's binary is installed: the built app
// (out/) in real Electron, through the real preload bridge and IPC. Loads the
// demo clinic, logs in as its clinician, adds a patient and discusses the
// first section of a consultation: every call crosses window.dermConsent,
// ipcRenderer.invoke and ipcMain.handle. Where the binary is missing (it cannot
// be downloaded on every machine) the test skips with one line saying so.
import { expect, test } from '@playwright/test'
import { addPatient, logIn } from './support/app'
import { electronUnavailable, launchElectronApp, type RunningElectronApp } from './support/electron'
import { CLINICIAN, currentSectionHeading, markDiscussed, startConsultation } from './consultation-steps'

const unavailable = electronUnavailable()

let running: RunningElectronApp | undefined
test.afterEach(async () => {
  await running?.close()
})

test('Electron: log in, add a patient and discuss a section through the preload and IPC', async () => {
  if (unavailable) console.log(unavailable)
  test.skip(unavailable !== null, unavailable ?? '')
  // The first run on a machine builds better-sqlite3 for Electron's ABI (see support/electron.ts).
  test.setTimeout(10 * 60_000)
  running = await launchElectronApp()
  const { page } = running

  // The page is the app's own, and it reaches the core only through the preload's bridge.
  await expect(page).toHaveURL('app://bundle/index.html')
  expect(await page.evaluate(() => typeof window.dermConsent?.['setup.status'])).toBe('function')
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')

  await expect(page.getByRole('heading', { level: 1, name: 'Set up your clinic' })).toBeVisible()
  await page.getByRole('button', { name: 'Load the demo clinic' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Demo clinic ready' })).toBeVisible()
  await page.getByRole('button', { name: 'Continue to log in' }).click()
  await logIn(page, CLINICIAN.username, CLINICIAN.password)

  await addPatient(page, { givenName: 'Electra', familyName: 'Shell', dateOfBirth: '1988-04-12', recordNumber: 'MRN-E-0001' })
  await startConsultation(page, 'Electra Shell')
  const first = await currentSectionHeading(page).innerText()
  await markDiscussed(page)
  await expect(currentSectionHeading(page)).not.toHaveText(first)
})
