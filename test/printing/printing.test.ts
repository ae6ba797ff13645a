// Printing a stored consent to a real CUPS queue: a cups-pdf virtual printer
// (set up by scripts/setup-print-test.sh) turns the job back into a PDF file,
// and the test checks the job completed with the consent's page count. Also:
// a clear refusal for a printer that does not exist, every print in the audit
// trail, and staff unable to change the record they print.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Core, appRoot, resourcesDir } from '../../src/main/core'
import { loadDemoClinic, DEMO_LOGINS } from '../../src/main/demo/demo-clinic'
import { completeConsultation } from '../../src/main/client/complete-consultation'
import { Client } from '../../src/main/client/client'

const PRINTER = 'DermTestPDF'
const setup = spawnSync('sh', [resolve(appRoot, 'scripts/setup-print-test.sh')], { encoding: 'utf8', env: { ...process.env, DERM_TEST_PRINTER: PRINTER } })
const cupsReady = setup.status === 0
if (!cupsReady) console.warn(`Print test skipped: ${setup.stderr.trim() || setup.stdout.trim() || 'the cups-pdf test printer could not be set up'}`)

/** cups-pdf's output folder (`Out` in its config; ${HOME} is the submitting user's home). */
function cupsPdfOutDir(): string {
  const conf = existsSync('/etc/cups/cups-pdf.conf') ? readFileSync('/etc/cups/cups-pdf.conf', 'utf8') : ''
  const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '${HOME}/PDF'
  return out.replace('${HOME}', homedir()).replace('${USER}', process.env.USER ?? 'root')
}

function sh(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  return `${r.stdout}${r.stderr}`
}

describe.skipIf(!cupsReady)('printing a stored consent through CUPS', () => {
  let core: Core
  let desk: Client
  let consultationId: number

  beforeAll(async () => {
    core = Core.open({ dataDir: mkdtempSync(join(tmpdir(), 'derm-print-')), resourcesDir })
    await loadDemoClinic(core, { withConsent: false })
    const patient = core.ctx.db.prepare("SELECT id FROM patients WHERE record_number = 'MRN-1002'").get() as { id: number }
    ;({ consultationId } = await completeConsultation(core, { patientId: patient.id, clinician: { username: DEMO_LOGINS[0].username, password: DEMO_LOGINS[0].password } }))
    desk = new Client(core)
    const staff = DEMO_LOGINS.find((l) => l.role === 'staff')!
    await desk.call('session.login', { username: staff.username, password: staff.password })
  })
  afterAll(() => core?.close())

  it('lists the CUPS printers', async () => {
    const r = await desk.call('consents.listPrinters', {})
    expect(r.available).toBe(true)
    expect(r.printers.map((p) => p.name)).toContain(PRINTER)
  })

  it('prints the stored bytes; the job completes with the consent’s page count, and the print is audited', async () => {
    const [item] = await desk.call('consents.search', { query: 'Иван' })
    expect(item?.consultationId).toBe(consultationId)
    const outDir = cupsPdfOutDir()
    const before = new Set(existsSync(outDir) ? readdirSync(outDir) : [])

    const job = await desk.call('consents.print', { documentId: item!.document.documentId, printer: PRINTER, copies: 1 })
    expect(job.jobId).toMatch(new RegExp(`^${PRINTER}-\\d+$`))

    // Wait for CUPS to finish the job, then for cups-pdf's file to appear whole.
    let produced: string | undefined
    for (let i = 0; i < 120 && !produced; i++) {
      const completed = sh('lpstat', ['-W', 'completed', '-o', PRINTER])
      if (completed.includes(job.jobId) && existsSync(outDir)) {
        const fresh = readdirSync(outDir).filter((f) => !before.has(f) && f.endsWith('.pdf'))
        const f = fresh.find((x) => statSync(join(outDir, x)).size > 0)
        if (f) produced = join(outDir, f)
      }
      if (!produced) await new Promise((r) => setTimeout(r, 500))
    }
    expect(produced, `no output from cups-pdf in ${outDir}`).toBeDefined()
    const info = sh('pdfinfo', [produced!])
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(item!.document.pageCount)

    const detail = await desk.call('consents.get', { consultationId })
    expect(detail.history.map((h) => h.what)).toContain(`PDF printed on ${PRINTER}`)
    const audit = core.ctx.db.prepare("SELECT actor_name, detail FROM audit_log WHERE action = 'consent_document.print'").all() as { actor_name: string; detail: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor_name).toBe('Sam Reyes (front desk)')
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ printer: PRINTER, jobId: job.jobId, sha256: item!.document.sha256 })
  })

  it('says clearly when the printer does not exist', async () => {
    const [item] = await desk.call('consents.search', { query: 'MRN-1002' })
    const e = await desk.fail('consents.print', { documentId: item!.document.documentId, printer: 'NoSuchPrinter', copies: 1 })
    expect(e.code).toBe('not_found')
    expect(e.message).toContain('There is no printer called "NoSuchPrinter"')
  })

  it('lets staff read and print, never change the record', async () => {
    expect((await desk.fail('consultation.addAddendum', { consultationId, text: 'changed by staff' })).code).toBe('forbidden')
    expect((await desk.fail('consultation.withdraw', { consultationId, reason: 'x' })).code).toBe('forbidden')
  })
})
