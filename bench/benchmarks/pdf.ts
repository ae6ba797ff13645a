// pdf: the standard consent summary of a real signed-off consultation (run
// through the dispatcher on a generated clinic: every section, screening,
// plan, understanding check, the patient's and the clinician's signatures),
// laid out by our consent-pdf module (pdfkit, embedded Noto Sans, PDF/A-2b,
// tagged), unsigned and signed (PAdES with the clinician's key, unlocked once
// before measuring: unlocking is password checking, not PDF making).
// Peers: the same content as HTML (bench/peers/consent-html.ts, same fonts)
// printed by Debian's Chromium
//  - warm: playwright-core page.pdf() on a page that is already open (goto
//    the HTML file + pdf, footer template with page numbers);
//  - cold: `chromium --headless --print-to-pdf` as a new process each time.
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Core, layoutConsent, patientFullName, type ConsentSeal, signConsentPdf, buildConsentRecord, resourcesDir, unlockSigningCredential } from '../../src/main/core'
import { completeConsultation } from '../../src/main/client/complete-consultation'
import { seedClinicData, SEED_LOGINS } from '../../src/main/seed/seed'
import { CHROMIUM, CHROMIUM_FLAGS } from '../lib/fixtures'
import type { Benchmark } from '../lib/types'
import { consentHtml, footerTemplate } from '../peers/consent-html'

function pdfPages(file: string): number {
  const m = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))
  return m ? Number(m[1]) : NaN
}

function coldChromium(htmlUrl: string, out: string): Promise<number> {
  rmSync(out, { force: true })
  return new Promise((resolve, reject) => {
    const t = performance.now()
    const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, '--headless', `--print-to-pdf=${out}`, '--no-pdf-header-footer', htmlUrl], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', (code) => {
      const ms = performance.now() - t
      if (code !== 0 || !existsSync(out) || statSync(out).size === 0) reject(new Error(`chromium --print-to-pdf exited ${code} without a PDF`))
      else resolve(ms)
    })
  })
}

export const pdf: Benchmark = {
  name: 'pdf',
  unit: 'ms',
  description: 'the standard consent summary (two signatures, embedded fonts, PDF/A), unsigned and signed, vs the same content printed by Chromium',
  async prepare(env) {
    const dataDir = join(env.workDir, 'pdf-clinic')
    await seedClinicData({ dataDir, resourcesDir, patients: 40, consultations: 0, seed: 'pdf' })
    const core = Core.open({ dataDir, resourcesDir })
    const clinician = SEED_LOGINS.find((u) => u.role === 'clinician')!
    // A patient whose name the shipped fonts can print (Noto Sans: Latin, Greek, Cyrillic).
    const patient = core.ctx.db
      .prepare('SELECT id, given_name, family_name FROM patients ORDER BY id')
      .all()
      .find((p) =>
        /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\s'.-]+$/u.test(`${(p as { given_name: string }).given_name} ${(p as { family_name: string }).family_name}`),
      ) as { id: number }
    env.log('  running a consultation to sign-off for its consent record...')
    const { consultationId } = await completeConsultation(core, { patientId: patient.id, clinician: { username: clinician.username, password: clinician.password } })
    const record = buildConsentRecord(core.ctx, consultationId)
    const stored = core.ctx.db.prepare('SELECT record_sha256, audit_position, audit_head FROM consent_documents WHERE consultation_id = ?').get(consultationId) as {
      record_sha256: string
      audit_position: number
      audit_head: string
    }
    const seal: ConsentSeal = { recordSha256: stored.record_sha256, auditPosition: stored.audit_position, auditHead: stored.audit_head }
    const credential = await unlockSigningCredential(core.ctx, record.clinician.id, clinician.password)
    const details = {
      signerName: record.clinician.displayName,
      reason: `Consent of ${patientFullName(record)} (record ${record.patient.recordNumber}) signed off by the treating clinician`,
      location: [record.clinic.name, record.clinic.address.replace(/\n/g, ', ')].filter(Boolean).join(', '),
      contactInfo: record.clinic.name,
      signingTime: new Date(record.timings.signedOffAt ?? record.endedAt ?? Date.now()),
    }
    const layout = () => layoutConsent(record, seal, { resourcesDir })

    const htmlFile = join(env.workDir, 'consent.html')
    writeFileSync(htmlFile, consentHtml(record, seal, resourcesDir))
    const htmlUrl = pathToFileURL(htmlFile).href
    const browser = await env.fixtures.browser()
    const context = await browser.newContext()
    const page = await context.newPage()
    const pdfOptions = {
      format: 'A4' as const,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(record, seal.recordSha256),
    }
    const warm = async () => {
      await page.goto(htmlUrl, { waitUntil: 'load' })
      return page.pdf(pdfOptions)
    }

    // What each side produces, for the record (pages, bytes).
    const samples = join(env.workDir, 'pdf-samples')
    execFileSync('mkdir', ['-p', samples])
    const oursUnsigned = (await layout()).pdf
    const oursSigned = await signConsentPdf(oursUnsigned, credential, details)
    writeFileSync(join(samples, 'ours-signed.pdf'), oursSigned)
    writeFileSync(join(samples, 'chromium-warm.pdf'), await warm())
    await coldChromium(htmlUrl, join(samples, 'chromium-cold.pdf'))
    const notes: Record<string, unknown> = {
      pages: {
        ours: pdfPages(join(samples, 'ours-signed.pdf')),
        chromiumWarm: pdfPages(join(samples, 'chromium-warm.pdf')),
        chromiumCold: pdfPages(join(samples, 'chromium-cold.pdf')),
      },
      bytes: {
        oursUnsigned: oursUnsigned.length,
        oursSigned: oursSigned.length,
        chromiumWarm: readFileSync(join(samples, 'chromium-warm.pdf')).length,
        chromiumCold: readFileSync(join(samples, 'chromium-cold.pdf')).length,
      },
      signatures: record.signatures.map((s) => s.role),
      chromiumFlags: CHROMIUM_FLAGS,
      caveat: 'Chromium output is neither PDF/A nor signed; the cold peer prints without the running footer (no template on the command line).',
    }
    const coldOut = join(env.workDir, 'cold.pdf')
    return {
      contenders: [
        {
          name: 'ours-signed',
          role: 'ours',
          what: 'layoutConsent(record) + signConsentPdf (PAdES, RSA-2048), in-process; key unlocked once beforehand',
          async measure() {
            const t = performance.now()
            const { pdf } = await layout()
            await signConsentPdf(pdf, credential, details)
            return performance.now() - t
          },
        },
        {
          name: 'ours-unsigned',
          role: 'ours',
          what: 'layoutConsent(record): pdfkit, embedded Noto Sans subsets, PDF/A-2b, tagged',
          async measure() {
            const t = performance.now()
            await layout()
            return performance.now() - t
          },
        },
        {
          name: 'chromium-warm',
          role: 'peer',
          what: 'playwright-core on an open page of Debian Chromium: page.goto(same content as HTML file) + page.pdf(A4, footer template)',
          async measure() {
            const t = performance.now()
            await warm()
            return performance.now() - t
          },
        },
        {
          name: 'chromium-cold',
          role: 'peer',
          what: `new process: chromium ${CHROMIUM_FLAGS.join(' ')} --headless --print-to-pdf --no-pdf-header-footer <same HTML file>`,
          measure: () => coldChromium(htmlUrl, coldOut),
        },
      ],
      goals: [
        { text: 'ours-signed p50 <= 0.8 x chromium-warm p50', ours: 'ours-signed', peer: 'chromium-warm', check: (o, p) => o <= 0.8 * p! },
        { text: 'ours-signed p50 < 0.2 x chromium-cold p50', ours: 'ours-signed', peer: 'chromium-cold', check: (o, p) => o < 0.2 * p! },
        { text: 'ours-unsigned p50 <= 0.8 x chromium-warm p50', ours: 'ours-unsigned', peer: 'chromium-warm', check: (o, p) => o <= 0.8 * p! },
        { text: 'ours-unsigned p50 < 0.2 x chromium-cold p50', ours: 'ours-unsigned', peer: 'chromium-cold', check: (o, p) => o < 0.2 * p! },
      ],
      notes,
      async teardown() {
        await context.close()
        core.close()
      },
    }
  },
}
