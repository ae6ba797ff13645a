// Shared steps of the consultation end-to-end specs (e2e/consultation*.spec.ts):
// a seeded demo clinic, the clinician's login, drawing a signature with the
// mouse and keeping screenshots of the main steps. Everything is done the way
// a person does it: by role and label, through the real host.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { newDataDir } from './support/host'

const ROOT = resolve(import.meta.dirname, '..')
export const SCREENSHOTS = join(ROOT, 'e2e', '.artifacts', 'screenshots')

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

export async function logIn(page: Page, url: string, who = CLINICIAN): Promise<void> {
  await page.goto(url)
  await page.getByLabel(/username/i).fill(who.username)
  await page.getByLabel(/password/i).fill(who.password)
  await page.getByRole('button', { name: /log in/i }).click()
  await expect(page.getByRole('button', { name: /log out/i })).toBeVisible()
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

/** Draws a dot-sized scribble: too little to stand as a signature. */
export async function drawTrivialMark(page: Page, pad: Locator): Promise<void> {
  const box = await pad.boundingBox()
  if (!box) throw new Error('signature pad not visible')
  await page.mouse.move(box.x + 50, box.y + 50)
  await page.mouse.down()
  await page.mouse.move(box.x + 53, box.y + 52, { steps: 2 })
  await page.mouse.up()
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}
