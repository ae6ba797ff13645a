// Reusable field schemas. Messages are stable codes (`required`, `too_long`...)
// that the renderer translates and shows at the field.
import { z } from 'zod'

// C0/C1 control characters other than tab/newline, lone surrogates, and the
// bidi embedding/override/isolate controls are refused: they corrupt PDFs or
// make text read differently from what was stored (U+202E turns "exe.doc"
// around), which a legal record cannot allow. Right-to-left text itself is
// fine; the Unicode bidi algorithm orders it without these controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function clean(s: string): string {
  return s.normalize('NFC').trim()
}

/** A single-line text: trimmed, NFC, no control characters, no newlines. */
export function line(max: number, opts: { required?: boolean } = {}) {
  const required = opts.required ?? true
  return z
    .string({ error: 'required' })
    .max(max * 4, 'too_long') // cheap guard before normalising huge strings
    .transform(clean)
    .check((ctx) => {
      const v = ctx.value
      if (required && v.length === 0) ctx.issues.push({ code: 'custom', message: 'required', input: v })
      else if (v.length > max) ctx.issues.push({ code: 'custom', message: 'too_long', input: v })
      else if (CONTROL.test(v) || /[\n\r\t]/.test(v) || LONE_SURROGATE.test(v)) ctx.issues.push({ code: 'custom', message: 'invalid_characters', input: v })
    })
}

/** Free text that may span lines (notes, goals). */
export function paragraph(max: number, opts: { required?: boolean } = {}) {
  const required = opts.required ?? true
  return z
    .string({ error: 'required' })
    .max(max * 4, 'too_long')
    .transform((s) => clean(s.replace(/\r\n?/g, '\n')))
    .check((ctx) => {
      const v = ctx.value
      if (required && v.length === 0) ctx.issues.push({ code: 'custom', message: 'required', input: v })
      else if (v.length > max) ctx.issues.push({ code: 'custom', message: 'too_long', input: v })
      else if (CONTROL.test(v) || LONE_SURROGATE.test(v)) ctx.issues.push({ code: 'custom', message: 'invalid_characters', input: v })
    })
}

export const id = z.number({ error: 'required' }).int('invalid').positive('invalid').max(Number.MAX_SAFE_INTEGER, 'invalid')

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `s` is a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

export const isoDate = z
  .string({ error: 'required' })
  .max(20, 'invalid_date')
  .transform((s) => s.trim())
  .check((ctx) => {
    if (ctx.value.length === 0) ctx.issues.push({ code: 'custom', message: 'required', input: ctx.value })
    else if (!isCalendarDate(ctx.value)) ctx.issues.push({ code: 'custom', message: 'invalid_date', input: ctx.value })
  })

/** Today's date in local time as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

export const password = z.string({ error: 'required' }).min(1, 'required').max(1024, 'too_long')

/** A new password: long enough to resist guessing (NIST 800-63B asks for 8+; we ask 10). */
export const newPassword = z.string({ error: 'required' }).min(10, 'password_too_short').max(256, 'too_long')

export const username = z
  .string({ error: 'required' })
  .max(200, 'too_long')
  .transform((s) => s.trim().toLowerCase())
  .check((ctx) => {
    if (ctx.value.length === 0) ctx.issues.push({ code: 'custom', message: 'required', input: ctx.value })
    else if (!/^[a-z0-9._-]{2,40}$/.test(ctx.value)) ctx.issues.push({ code: 'custom', message: 'invalid_username', input: ctx.value })
  })
