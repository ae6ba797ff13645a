// Turns a zod failure into the app's `validation` error with one entry per
// field, so the screen can show each message beside its field.
import type { z } from 'zod'
import { AppError, type FieldError } from './errors'

export function toFieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>()
  const out: FieldError[] = []
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.')
    if (seen.has(path)) continue
    seen.add(path)
    // Our schemas use codes as messages; zod's own messages become `invalid`.
    const code = /^[a-z][a-z0-9_]*$/.test(issue.message) ? issue.message : issue.code === 'unrecognized_keys' ? 'unexpected_field' : 'invalid'
    out.push({ path, code })
  }
  return out
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const fields = toFieldErrors(r.error)
  const summary = fields.map((f) => (f.path ? `${f.path}: ${f.code}` : f.code)).join(', ')
  throw new AppError('validation', `Some of the input is not valid (${summary}).`, { fields })
}
