// Rules a signature must meet, shared so the signing screen can warn before
// saving and the core refuses the same things: an empty or trivially short
// signature, and a typed name that is not the patient's.
import { foldForSearch } from './text-fold'
import type { Stroke } from './consultation'

/** Fewer points than this is a dot or a tick, not a signature. */
export const MIN_SIGNATURE_POINTS = 20
/** The drawing must span at least this many pixels in its longer direction. */
export const MIN_SIGNATURE_EXTENT = 40

export type SignatureProblem = 'signature_empty' | 'signature_too_short' | 'signature_too_small'

export function signatureProblem(strokes: readonly Stroke[]): SignatureProblem | null {
  const points = strokes.flat()
  if (points.length === 0) return 'signature_empty'
  if (points.length < MIN_SIGNATURE_POINTS) return 'signature_too_short'
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of points) {
    minX = Math.min(minX, p.x)
    maxX = Math.max(maxX, p.x)
    minY = Math.min(minY, p.y)
    maxY = Math.max(maxY, p.y)
  }
  if (Math.max(maxX - minX, maxY - minY) < MIN_SIGNATURE_EXTENT) return 'signature_too_small'
  return null
}

/** Folds a name for comparison: no case, no accents, one kind of apostrophe, single spaces. */
export function foldName(s: string): string {
  return foldForSearch(s.normalize('NFC'))
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * True when the typed full name is the patient's: given then family name, or
 * family then given (as many cultures write it), ignoring case, accents and
 * extra spaces.
 */
export function typedNameMatches(typed: string, patient: { givenName: string; familyName: string }): boolean {
  const t = foldName(typed)
  if (t.length === 0) return false
  const g = foldName(patient.givenName)
  const f = foldName(patient.familyName)
  return t === `${g} ${f}` || t === `${f} ${g}`
}
