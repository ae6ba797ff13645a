// The staff desk: finding signed consents, reading a consent's status and
// history, and getting, saving and printing the stored PDF. Clinicians and
// staff may use it; nothing here changes a record (the core has no call that
// would), and every save and print is written to the audit trail.
//
// `consents.getPdf` is host-agnostic: the stored bytes as base64 with their
// file name and SHA-256. The browser host offers them as a download (then
// calls `consents.recordSaved`); the Electron host may show a save dialog.
import { z } from 'zod'
import { defineCall, roles } from './define'
import { id, isCalendarDate, line } from './fields'
import type { PatientSummary } from '../domain'
import type { ConsultationStatus } from '../consultation'

export type ConsentDocumentKind = 'consent' | 'paper_consent' | 'withdrawal' | 'addendum'

export interface ConsentDocumentInfo {
  documentId: number
  kind: ConsentDocumentKind
  fileName: string
  createdAt: string
  pageCount: number
  byteLength: number
  sha256: string
  /** SHA-256 of the record's canonical form that the document seals. */
  recordSha256: string
  /** Name of the clinician whose digital signature it carries; null if not digitally signed. */
  signedBy: string | null
}

/** One signed consent as the desk lists it. */
export interface ConsentListItem {
  consultationId: number
  patient: PatientSummary
  clinicianName: string
  status: ConsultationStatus
  signedOffAt: string
  withdrawnAt: string | null
  /** The consent document itself (signed on screen, or printed for a wet-ink signature). */
  document: ConsentDocumentInfo
}

export interface ConsentHistoryEntry {
  at: string
  /** The audit action, e.g. `consultation.sign_off`, `consent_document.print`: what a screen translates. */
  action: string
  /** For a print: the printer's name; for a save: how it was saved. */
  printer: string | null
  how: string | null
  /** Plain English, for the command line and logs: "Signed off by the clinician", "PDF printed on DermTestPDF"... */
  what: string
  by: string
}

export interface ConsentDetail extends Omit<ConsentListItem, 'document'> {
  scriptTitle: string
  scriptVersion: number
  scriptLanguage: string
  startedAt: string
  /** The consent first, then later documents (withdrawal, addenda) in order. */
  documents: ConsentDocumentInfo[]
  history: ConsentHistoryEntry[]
}

export interface ConsentPdf {
  documentId: number
  fileName: string
  /** The stored bytes, base64: exactly what was produced at sign-off. */
  base64: string
  sha256: string
  byteLength: number
  pageCount: number
}

export interface PrinterChoice {
  name: string
  isDefault: boolean
  state: string
}

const optionalDate = z
  .string()
  .max(20, 'invalid_date')
  .transform((s) => s.trim())
  .check((ctx) => {
    if (ctx.value !== '' && !isCalendarDate(ctx.value)) ctx.issues.push({ code: 'custom', message: 'invalid_date', input: ctx.value })
  })

const desk = roles('clinician', 'staff')

export const consentCalls = {
  /**
   * Signed consents whose patient's name or record number matches every word
   * of `query` (prefix, ignoring case and accents), signed off between `from`
   * and `to` (local dates, inclusive; empty = open). Newest first.
   */
  'consents.search': defineCall<ConsentListItem[]>()({
    input: z
      .object({
        query: z.string().max(200, 'too_long').default(''),
        from: optionalDate.default(''),
        to: optionalDate.default(''),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict()
      .check((ctx) => {
        if (ctx.value.from && ctx.value.to && ctx.value.from > ctx.value.to) ctx.issues.push({ code: 'custom', path: ['to'], message: 'date_before_start', input: ctx.value.to })
      }),
    access: desk,
  }),
  'consents.get': defineCall<ConsentDetail>()({
    input: z.object({ consultationId: id }).strict(),
    access: desk,
  }),
  'consents.getPdf': defineCall<ConsentPdf>()({
    input: z.object({ documentId: id }).strict(),
    access: desk,
  }),
  /** The browser host saved the PDF as a download: written to the audit trail. */
  'consents.recordSaved': defineCall<null>()({
    input: z.object({ documentId: id, how: z.enum(['download', 'save_dialog'], { error: 'required' }) }).strict(),
    access: desk,
  }),
  'consents.listPrinters': defineCall<{ available: boolean; reason: string | null; printers: PrinterChoice[] }>()({
    input: z.object({}).strict(),
    access: desk,
  }),
  'consents.print': defineCall<{ printer: string; jobId: string }>()({
    input: z
      .object({
        documentId: id,
        printer: line(127),
        copies: z.number({ error: 'required' }).int('invalid').min(1, 'too_small').max(10, 'too_large').default(1),
      })
      .strict(),
    access: desk,
  }),
}
