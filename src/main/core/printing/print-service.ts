// What the core needs from "a printer": the list of printers and a way to send
// stored PDF bytes to one. The CUPS implementation (cups.ts) serves Linux and
// macOS under any host; the Electron host may pass its own (e.g. the system
// print dialog) through `CoreOptions.printService`.
export interface PrinterInfo {
  name: string
  /** The system's default destination. */
  isDefault: boolean
  /** What the system says about it ("idle", "disabled"...), in its own words. */
  state: string
}

export interface PrintRequest {
  printer: string
  /** Shown in the printer queue; no patient name, just the document's file name. */
  title: string
  copies: number
}

export interface SubmittedPrintJob {
  printer: string
  /** The system's job id, e.g. "DermTestPDF-12". */
  jobId: string
}

export interface PrintService {
  /** Why printing cannot work here (no CUPS), or null when it can. */
  unavailableReason(): Promise<string | null>
  listPrinters(): Promise<PrinterInfo[]>
  print(pdf: Buffer, request: PrintRequest): Promise<SubmittedPrintJob>
}
