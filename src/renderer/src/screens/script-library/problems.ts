// Turns the core's refusal of a script file into lines an administrator can
// act on: the place (the JSON path the core names, plus the section's number
// and title when the file has one there) and the problem in plain words.
//
// The core sends each problem as { path, code }; the words live in the
// `scripts` catalog. Keys are written out literally below (not built from the
// code at run time) so the catalog test can check every one has a text.
import type { TFunction } from 'i18next'
import type { SectionKind } from '../../../../shared/script/schema'
import { ApiCallError } from '../../api'
import { fieldErrorText } from '../../errors'

export interface ScriptProblem {
  /** The JSON path as the core names it (`sections[3].risks[0].band`), or null for the whole file. */
  path: string | null
  /** The section the path points into, in words ("section 4, “Side effects”"), when known. */
  where: string | null
  /** What is wrong, in plain words. */
  message: string
}

/** The path the core uses for a problem that concerns the whole file. */
const WHOLE_FILE = '(the whole file)'

const PROBLEM_KEYS: Record<string, string> = {
  required: 'script-library:problems.required',
  too_long: 'script-library:problems.too_long',
  too_many: 'script-library:problems.too_many',
  too_few: 'script-library:problems.too_few',
  too_large: 'script-library:problems.too_large',
  invalid: 'script-library:problems.invalid',
  invalid_id: 'script-library:problems.invalid_id',
  invalid_band: 'script-library:problems.invalid_band',
  invalid_answer: 'script-library:problems.invalid_answer',
  invalid_rule: 'script-library:problems.invalid_rule',
  invalid_answer_type: 'script-library:problems.invalid_answer_type',
  invalid_language: 'script-library:problems.invalid_language',
  invalid_section_kind: 'script-library:problems.invalid_section_kind',
  must_be_one_line: 'script-library:problems.must_be_one_line',
  duplicate_id: 'script-library:problems.duplicate_id',
  not_one_of_the_options: 'script-library:problems.not_one_of_the_options',
  no_such_section: 'script-library:problems.no_such_section',
  cannot_revisit_the_questions: 'script-library:problems.cannot_revisit_the_questions',
  one_rule_per_answer: 'script-library:problems.one_rule_per_answer',
  caution_needs_two_decision_options: 'script-library:problems.caution_needs_two_decision_options',
  caution_needs_an_option_that_allows_treatment: 'script-library:problems.caution_needs_an_option_that_allows_treatment',
  contraindication_has_no_decision: 'script-library:problems.contraindication_has_no_decision',
  unexpected_field: 'script-library:problems.unexpected_field',
  invalid_json: 'script-library:problems.invalid_json',
  version_exists_with_other_content: 'script-library:problems.version_exists_with_other_content',
}

export const SECTION_KIND_KEYS: Record<SectionKind, string> = {
  information: 'script-library:kinds.information',
  risk: 'script-library:kinds.risk',
  screening: 'script-library:kinds.screening',
  medication_guide: 'script-library:kinds.medication_guide',
  expectations: 'script-library:kinds.expectations',
  treatment_plan: 'script-library:kinds.treatment_plan',
  comprehension: 'script-library:kinds.comprehension',
  alternatives: 'script-library:kinds.alternatives',
  aftercare: 'script-library:kinds.aftercare',
}

function kindText(t: TFunction, kind: string): string {
  const key = (SECTION_KIND_KEYS as Record<string, string>)[kind]
  return key ? t(key) : kind.replace(/_/g, ' ')
}

/** The problem's words for a code; `fileText` lets a JSON syntax error say where it is. */
export function problemText(t: TFunction, code: string, fileText?: string): string {
  if (code === 'invalid_json' && fileText !== undefined) {
    const at = jsonErrorPosition(fileText)
    if (at) return t('script-library:problems.invalid_json_at', at)
  }
  const key = PROBLEM_KEYS[code]
  if (key) return t(key)
  // The schema names a section kind in these codes: only_one_screening_section, missing_risk_section.
  const m = /^(only_one|missing)_([a-z_]+)_section$/.exec(code)
  if (m) return t(m[1] === 'only_one' ? 'script-library:problems.only_one_section' : 'script-library:problems.missing_section', { kind: kindText(t, m[2]!) })
  return fieldErrorText(t, code)
}

/**
 * Line and column of the first JSON syntax error, from the position the
 * browser's JSON parser reports (its wording varies; the number does not).
 */
export function jsonErrorPosition(text: string): { line: number; column: number } | null {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''))
    return null
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '')
    if (!m) return null
    const before = text.replace(/^\uFEFF/, '').slice(0, Number(m[1]))
    const lines = before.split('\n')
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 }
  }
}

/** "section 4, “Side effects”" for a path inside `sections[3]`, read from the file as sent. */
function sectionOf(t: TFunction, path: string, parsed: unknown): string | null {
  const m = /^sections\[(\d+)\]/.exec(path)
  if (!m) return null
  const index = Number(m[1])
  const sections = (parsed as { sections?: unknown } | null)?.sections
  const section = Array.isArray(sections) ? (sections[index] as { title?: unknown } | undefined) : undefined
  const title = typeof section?.title === 'string' && section.title.trim() ? section.title.trim() : null
  return title ? t('script-library:import.inSection', { number: index + 1, title }) : t('script-library:import.inSectionNumber', { number: index + 1 })
}

function parseQuietly(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return null
  }
}

/**
 * The problems of a refused import, one per place, or null when the error is
 * not about the file's content (the screen then shows the general message).
 */
export function importProblems(t: TFunction, e: unknown, fileText: string): ScriptProblem[] | null {
  if (!(e instanceof ApiCallError) || (e.code !== 'validation' && e.code !== 'conflict') || e.fields.length === 0) return null
  const parsed = parseQuietly(fileText)
  return e.fields.map((f) => {
    // `json` is the call's own field: the file as a whole was too large or empty.
    if (f.path === 'json') return { path: null, where: null, message: t(f.code === 'too_long' ? 'script-library:problems.file_too_large' : 'script-library:problems.file_empty') }
    const whole = f.path === WHOLE_FILE || f.path === ''
    return {
      path: whole ? null : f.path,
      where: whole ? null : sectionOf(t, f.path, parsed),
      message: problemText(t, f.code, fileText),
    }
  })
}
