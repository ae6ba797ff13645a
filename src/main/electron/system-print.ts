// Printing in the desktop app: the system print dialog for a stored consent,
// next to direct printing to a CUPS printer (Linux, macOS) that the core
// already offers. The dialog prints the stored bytes themselves: they are
// served once from app://bundle/__print/<random>.pdf into a hidden window
// with Chromium's PDF viewer (Electron ≥ 30 prints PDFs correctly), never
// re-rendered and never written to a temp file.
import { BrowserWindow } from 'electron'
import { randomBytes } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { PrintRequest, PrintService, PrinterInfo, SubmittedPrintJob } from '../core'
import { APP_ORIGIN } from './window-options'

/** The pseudo-printer name the renderer shows as "Choose in the system print dialog". */
export const SYSTEM_DIALOG_PRINTER = 'system-print-dialog'

const documents = new Map<string, Buffer>()

/** The one-time documents app-protocol.ts serves under /__print/. */
export function printDocument(name: string): Buffer | undefined {
  return documents.get(name)
}

export class ElectronPrintService implements PrintService {
  private jobs = 0
  constructor(private readonly cups: PrintService) {}

  async unavailableReason(): Promise<string | null> {
    return null // the system dialog is always there
  }

  async listPrinters(): Promise<PrinterInfo[]> {
    const direct = (await this.cups.unavailableReason()) === null ? await this.cups.listPrinters() : []
    return [{ name: SYSTEM_DIALOG_PRINTER, isDefault: direct.every((p) => !p.isDefault), state: 'dialog' }, ...direct]
  }

  async print(pdf: Buffer, request: PrintRequest): Promise<SubmittedPrintJob> {
    if (request.printer !== SYSTEM_DIALOG_PRINTER) return this.cups.print(pdf, request)
    const name = `${randomBytes(16).toString('hex')}.pdf`
    documents.set(name, pdf)
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        plugins: true, // Chromium's PDF viewer renders the stored bytes
        disableBlinkFeatures: 'Auxclick',
        webSecurity: true,
      },
    })
    try {
      await win.loadURL(`${APP_ORIGIN}/__print/${name}`)
      const outcome = await new Promise<{ ok: boolean; reason: string }>((resolve) =>
        win.webContents.print({ silent: false, printBackground: true, copies: request.copies }, (ok, reason) => resolve({ ok, reason })),
      )
      if (!outcome.ok) {
        throw new AppError('invalid_state', outcome.reason === 'cancelled' ? 'Printing was cancelled; nothing was printed.' : `The printer reported a problem: ${outcome.reason}.`)
      }
      return { printer: 'system print dialog', jobId: `dialog-${++this.jobs}` }
    } finally {
      documents.delete(name)
      if (!win.isDestroyed()) win.destroy()
    }
  }
}
