// The clinic's library of consultation scripts: every stored version, read
// by id, and the administrator's import of a new version.
import { z } from 'zod'
import { defineCall, roles } from './define'
import { id } from './fields'
import type { ScriptImportResult, ScriptSummary, StoredScript } from '../consultation'

export const scriptLibraryCalls = {
  'scriptLibrary.list': defineCall<ScriptSummary[]>()({
    input: z.object({}).strict(),
    access: roles('admin', 'clinician', 'staff'),
  }),
  'scriptLibrary.get': defineCall<StoredScript>()({
    input: z.object({ storedId: id }).strict(),
    access: roles('admin', 'clinician', 'staff'),
  }),
  /** `json` is the file's text; it is validated whole and stored only if valid. */
  'scriptLibrary.import': defineCall<ScriptImportResult>()({
    input: z.object({ json: z.string({ error: 'required' }).min(2, 'required').max(2_000_000, 'too_long') }).strict(),
    access: roles('admin'),
  }),
}
