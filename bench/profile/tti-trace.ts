// Where the first usable screen's time goes: serves the built renderer
// (out/renderer after `npx electron-vite build`, or RENDERER_DIR) through the browser
// host on a set-up clinic, loads it in Chromium N times, and prints the
// resource timings (document, scripts, styles, API calls) against the moment
// the username field became usable: `tsx bench/profile/tti-trace.ts [rounds]`.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { Core, rendererDir as builtRenderer, resourcesDir } from '../../src/main/core'
import { seedClinicData } from '../../src/main/seed/seed'
import { startWebHost } from '../../src/main/web/server'
import { CHROMIUM, CHROMIUM_FLAGS } from '../lib/fixtures'

const rounds = Number(process.argv[2] ?? 5)
const dataDir = mkdtempSync(join(tmpdir(), 'derm-consent-tti-trace-'))
await seedClinicData({ dataDir, resourcesDir, patients: 5, consultations: 0, seed: 'trace' })
const core = Core.open({ dataDir, resourcesDir })
const host = await startWebHost({ core, rendererDir: process.env.RENDERER_DIR ?? builtRenderer, port: 0 })
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
for (let i = 0; i < rounds; i++) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(host.url)
  await page.locator('input[autocomplete="username"]').waitFor({ state: 'visible' })
  const usable = await page.evaluate(() => performance.now())
  const entries = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
      const r = e as PerformanceResourceTiming
      return `${r.name.replace(location.origin, '').padEnd(42).slice(0, 42)} start ${r.startTime.toFixed(0).padStart(5)}  end ${r.responseEnd.toFixed(0).padStart(5)}  ${(r.encodedBodySize / 1024).toFixed(1)} KB`
    }),
  )
  console.log(`round ${i + 1}: field visible by ${usable.toFixed(0)} ms (upper bound: Playwright polling)`)
  for (const e of entries) console.log(`  ${e}`)
  await context.close()
}
await browser.close()
await host.close()
core.close()
