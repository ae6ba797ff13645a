// Splitting text into runs that one face can print, in the order they are
// drawn. Noto Sans (Latin, Greek, Cyrillic) comes first; other scripts fall
// back to the face that has their glyphs (resources/fonts: Arabic, Hebrew,
// Devanagari, Thai, CJK). Right-to-left text is put in visual order with the
// Unicode bidi algorithm (UAX #9, bidi-js): the runs of a line are reordered,
// each Arabic or Hebrew run keeps its logical order so fontkit can shape it
// (joining forms, marks) and lays its glyphs out right to left itself.
import bidiFactory from 'bidi-js'

const bidi = bidiFactory()

/** Index of the face (0 = the primary face) that prints a code point, given the face of the one before; -1 if none. */
export type FaceChooser = (codePoint: number, previousFace: number) => number

/** A piece of a line printed with one face. `text` is what to hand the shaper, in the order given. */
export interface TextRun {
  text: string
  face: number
}

/** Only Latin (Basic to Extended-B), tab and newline: always the primary face, left to right. */
const PLAIN_LATIN = /^[\t\n\u0020-\u024F]*$/

/** Marks that make a bidi run of their own although no face draws them. */
const BIDI_MARKS = new Set([0x200e, 0x200f, 0x061c])

/**
 * Whether the primary face prints all of `text`, left to right (no
 * right-to-left letter or mark): then pdfkit's own path applies unchanged.
 * Most text is plain Latin and answered by one regular expression; the rest
 * (Greek, Cyrillic, typographic quotes and dashes) by a memoised look-up per
 * character. `choose` is asked only when needed.
 */
export function primaryOnly(text: string, choose: () => FaceChooser): boolean {
  if (PLAIN_LATIN.test(text)) return true
  const c = choose()
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!
    if (cp > 0xffff) return false
    if (BIDI_MARKS.has(cp) || c(cp, 0) !== 0) return false
  }
  return true
}

/**
 * Combining marks, joiners and variation selectors stay with the face of the
 * character they modify (an Arabic vowel mark with its letter).
 */
const MARK = /^\p{M}$/u
export function attaches(cp: number): boolean {
  return cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || MARK.test(String.fromCodePoint(cp))
}

/** The face of each UTF-16 code unit of `text` (both halves of a pair get the same); -1 where none prints it. */
export function facesOf(text: string, choose: FaceChooser): Int16Array {
  const out = new Int16Array(text.length)
  let previous = 0
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!
    const n = cp > 0xffff ? 2 : 1
    const face = choose(cp, previous)
    out[i] = face
    if (n === 2) out[i + 1] = face
    if (face >= 0) previous = face
    i += n
  }
  return out
}

/** Logical runs of one face (enough to measure: widths do not depend on order). */
export function logicalRuns(text: string, choose: FaceChooser): TextRun[] {
  const faces = facesOf(text, choose)
  const runs: TextRun[] = []
  let start = 0
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || faces[i] !== faces[start]) {
      runs.push({ text: text.slice(start, i), face: Math.max(0, faces[start]!) })
      start = i
    }
  }
  return runs
}

/** Arabic-Indic digits are left to right inside right-to-left text, but fontkit lays out Arabic-script runs right to left. */
const ARABIC_DIGITS = /^[\u0660-\u0669\u066B\u066C\u06F0-\u06F9]+$/

function reversedCodePoints(s: string): string {
  return Array.from(s).reverse().join('')
}

/**
 * The runs of one line in the order they are drawn, left to right. The line
 * is taken as a left-to-right paragraph (the document is English), so a
 * right-to-left name or note reads right to left within it.
 */
export function visualRuns(text: string, choose: FaceChooser): TextRun[] {
  const faces = facesOf(text, choose)
  const embedding = bidi.getEmbeddingLevels(text, 'ltr')
  const levels = embedding.levels
  const order = bidi.getReorderedIndices(text, embedding)
  const mirrored = bidi.getMirroredCharactersMap(text, levels)
  const runs: TextRun[] = []
  let k = 0
  while (k < order.length) {
    const first = order[k]!
    const rtl = (levels[first]! & 1) === 1
    let lo = first
    let hi = first
    let j = k + 1
    // Consecutive in the line, same face, same level, and adjacent in the text.
    while (j < order.length) {
      const i = order[j]!
      if (faces[i] !== faces[first] || levels[i] !== levels[first] || (rtl ? i !== lo - 1 : i !== hi + 1)) break
      if (rtl) lo = i
      else hi = i
      j++
    }
    const logical = text.slice(lo, hi + 1)
    const face = Math.max(0, faces[first]!)
    let shaped = logical
    if (rtl && face === 0) {
      // Neutral characters (spaces, punctuation) inside right-to-left text:
      // the primary face lays out left to right, so hand it the visual order,
      // with brackets mirrored as the bidi algorithm asks (rule L4).
      shaped = ''
      for (let i = hi; i >= lo; i--) {
        const c = text.codePointAt(i)!
        if (c >= 0xdc00 && c <= 0xdfff && i > lo) continue // the pair is read from its high half
        shaped += mirrored.get(i) ?? String.fromCodePoint(c)
      }
    } else if (!rtl && ARABIC_DIGITS.test(logical)) shaped = reversedCodePoints(logical)
    runs.push({ text: shaped, face })
    k = j
  }
  return runs
}
