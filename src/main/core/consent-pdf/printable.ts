// What the consent PDF can print. A legal record must never print a patient's
// name (or a note, a reason, the clinic's address) with characters silently
// missing, so every core service that accepts text which reaches the PDF asks
// here first and refuses, at the field, any character that no embedded face
// has a glyph for. The answer comes from the very font files the PDF embeds
// (resources/fonts, parsed once per process and shared with the PDF writer),
// so shipping a new face widens what is accepted without touching this code.
import { fieldError } from '../../../shared/errors'
import { FONT, faceChooser, type FontName } from './fonts'
import { facesOf } from './text-runs'

/**
 * The styles free text can be drawn in (names appear in bold in headings, in
 * regular in tables, quoted words in italic); a character must print in every
 * one of them. The mono face prints only hashes and numbers the app makes.
 */
const TEXT_STYLES: readonly FontName[] = [FONT.regular, FONT.bold, FONT.italic]

/** How many distinct unprintable characters a message names. */
const LIST_AT_MOST = 6

/** The distinct characters of `text` (in order of first appearance) that the consent PDF cannot print. */
export function unprintableCharacters(resourcesDir: string, text: string): string[] {
  const out: string[] = []
  // Plain ASCII (and tab, newline) is always in Noto Sans.
  if (/^[\t\n\u0020-\u007E]*$/.test(text)) return out
  for (const style of TEXT_STYLES) {
    const faces = facesOf(text, faceChooser(resourcesDir, style))
    for (let i = 0; i < text.length; i++) {
      if (faces[i]! >= 0) continue
      const ch = String.fromCodePoint(text.codePointAt(i)!)
      if (!out.includes(ch)) out.push(ch)
      if (ch.length === 2) i++
    }
  }
  return out
}

/** "🌸 (U+1F338), ב (U+05D1)": the character and its code point, since the glyph itself may not show. */
export function describeCharacters(chars: string[]): string {
  const named = chars.slice(0, LIST_AT_MOST).map((ch) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
  return named.join(', ') + (chars.length > LIST_AT_MOST ? ` and ${chars.length - LIST_AT_MOST} more` : '')
}

/**
 * Refuses the first field (by path, in the order given) whose text the PDF
 * cannot print, with a field error naming the characters. Fields that are
 * undefined are skipped.
 */
export function assertPrintable(resourcesDir: string, fields: Record<string, string | undefined>): void {
  for (const [path, text] of Object.entries(fields)) {
    if (text === undefined || text === '') continue
    const bad = unprintableCharacters(resourcesDir, text)
    if (bad.length > 0)
      throw fieldError(
        path,
        'unprintable_characters',
        `The consent PDF cannot print these characters: ${describeCharacters(bad)}. Emoji and some rarer scripts cannot be printed; please leave them out.`,
      )
  }
}

/**
 * Every string inside a JSON-like value (an imported consultation script)
 * that the consent PDF cannot print, with its path (`['sections', 3, 'title']`)
 * and the characters.
 */
export function unprintableStrings(resourcesDir: string, value: unknown, path: (string | number)[] = []): { path: (string | number)[]; characters: string[] }[] {
  if (typeof value === 'string') {
    const characters = unprintableCharacters(resourcesDir, value)
    return characters.length > 0 ? [{ path, characters }] : []
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unprintableStrings(resourcesDir, v, [...path, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => unprintableStrings(resourcesDir, v, [...path, k]))
  return []
}
