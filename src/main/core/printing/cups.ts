// Printing through CUPS with its own command-line tools: `lpstat -e` lists the
// destinations, `lpstat -d` names the default, `lp -d NAME` queues the job
// (the PDF goes in on standard input, so no copy of a patient's consent is
// left in a temp file). A missing tool or a refused job becomes a plain
// sentence for the person at the desk.
import { spawn } from 'node:child_process'
import { AppError } from '../../../shared/errors'
import type { PrintRequest, PrintService, PrinterInfo, SubmittedPrintJob } from './print-service'

interface Ran {
  code: number | null
  stdout: string
  stderr: string
  missing: boolean
}

function runTool(cmd: string, args: string[], input?: Buffer, timeoutMs = 30_000): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } })
    let stdout = ''
    let stderr = ''
    let missing = false
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') missing = true
      else stderr += e.message
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr: stderr.trim(), missing })
    })
    child.stdin.on('error', () => {}) // the tool may exit before reading everything; its exit code tells
    child.stdin.end(input)
  })
}

/** Printer names CUPS accepts: no spaces, slashes or '#'. Refusing others keeps `lp -d` unambiguous. */
const PRINTER_NAME = /^[^\s/#\\]{1,127}$/

export class CupsPrintService implements PrintService {
  async unavailableReason(): Promise<string | null> {
    const r = await runTool('lpstat', ['-r'])
    if (r.missing) return 'Printing is not set up on this computer (the CUPS printing system is not installed).'
    if (/not running/i.test(r.stdout + r.stderr) || r.code !== 0) return 'The printing service (CUPS) is not running on this computer.'
    return null
  }

  async listPrinters(): Promise<PrinterInfo[]> {
    const names = await runTool('lpstat', ['-e'])
    if (names.missing || names.code !== 0) return []
    const def = await runTool('lpstat', ['-d'])
    const defaultName = /system default destination:\s*(\S+)/.exec(def.stdout)?.[1] ?? null
    const states = await runTool('lpstat', ['-p'])
    const stateOf = (n: string) => {
      const line = states.stdout.split('\n').find((l) => l.startsWith(`printer ${n} `))
      if (!line) return 'unknown'
      if (/disabled/.test(line)) return 'disabled'
      if (/now printing/.test(line)) return 'printing'
      if (/is idle/.test(line)) return 'idle'
      return 'unknown'
    }
    return names.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((name) => ({ name, isDefault: name === defaultName, state: stateOf(name) }))
  }

  async print(pdf: Buffer, req: PrintRequest): Promise<SubmittedPrintJob> {
    if (!PRINTER_NAME.test(req.printer)) throw new AppError('validation', 'That is not a printer name.', { fields: [{ path: 'printer', code: 'invalid' }] })
    const why = await this.unavailableReason()
    if (why) throw new AppError('invalid_state', why)
    const known = await this.listPrinters()
    if (!known.some((p) => p.name === req.printer)) throw new AppError('not_found', `There is no printer called "${req.printer}" on this computer. Choose one from the list.`)
    const r = await runTool('lp', ['-d', req.printer, '-n', String(req.copies), '-t', req.title, '-o', 'document-format=application/pdf'], pdf)
    const jobId = /request id is (\S+)/.exec(r.stdout)?.[1]
    if (r.code !== 0 || !jobId)
      throw new AppError('invalid_state', `The printer "${req.printer}" did not accept the document${r.stderr ? `: ${r.stderr.replace(/^lp:\s*/, '')}` : '.'}`)
    return { printer: req.printer, jobId }
  }
}

export const cupsPrintService: PrintService = new CupsPrintService()
