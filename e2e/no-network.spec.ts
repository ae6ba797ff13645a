// No network: every request the page makes during a whole session (setting
// the clinic up, users, patients, and a full consultation from the first
// section to the clinician's sign-off) goes to the app's own origin. Nothing
// is fetched from, or sent to, anywhere else: no fonts, no analytics, no CDN.
import { expect, test, type BrowserContext } from '@playwright/test'
import { addPatient, addUser, logIn, logOut, searchPatients, setUpClinic, STAFF } from './support/app'
import { startHost, type RunningHost } from './support/host'
import {
  acknowledgeAll,
  answerAllComprehensionRight,
  clinicianPhase,
  handToPatient,
  logInAsClinician,
  registerPatient,
  reviewAndSign,
  signOff,
  startConsultation,
  startSeededHost,
  takeScreenBack,
} from './consultation-steps'

let host: RunningHost | undefined
test.afterEach(async () => {
  await host?.stop()
  host = undefined
})

/** Records every request and WebSocket of every page in the context, from before the first navigation. */
function recordTraffic(context: BrowserContext): { requests: string[]; sockets: string[] } {
  const seen = { requests: [] as string[], sockets: [] as string[] }
  context.on('request', (r) => seen.requests.push(r.url()))
  context.on('page', (p) => p.on('websocket', (ws) => seen.sockets.push(ws.url())))
  for (const p of context.pages()) p.on('websocket', (ws) => seen.sockets.push(ws.url()))
  return seen
}

function outsideOrigin(urls: string[], origin: string): string[] {
  return urls.filter((u) => {
    if (u.startsWith('data:')) return false // inline, not a network request
    if (u.startsWith('blob:')) return !u.startsWith(`blob:${origin}/`)
    return new URL(u).origin !== origin
  })
}

test('setting up, users and patients: no request leaves the app origin', async ({ page, context }) => {
  const traffic = recordTraffic(context)
  host = await startHost()
  await setUpClinic(page, host.url)
  await addUser(page, { displayName: STAFF.displayName, username: STAFF.username, role: 'Staff', password: STAFF.password })
  await logOut(page)
  await logIn(page, STAFF.username, STAFF.password)
  await addPatient(page, { givenName: 'Ngozi', familyName: 'Okafor', dateOfBirth: '1987-08-09', recordNumber: 'NET-0001' })
  const results = await searchPatients(page, 'okaf')
  await expect(results.getByRole('row', { name: /Ngozi Okafor/ })).toBeVisible()
  await logOut(page)

  expect(traffic.requests.length).toBeGreaterThan(10)
  expect(traffic.requests.some((u) => u.includes('/api/patients.create'))).toBe(true)
  expect(outsideOrigin(traffic.requests, host.origin)).toEqual([])
  expect(traffic.sockets).toEqual([])
  expect(context.serviceWorkers()).toEqual([])
})

test('a whole consultation to sign-off: no request leaves the app origin', async ({ page, context }) => {
  const traffic = recordTraffic(context)
  host = await startSeededHost()
  await logInAsClinician(page, host.url)
  await registerPatient(page, { givenName: 'Leilani', familyName: 'Kahale', dateOfBirth: '1992-11-30', recordNumber: 'NET-0002' })
  await startConsultation(page, 'Leilani Kahale')
  await clinicianPhase(page)
  await handToPatient(page)
  await acknowledgeAll(page, 'LK')
  await answerAllComprehensionRight(page)
  await reviewAndSign(page, 'Leilani Kahale')
  await takeScreenBack(page)
  await signOff(page)

  expect(traffic.requests.some((u) => u.includes('/api/consultation.signOff'))).toBe(true)
  expect(outsideOrigin(traffic.requests, host.origin)).toEqual([])
  expect(traffic.sockets).toEqual([])
  expect(context.serviceWorkers()).toEqual([])
})
