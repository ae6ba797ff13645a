// Flesch-Kincaid grade level of patient-facing text, so a script's reading
// level can be checked when it is written and when a clinic imports it.
//
//   grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
//
// The syllable count is the usual English heuristic (vowel groups, minus a
// silent final e / es / ed); published tools use the same idea and differ
// from a dictionary count by a few percent, which moves the grade by a
// fraction of a point. Every separate text (a title, a paragraph, an answer
// option) ends at least one sentence, because that is how it is read on screen.

/** Syllables in one word (letters only; a hyphenated word is counted part by part). */
export function countSyllables(word: string): number {
  const parts = word.split(/[-\u2010-\u2015]/).filter(Boolean)
  if (parts.length > 1) return parts.reduce((n, p) => n + countSyllables(p), 0)
  if (/^\d[\d,.]*$/.test(word)) {
    // A number read aloud: "4" is one syllable, "10,000" ("ten thousand") about three.
    return Math.max(1, word.split(',').length * 2 - 1)
  }
  let w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length === 0) return 0
  if (w.length <= 3) return 1
  // A final e, es or ed after a consonant is usually silent ("make", "used"),
  // but not after l ("table") or when it follows a vowel group we keep.
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '')
  // A leading y is a consonant ("yes", "you").
  w = w.replace(/^y/, '')
  // Each group of one or two vowels is one syllable ("boat" 1, "idea" 2 via i + ea).
  const groups = w.match(/[aeiouy]{1,2}/g)
  return Math.max(1, groups?.length ?? 0)
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’,.\-\u2010-\u2015]*/gu

export function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.replace(/[,.'’]+$/, '')).filter((w) => /[\p{L}\p{N}]/u.test(w))
}

/** Sentences in one separate text: ends of sentences inside it, and at least one. */
export function countSentences(text: string): number {
  const ends = text
    .trim()
    .split(/[.!?]+(?=\s|$)/)
    .filter((s) => /[\p{L}\p{N}]/u.test(s))
  return Math.max(1, ends.length)
}

export interface Readability {
  words: number
  sentences: number
  syllables: number
  /** Flesch-Kincaid grade level. */
  grade: number
}

export function fleschKincaid(texts: readonly string[]): Readability {
  let nWords = 0
  let nSentences = 0
  let nSyllables = 0
  for (const t of texts) {
    const ws = words(t)
    if (ws.length === 0) continue
    nWords += ws.length
    nSentences += countSentences(t)
    nSyllables += ws.reduce((n, w) => n + countSyllables(w), 0)
  }
  const grade = nWords === 0 ? 0 : 0.39 * (nWords / nSentences) + 11.8 * (nSyllables / nWords) - 15.59
  return { words: nWords, sentences: nSentences, syllables: nSyllables, grade }
}
