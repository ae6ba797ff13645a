// Reads a script file's text into a validated script, or refuses it with one
// message per problem naming the place (a JSON path such as
// `sections[3].risks[0].band`) and the problem in plain words.
import { AppError, type FieldError } from '../../../shared/errors'
import { consultationScriptSchema, type ConsultationScript } from '../../../shared/script/schema'

/** Plain words for the schema's codes; unknown codes are shown as they are. */
const PROBLEMS: Record<string, string> = {
  required: 'is missing or empty',
  too_long: 'is too long',
  too_many: 'has too many entries',
  too_few: 'has too few entries',
  too_large: 'is too large',
  invalid: 'is not valid',
  invalid_id: 'must be lower-case letters, digits and dashes, starting with a letter',
  invalid_band: 'must be one of common, uncommon, rare, very_rare',
  invalid_answer: 'must be "yes" or "no"',
  invalid_rule: 'must be "contraindication" or "caution"',
  invalid_answer_type: 'must be "yes_no" or "yes_no_details"',
  invalid_language: 'must be a language tag such as "en" or "en-GB"',
  invalid_section_kind: 'has an unknown section kind',
  must_be_one_line: 'must be a single line',
  duplicate_id: 'repeats an id already used in this script',
  not_one_of_the_options: 'is not one of the options',
  no_such_section: 'names a section that is not in this script',
  cannot_revisit_the_questions: 'must name an explanatory section, not the questions themselves',
  one_rule_per_answer: 'has two rules for the same answer',
  caution_needs_two_decision_options: 'a caution needs at least two decision options',
  caution_needs_an_option_that_allows_treatment: 'a caution needs at least one option that allows treatment',
  contraindication_has_no_decision: 'a contraindication cannot have decision options: it always stops treatment',
  unexpected_field: 'is not a field a script may have',
  invalid_json: 'is not valid JSON',
}

export function describeProblem(code: string): string {
  if (PROBLEMS[code]) return PROBLEMS[code]
  const m = /^(only_one|missing)_(\w+)_section$/.exec(code)
  if (m) return m[1] === 'only_one' ? `only one ${m[2]!.replace(/_/g, ' ')} section is allowed` : `a ${m[2]!.replace(/_/g, ' ')} section is required`
  return code.replace(/_/g, ' ')
}

/** `['sections', 3, 'risks', 0, 'band']` -> `sections[3].risks[0].band`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`
  return out || '(the whole file)'
}

export interface ScriptProblem {
  /** JSON path of the place, e.g. `sections[3].risks[0].band`. */
  path: string
  /** Stable code, e.g. `invalid_band`. */
  code: string
  /** The problem in plain words. */
  problem: string
}

export type ScriptParse = { ok: true; script: ConsultationScript } | { ok: false; problems: ScriptProblem[] }

export function parseScript(text: string): ScriptParse {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [{ path: '(the whole file)', code: 'invalid_json', problem: `is not valid JSON (${detail})` }] }
  }
  const r = consultationScriptSchema.safeParse(raw)
  if (r.success) return { ok: true, script: r.data }
  const problems: ScriptProblem[] = []
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) problems.push({ path: jsonPath([...issue.path, k]), code: 'unexpected_field', problem: describeProblem('unexpected_field') })
      continue
    }
    const code = /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid'
    problems.push({ path: jsonPath(issue.path), code, problem: code === 'invalid' ? `is not valid (${issue.message})` : describeProblem(code) })
  }
  return { ok: false, problems }
}

/** Throws the app's `validation` error listing every problem; the fields carry the JSON paths. */
export function parseScriptOrThrow(text: string): ConsultationScript {
  const r = parseScript(text)
  if (r.ok) return r.script
  const fields: FieldError[] = r.problems.map((p) => ({ path: p.path, code: p.code }))
  const list = r.problems.map((p) => `${p.path}: ${p.problem}`).join('; ')
  throw new AppError('validation', `The script file was not imported; nothing was stored. Problems: ${list}`, { fields })
}
