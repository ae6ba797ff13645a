// The typefaces every consent document embeds, from resources/fonts (Noto
// Sans, SIL Open Font License, see OFL.txt there): Latin with diacritics,
// Greek and Cyrillic, so "Zoë Ñúñez-Øberg", "Ольга Иванова" and
// "Ελένη Παπαδοπούλου" print as written. PDF/A forbids the 14 standard fonts,
// so the document is opened with Noto Sans as its default and nothing else.
//
// Other scripts fall back, character by character, to the face that has
// them: Noto Sans Arabic, Hebrew, Devanagari and Thai (OFL) and Droid Sans
// Fallback for Chinese and Japanese (Apache 2.0, see
// LICENSE-DroidSansFallback-Apache-2.0.txt), NanumSquare for Korean (OFL),
// and Noto Sans Symbols 2 (OFL) for ticks, stars and other dingbats, which
// also prints some emoji in black and white. The writer keeps asking for
// "NotoSans-Regular"; each of the four primary pdfkit fonts measures and
// draws a line as runs of faces in visual (bidi) order (text-runs.ts), and a
// fallback face is embedded only if a document uses it. What no face covers (most emoji) is refused at input
// (printable.ts), never dropped from a PDF.
//
// Parsed once per process. Registering a font with pdfkit by file name makes
// every document read the file again and fontkit parse its tables again (the
// glyph substitution and positioning tables are most of the cost of a short
// document). Here each face is parsed once and every document gets its own
// pdfkit font object around it: the glyph subset, the widths and the
// character map written into the file stay per document; only the parsed,
// read-only face and the memo of how words are shaped are shared. fontkit's
// subsetter copies what it changes (glyph data, head, maxp, hhea), so one
// document's subset never alters another's.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { attaches, logicalRuns, primaryOnly, visualRuns, type FaceChooser } from './text-runs'

export const FONT = {
  regular: 'NotoSans-Regular',
  bold: 'NotoSans-Bold',
  italic: 'NotoSans-Italic',
  mono: 'NotoSansMono-Regular',
} as const

export type FontName = (typeof FONT)[keyof typeof FONT]

/** Faces tried, in order, for characters the primary face lacks. */
const FALLBACK_REGULAR = [
  'NotoSansArabic-Regular',
  'NotoSansHebrew-Regular',
  'NotoSansDevanagari-Regular',
  'NotoSansThai-Regular',
  'DroidSansFallbackFull',
  'NanumSquareR',
  'NotoSansSymbols2-Regular',
] as const
const FALLBACK_BOLD = [
  'NotoSansArabic-Bold',
  'NotoSansHebrew-Bold',
  'NotoSansDevanagari-Bold',
  'NotoSansThai-Bold',
  'DroidSansFallbackFull',
  'NanumSquareB',
  'NotoSansSymbols2-Regular',
] as const
type FallbackName = (typeof FALLBACK_REGULAR)[number] | (typeof FALLBACK_BOLD)[number]

/** Italic and mono have no counterpart in these scripts: the upright regular faces stand in. */
export const FALLBACKS: Record<FontName, readonly FallbackName[]> = {
  [FONT.regular]: FALLBACK_REGULAR,
  [FONT.bold]: FALLBACK_BOLD,
  [FONT.italic]: FALLBACK_REGULAR,
  [FONT.mono]: FALLBACK_REGULAR,
}

export function fontFile(resourcesDir: string, name: FontName | FallbackName): string {
  return join(resourcesDir, 'fonts', `${name}.ttf`)
}

// ---- pdfkit internals this relies on (pdfkit 0.17: FontsMixin, EmbeddedFont) ----

/** A parsed fontkit face; read-only once parsed. */
interface FontFace {
  postscriptName: string
  unitsPerEm: number
}

/** pdfkit's EmbeddedFont: one per document and face; holds that document's subset. */
interface PdfkitFont {
  font: FontFace
  /** Per 1000 units of the font size. */
  ascender: number
  widthOfString(text: string, size: number, features?: unknown): number
  /** Shaped words (text → glyph run), read but never changed by pdfkit after shaping. */
  layoutCache?: Record<string, unknown>
}
type PdfkitFontClass = new (doc: PDFKit.PDFDocument, face: FontFace, id: string) => PdfkitFont

interface FragmentOptions {
  width?: number
  lineWidth?: number
  textWidth?: number
  wordCount?: number
  align?: string
  baseline?: number | string
  wordSpacing?: number
  characterSpacing?: number
}
type Fragment = (this: PDFKit.PDFDocument, text: string, x: number, y: number, options: FragmentOptions) => void

interface PdfkitFontState {
  _font: PdfkitFont | null
  _fontSize: number
  /** Draws one line of text (pdfkit's LineWrapper calls it per line). */
  _fragment: Fragment
  /** What `doc.font(name)` looks up first. */
  _fontFamilies: Record<string, PdfkitFont>
  /** Source of the per-document resource names F1, F2, ... */
  _fontCount: number
}

interface SharedFace {
  face: FontFace
  fontClass: PdfkitFontClass
  layoutCache: Record<string, unknown>
  documents: number
}

/**
 * The memo of shaped words grows with every new name and free text; every
 * so many documents it is dropped if large (words are cheap to shape again).
 */
const LAYOUT_CACHE_LIMIT = 20_000
const LAYOUT_CACHE_CHECK_EVERY = 100

const shared = new Map<string, SharedFace | null>()
const fileBytes = new Map<string, Buffer>()

function bytesOf(file: string): Buffer {
  let b = fileBytes.get(file)
  if (!b) fileBytes.set(file, (b = readFileSync(file)))
  return b
}

/** Parses a face through pdfkit's own loader, once; null if pdfkit's internals are not what this expects. */
function sharedFace(file: string): SharedFace | null {
  if (shared.has(file)) return shared.get(file)!
  const scratch = new PDFDocument({ autoFirstPage: false }) as unknown as PDFKit.PDFDocument & PdfkitFontState
  scratch.font(bytesOf(file))
  const opened = scratch._font
  const fontClass = opened?.constructor as PdfkitFontClass | undefined
  const usable =
    !!opened &&
    typeof fontClass === 'function' &&
    typeof opened.font?.postscriptName === 'string' &&
    typeof opened.font.unitsPerEm === 'number' &&
    typeof scratch._fontCount === 'number' &&
    typeof scratch._fontFamilies === 'object' &&
    (opened.layoutCache === undefined || typeof opened.layoutCache === 'object')
  const entry = usable ? { face: opened.font, fontClass: fontClass!, layoutCache: Object.create(null) as Record<string, unknown>, documents: 0 } : null
  shared.set(file, entry)
  return entry
}

/** The document's pdfkit font for face `name`, made on first use (so only used faces are embedded). */
function documentFont(doc: PDFKit.PDFDocument, resourcesDir: string, name: FontName | FallbackName): PdfkitFont {
  const state = doc as unknown as PdfkitFontState
  const existing = state._fontFamilies[name]
  if (existing) return existing
  const file = fontFile(resourcesDir, name)
  const s = sharedFace(file)
  if (!s) {
    // pdfkit's internals changed shape: its own loader (slower, never wrong).
    const current = state._font
    doc.registerFont(name, bytesOf(file))
    doc.font(name)
    state._font = current
    return state._fontFamilies[name]!
  }
  const font = new s.fontClass(doc, s.face, `F${++state._fontCount}`)
  if (font.layoutCache) {
    if (++s.documents % LAYOUT_CACHE_CHECK_EVERY === 0 && Object.keys(s.layoutCache).length > LAYOUT_CACHE_LIMIT) s.layoutCache = Object.create(null) as Record<string, unknown>
    font.layoutCache = s.layoutCache
  }
  state._fontFamilies[name] = font
  if (RIGHT_TO_LEFT_FACES.has(name)) extractLigaturesInReadingOrder(font)
  return font
}

/** Faces whose shaping draws glyphs in another order than the characters are typed. */
const REORDERING_FACES = new Set<string>(['NotoSansDevanagari-Regular', 'NotoSansDevanagari-Bold'])

/** Faces whose runs fontkit lays out right to left. */
const RIGHT_TO_LEFT_FACES = new Set<string>(['NotoSansArabic-Regular', 'NotoSansArabic-Bold', 'NotoSansHebrew-Regular', 'NotoSansHebrew-Bold'])

/**
 * A ligature (Arabic lam-alef) maps back to several characters. Text
 * extractors (poppler, Acrobat) read a right-to-left word by reversing its
 * characters, which would turn "لأ" into "أل"; writing such a glyph's
 * characters in reverse in the ToUnicode map makes the extracted word read
 * as typed.
 */
function extractLigaturesInReadingOrder(font: PdfkitFont): void {
  const f = font as unknown as { unicode?: number[][]; toUnicodeCmap?: () => unknown }
  const own = f.toUnicodeCmap
  if (!Array.isArray(f.unicode) || typeof own !== 'function') return
  f.toUnicodeCmap = function (this: typeof f) {
    this.unicode = this.unicode!.map((cps) => (cps.length > 1 ? [...cps].reverse() : cps))
    return own.call(this)
  }
}

/** The one part of a parsed face the printable check needs. */
export interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean
}

const scratchFaces = new Map<string, GlyphCoverage>()

/**
 * The parsed face of `name` (the same object every document shares), for
 * asking which characters it has glyphs for.
 */
function parsedFace(resourcesDir: string, name: FontName | FallbackName): GlyphCoverage {
  const file = fontFile(resourcesDir, name)
  const s = sharedFace(file)
  if (s && typeof (s.face as Partial<GlyphCoverage>).hasGlyphForCodePoint === 'function') return s.face as unknown as GlyphCoverage
  let face = scratchFaces.get(file)
  if (!face) {
    // pdfkit internals changed shape: parse the face on its own (once, here).
    const scratch = new PDFDocument({ autoFirstPage: false }) as unknown as PDFKit.PDFDocument & PdfkitFontState
    scratch.font(bytesOf(file))
    const parsed = scratch._font?.font as unknown as Partial<GlyphCoverage> | undefined
    if (!parsed || typeof parsed.hasGlyphForCodePoint !== 'function') throw new Error(`Cannot read the character map of ${file}`)
    scratchFaces.set(file, (face = parsed as GlyphCoverage))
  }
  return face
}

const choosers = new Map<string, FaceChooser>()

/**
 * Which face prints a character when text is set in `style`: 0 for the
 * primary face, i for FALLBACKS[style][i - 1], -1 for none. A combining mark
 * or joiner stays with the face of the character before it when that face
 * has it. Answers are memoised per process (the fonts never change).
 */
export function faceChooser(resourcesDir: string, style: FontName): FaceChooser {
  const key = `${resourcesDir}\0${style}`
  let choose = choosers.get(key)
  if (choose) return choose
  // Faces are parsed when first asked: Greek or a typographic quote needs only the primary.
  const names = [style, ...FALLBACKS[style]]
  const faces: (GlyphCoverage | undefined)[] = []
  const face = (i: number): GlyphCoverage => (faces[i] ??= parsedFace(resourcesDir, names[i]!))
  const memo = new Map<number, number>()
  const first = (cp: number): number => {
    let f = memo.get(cp)
    if (f === undefined) {
      f = -1
      if (cp === 0x0a || cp === 0x09) f = 0
      else for (let i = 0; i < names.length && f < 0; i++) if (face(i).hasGlyphForCodePoint(cp)) f = i
      memo.set(cp, f)
    }
    return f
  }
  choose = (cp, previous) => (previous > 0 && attaches(cp) && face(previous).hasGlyphForCodePoint(cp) ? previous : first(cp))
  choosers.set(key, choose)
  return choose
}

/** Which of the four primary styles a pdfkit font is, for this document. */
function styleOf(doc: PDFKit.PDFDocument, font: PdfkitFont | null): FontName | null {
  const families = (doc as unknown as PdfkitFontState)._fontFamilies
  for (const name of Object.values(FONT)) if (families[name] === font) return name
  return null
}

/**
 * Teaches a primary font to measure text set partly in fallback faces, and
 * the document to draw each line as runs of faces in visual order. Text of
 * Latin letters only takes pdfkit's own path unchanged.
 */
function installRuns(doc: PDFKit.PDFDocument, resourcesDir: string): void {
  const state = doc as unknown as PdfkitFontState
  const choosers = new Map<FontName, () => FaceChooser>(
    Object.values(FONT).map((style) => {
      let c: FaceChooser | undefined
      return [style, () => (c ??= faceChooser(resourcesDir, style))]
    }),
  )
  for (const style of Object.values(FONT)) {
    const font = state._fontFamilies[style]!
    const own = font.widthOfString.bind(font)
    font.widthOfString = (text, size, features) => {
      if (primaryOnly(text, choosers.get(style)!)) return own(text, size, features)
      let w = 0
      for (const run of logicalRuns(text, faceChooser(resourcesDir, style)))
        w += run.face === 0 ? own(run.text, size, features) : documentFont(doc, resourcesDir, FALLBACKS[style][run.face - 1]!).widthOfString(run.text, size, features)
      return w
    }
  }
  const fragment = state._fragment
  if (typeof fragment !== 'function') throw new Error('pdfkit has no _fragment: text in other scripts cannot be laid out')
  state._fragment = function (this: PDFKit.PDFDocument, text, x, y, options) {
    const primary = state._font
    const style = styleOf(doc, primary)
    const line = `${text}`.replace(/\n/g, '')
    if (!style || !primary || primaryOnly(line, choosers.get(style)!)) return fragment.call(this, text, x, y, options)
    const runs = visualRuns(line, faceChooser(resourcesDir, style))
    if (runs.length === 1 && runs[0]!.face === 0 && runs[0]!.text === line) return fragment.call(this, text, x, y, options)
    const size = state._fontSize
    const fonts = runs.map((r) => (r.face === 0 ? primary : documentFont(doc, resourcesDir, FALLBACKS[style][r.face - 1]!)))
    const widths = runs.map((r, i) => fonts[i]!.widthOfString(r.text, size, undefined))
    const total = widths.reduce((a, b) => a + b, 0)
    if (options.width) {
      if (options.align === 'right') x += (options.lineWidth ?? options.width) - (total - doc.widthOfString(line.slice(line.trimEnd().length)))
      else if (options.align === 'center') x += (options.lineWidth ?? options.width) / 2 - total / 2
    }
    // Every run sits on the primary face's baseline (faces differ in ascender).
    const baseline = typeof options.baseline === 'number' ? options.baseline : -((primary.ascender / 1000) * size)
    try {
      runs.forEach((r, i) => {
        state._font = fonts[i]!
        const name = r.face === 0 ? style : FALLBACKS[style][r.face - 1]!
        // Devanagari draws some vowel signs before the consonant they follow
        // (ि in प्रिया): the run carries its typed text for extraction and search.
        const actual = REORDERING_FACES.has(name)
        if (actual) doc.markContent('Span', { actual: r.text } as Parameters<PDFKit.PDFDocument['markContent']>[1])
        fragment.call(this, r.text, x, y, { ...options, align: 'left', wordSpacing: 0, baseline, textWidth: widths[i], wordCount: 1 })
        if (actual) doc.endMarkedContent()
        x += widths[i]!
      })
    } finally {
      state._font = primary
    }
  }
}

/**
 * Makes the four faces available to `doc.font(FONT.x)` and selects the
 * regular one. A face is embedded (as a subset) only if the document uses it.
 */
export function attachFonts(doc: PDFKit.PDFDocument, resourcesDir: string): void {
  for (const name of Object.values(FONT)) documentFont(doc, resourcesDir, name)
  installRuns(doc, resourcesDir)
  doc.font(FONT.regular)
}

/** For tests: whether documents share parsed faces (the fast path) rather than parsing per document. */
export function sharesParsedFaces(doc: PDFKit.PDFDocument, other: PDFKit.PDFDocument): boolean {
  const a = (doc as unknown as PdfkitFontState)._fontFamilies
  const b = (other as unknown as PdfkitFontState)._fontFamilies
  return Object.values(FONT).every((n) => !!a[n] && !!b[n] && a[n] !== b[n] && a[n].font === b[n].font)
}
