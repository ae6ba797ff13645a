// Saves a full-page screenshot of a main screen into e2e/.artifacts/screenshots
// (gitignored), so a person can look at how each screen really renders.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'

const DIR = resolve(import.meta.dirname, '..', '.artifacts', 'screenshots')

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true })
  // Let focus rings and fonts settle; no animation runs in the app.
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: true })
}
