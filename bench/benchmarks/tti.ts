// tti: from navigation to the first usable screen of the built renderer in
// Chromium, served by the browser host (src/main/web/server.ts) from an
// electron-vite production build, on a clinic that is set up, so the first
// screen is the login form. "Usable" = the username field is visible and
// enabled. Peer: a blank React page (bench/blank) built by the same Vite with
// the same React plugin, served by the same host code, with the same field.
//
// Each round opens a fresh browser context (no HTTP cache, no storage) in one
// warm Chromium, and the page itself records the moment: an init script
// watches the DOM from the first byte and notes performance.now() (time since
// navigation start) when the field is visible and enabled.
//
// initial_js (a separate, single-round entry) is the size of the JavaScript
// the renderer's index.html loads before anything else (its module script
// and modulepreloads), gzipped at zlib's default level.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { Core, resourcesDir } from '../../src/main/core'
import { seedClinicData } from '../../src/main/seed/seed'
import { startWebHost, type WebHost } from '../../src/main/web/server'
import type { Benchmark } from '../lib/types'

const FIELD = 'input[autocomplete="username"]'

/** Runs in the page before its own scripts: records when the field becomes usable. */
const WATCH = `(() => {
  const usable = () => {
    const el = document.querySelector(${JSON.stringify(FIELD)});
    if (!el || el.disabled || el.closest('[inert],[aria-hidden="true"]')) return false;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const check = () => {
    if (window.__usableAt === undefined && usable()) { window.__usableAt = performance.now(); obs.disconnect(); }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();`

async function timeToUsable(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext()
  try {
    await context.addInitScript(WATCH)
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt !== undefined, undefined, { timeout: 30_000, polling: 50 })
    return await page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt)
  } finally {
    await context.close()
  }
}

export const tti: Benchmark = {
  name: 'tti',
  unit: 'ms',
  description: 'navigation to the first usable screen (login form) of the built renderer in Chromium vs a blank React page',
  async prepare(env) {
    const [appDir, blankDir, browser] = await Promise.all([env.fixtures.renderer(), env.fixtures.blank(), env.fixtures.browser()])
    // A set-up clinic (users exist), so the app's first screen is the login form.
    const dataDir = join(env.workDir, 'tti-clinic')
    await seedClinicData({ dataDir, resourcesDir, patients: 50, consultations: 0, seed: 'tti' })
    const core = Core.open({ dataDir, resourcesDir })
    const hosts: WebHost[] = []
    try {
      hosts.push(await startWebHost({ core, rendererDir: appDir, port: 0 }))
      hosts.push(await startWebHost({ core, rendererDir: blankDir, port: 0 }))
    } catch (e) {
      for (const h of hosts) await h.close()
      core.close()
      throw e
    }
    const [app, blank] = hosts as [WebHost, WebHost]
    return {
      contenders: [
        {
          name: 'ours',
          role: 'ours',
          what: 'built renderer (electron-vite build) via the browser host: navigation start to login username field visible and enabled',
          measure: () => timeToUsable(browser, app.url),
        },
        {
          name: 'blank-react',
          role: 'peer',
          what: 'bench/blank built by the same Vite + React plugin, same host code: navigation start to its username field visible and enabled',
          measure: () => timeToUsable(browser, blank.url),
        },
      ],
      goals: [{ text: 'ours p50 within 150 ms of blank-react p50', ours: 'ours', peer: 'blank-react', check: (o, p) => o - p! <= 150 }],
      notes: { browser: browser.version() },
      async teardown() {
        for (const h of hosts) await h.close()
        core.close()
      },
    }
  },
}

/** The JavaScript index.html loads up front: its module entry and every modulepreload. */
export function initialScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!)
  return [...new Set(srcs)].map((s) => join(dir, s.replace(/^\.?\//, '')))
}

export const initialJs: Benchmark = {
  name: 'initial_js',
  unit: 'bytes',
  description: "the renderer's initial JavaScript (entry + modulepreloads), gzipped",
  singleRound: true,
  async prepare(env) {
    const [appDir, blankDir] = await Promise.all([env.fixtures.renderer(), env.fixtures.blank()])
    const size = (dir: string) => initialScripts(dir).reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0)
    const files = (dir: string) => initialScripts(dir).map((f) => ({ file: f.slice(dir.length + 1), raw: readFileSync(f).length, gzip: gzipSync(readFileSync(f)).length }))
    return {
      contenders: [
        { name: 'ours', role: 'ours', what: 'renderer index.html entry script + modulepreloads, gzip (zlib default level)', measure: async () => size(appDir) },
        { name: 'blank-react', role: 'peer', what: 'the blank React page, same measure', measure: async () => size(blankDir) },
      ],
      goals: [{ text: 'ours < 170 KB (174,080 bytes) gzipped', ours: 'ours', peer: null, check: (o) => o < 170 * 1024 }],
      notes: { files: files(appDir), blankFiles: files(blankDir) },
      async teardown() {},
    }
  },
}
