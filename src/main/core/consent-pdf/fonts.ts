// The typefaces every consent document embeds, from resources/fonts (Noto
// Sans, SIL Open Font License, see OFL.txt there): Latin with diacritics,
// Greek and Cyrillic, so "Zoë Ñúñez-Øberg", "Ольга Иванова" and
// "Ελένη Παπαδοπούλου" print as written. PDF/A forbids the 14 standard fonts,
// so the document is opened with Noto Sans as its default and nothing else.
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

export const FONT = {
  regular: 'NotoSans-Regular',
  bold: 'NotoSans-Bold',
  italic: 'NotoSans-Italic',
  mono: 'NotoSansMono-Regular',
} as const

export type FontName = (typeof FONT)[keyof typeof FONT]

export function fontFile(resourcesDir: string, name: FontName): string {
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
  /** Shaped words (text → glyph run), read but never changed by pdfkit after shaping. */
  layoutCache?: Record<string, unknown>
}
type PdfkitFontClass = new (doc: PDFKit.PDFDocument, face: FontFace, id: string) => PdfkitFont

interface PdfkitFontState {
  _font: PdfkitFont | null
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

/**
 * Makes the four faces available to `doc.font(FONT.x)` and selects the
 * regular one. A face is embedded (as a subset) only if the document uses it.
 * Falls back to pdfkit's own loading from the (cached) file bytes if its
 * internals ever change shape: slower, never wrong.
 */
export function attachFonts(doc: PDFKit.PDFDocument, resourcesDir: string): void {
  const state = doc as unknown as PdfkitFontState
  for (const name of Object.values(FONT)) {
    const file = fontFile(resourcesDir, name)
    const s = sharedFace(file)
    if (!s) {
      doc.registerFont(name, bytesOf(file))
      continue
    }
    const font = new s.fontClass(doc, s.face, `F${++state._fontCount}`)
    if (font.layoutCache) {
      if (++s.documents % LAYOUT_CACHE_CHECK_EVERY === 0 && Object.keys(s.layoutCache).length > LAYOUT_CACHE_LIMIT) s.layoutCache = Object.create(null) as Record<string, unknown>
      font.layoutCache = s.layoutCache
    }
    state._fontFamilies[name] = font
  }
  doc.font(FONT.regular)
}

/** For tests: whether documents share parsed faces (the fast path) rather than parsing per document. */
export function sharesParsedFaces(doc: PDFKit.PDFDocument, other: PDFKit.PDFDocument): boolean {
  const a = (doc as unknown as PdfkitFontState)._fontFamilies
  const b = (other as unknown as PdfkitFontState)._fontFamilies
  return Object.values(FONT).every((n) => !!a[n] && !!b[n] && a[n] !== b[n] && a[n].font === b[n].font)
}
