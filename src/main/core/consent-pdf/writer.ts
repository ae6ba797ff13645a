// A small layout engine over pdfkit for clinical documents: A4, embedded Noto
// fonts, PDF/A-2b, tagged (every block is a structure element: headings,
// paragraphs, lists, tables; rules, boxes and running headers are artifacts),
// and the same identifying header and "Page x of y" footer on every page.
//
// The one rule it keeps: nothing is ever drawn past the page's content area.
// Text flows onto new pages (pdfkit wraps and breaks words longer than a
// line); table rows are measured first and start a new page when they do not
// fit; a row taller than a whole page is printed as a stacked block instead.
import PDFDocument from 'pdfkit'
import { attachFonts, FONT, type FontName } from './fonts'

type Doc = PDFKit.PDFDocument
type StructElement = ReturnType<Doc['struct']>

/** Characters after which the Unicode line breaking algorithm must break (UAX #14 BK, CR, LF, NL). */
const MANDATORY_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/

export const PAGE = { width: 595.28, height: 841.89, marginX: 54 } as const

export const COLOR = {
  text: '#1b1f23',
  muted: '#4f5b66',
  accent: '#16475b',
  rule: '#b9c4cc',
  fill: '#eef3f6',
  warnFill: '#fbf1e6',
  warnRule: '#b86e1f',
} as const

export interface RunningParts {
  /** Drawn at the top of every page; returns nothing, must stay within `height`. */
  header: { height: number; draw(w: DocumentWriter, pageIndex: number, pageCount: number): void }
  footer: { height: number; draw(w: DocumentWriter, pageIndex: number, pageCount: number): void }
}

export interface WriterOptions {
  resourcesDir: string
  title: string
  author: string
  subject: string
  keywords: string
  /** BCP 47, e.g. "en". */
  lang: string
  /** Creation date written into the info dictionary and XMP (the sign-off time). */
  createdAt: Date
  /** Top/bottom space reserved for the running header and footer. */
  headerHeight: number
  footerHeight: number
}

export interface Column {
  header: string
  /** Share of the table width. */
  weight: number
  align?: 'left' | 'right'
  font?: FontName
}

export class DocumentWriter {
  readonly doc: Doc
  private readonly root: StructElement
  private readonly stack: StructElement[]
  readonly left = PAGE.marginX
  readonly width = PAGE.width - 2 * PAGE.marginX
  private readonly chunks: Buffer[] = []
  private readonly finished: Promise<void>

  constructor(private readonly opts: WriterOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: opts.headerHeight, bottom: opts.footerHeight, left: PAGE.marginX, right: PAGE.marginX },
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      tagged: true,
      lang: opts.lang,
      displayTitle: true,
      // No default font: pdfkit would open Helvetica (forbidden in PDF/A) or parse a file; attachFonts sets Noto Sans.
      font: null as unknown as string,
      info: {
        Title: opts.title,
        Author: opts.author,
        Subject: opts.subject,
        Keywords: opts.keywords,
        Creator: 'Derm Consent',
        Producer: 'Derm Consent (pdfkit)',
        CreationDate: opts.createdAt,
        ModDate: opts.createdAt,
      },
    } as PDFKit.PDFDocumentOptions)
    attachFonts(this.doc, opts.resourcesDir)
    this.doc.on('data', (c: Buffer) => this.chunks.push(c))
    this.finished = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve())
      this.doc.on('error', reject)
    })
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
    this.stack = [this.root]
    this.doc.fillColor(COLOR.text)
  }

  // ---- geometry ----

  get y(): number {
    return this.doc.y
  }
  set y(v: number) {
    this.doc.y = v
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom
  }
  get top(): number {
    return this.doc.page.margins.top
  }
  get contentHeight(): number {
    return this.bottom - this.top
  }
  remaining(): number {
    return this.bottom - this.doc.y
  }
  newPage(): void {
    this.doc.addPage()
    this.doc.x = this.left
    this.doc.y = this.top
  }
  /** Starts a new page unless `h` points fit below the current position. */
  ensureSpace(h: number): void {
    if (this.remaining() < h) this.newPage()
  }
  gap(h: number): void {
    if (this.remaining() <= h) this.newPage()
    else this.doc.y += h
  }

  // ---- text measurement ----

  font(name: FontName, size: number): this {
    this.doc.font(name).fontSize(size)
    return this
  }
  measure(text: string, name: FontName, size: number, width: number, lineGap = 1.5): number {
    this.font(name, size)
    // Most labels, cells and names are one line: that height is known without
    // running pdfkit's line wrapper (the margin keeps rounding on the safe side).
    if (lineGap > 0 && text !== '' && !MANDATORY_BREAK.test(text) && this.doc.widthOfString(text) <= width - 0.01) return this.doc.currentLineHeight(true) + lineGap
    return this.doc.heightOfString(text, { width, lineGap })
  }

  // ---- tagging ----

  /** Draws `fn` as one structure element of type `type` under the current parent. */
  tag(type: string, fn: () => void): void {
    const el = this.doc.struct(type)
    this.stack[this.stack.length - 1]!.add(el)
    el.add(fn)
    el.end()
  }
  /** Opens a grouping element (Sect, L, Table, TR...) whose children are drawn in `fn`. */
  group(type: string, fn: () => void): void {
    const el = this.doc.struct(type)
    this.stack[this.stack.length - 1]!.add(el)
    this.stack.push(el)
    try {
      fn()
    } finally {
      this.stack.pop()
      el.end()
    }
  }
  /** Decoration (rules, boxes, running header and footer): not part of the text a reader announces. */
  artifact(fn: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type })
    fn()
    this.doc.endMarkedContent()
  }

  // ---- blocks ----

  /** Text that may flow over pages. */
  text(
    content: string,
    o: {
      font?: FontName
      size?: number
      color?: string
      x?: number
      width?: number
      lineGap?: number
      paragraphGap?: number
      align?: 'left' | 'right' | 'center' | 'justify'
      type?: string
    } = {},
  ): void {
    const size = o.size ?? 9.5
    const x = o.x ?? this.left
    const width = o.width ?? this.width - (x - this.left)
    // Never start a line whose first row would not fit.
    this.ensureSpace(size * 1.6)
    this.tag(o.type ?? 'P', () => {
      this.font(o.font ?? FONT.regular, size).doc.fillColor(o.color ?? COLOR.text)
      this.doc.text(content === '' ? ' ' : content, x, this.doc.y, { width, lineGap: o.lineGap ?? 1.5, paragraphGap: o.paragraphGap ?? 0, align: o.align ?? 'left' })
      this.doc.fillColor(COLOR.text)
    })
    this.doc.x = this.left
  }

  /** A section heading kept together with at least `keepWith` points of what follows. */
  heading(content: string, level: 1 | 2 | 3 = 2, keepWith = 70): void {
    const size = level === 1 ? 17 : level === 2 ? 12.5 : 10.5
    const h = this.measure(content, FONT.bold, size, this.width)
    if (this.doc.y > this.top + 1) this.gap(level === 1 ? 0 : level === 2 ? 12 : 7)
    this.ensureSpace(h + keepWith)
    this.tag(`H${level}`, () => {
      this.font(FONT.bold, size).doc.fillColor(level === 3 ? COLOR.text : COLOR.accent)
      this.doc.text(content, this.left, this.doc.y, { width: this.width, lineGap: 1 })
      this.doc.fillColor(COLOR.text)
    })
    if (level === 2) {
      const y = this.doc.y + 2
      this.artifact(() =>
        this.doc
          .moveTo(this.left, y)
          .lineTo(this.left + this.width, y)
          .lineWidth(0.6)
          .strokeColor(COLOR.rule)
          .stroke(),
      )
      this.doc.y = y + 5
    } else this.doc.y += 3
    this.doc.x = this.left
  }

  /** Label / value pairs in two columns, each pair kept on one page where it fits. */
  fields(pairs: [string, string, FontName?][], labelWidth = 150): void {
    const valueWidth = this.width - labelWidth - 8
    this.group('Table', () => {
      for (const [label, value, valueFont] of pairs) {
        const h = Math.max(this.measure(label, FONT.bold, 8.5, labelWidth), this.measure(value || '—', valueFont ?? FONT.regular, 9, valueWidth))
        if (h + 4 > this.contentHeight) {
          // Too tall for any page (a very long free text): label, then flowing text.
          this.text(label, { font: FONT.bold, size: 8.5, color: COLOR.muted })
          this.text(value || '—', { font: valueFont ?? FONT.regular, size: 9 })
          this.doc.y += 3
          continue
        }
        this.ensureSpace(h + 3)
        const y = this.doc.y
        this.group('TR', () => {
          this.tag('TH', () => {
            this.font(FONT.bold, 8.5).doc.fillColor(COLOR.muted)
            this.doc.text(label, this.left, y, { width: labelWidth, lineGap: 1.5 })
          })
          this.tag('TD', () => {
            this.font(valueFont ?? FONT.regular, 9).doc.fillColor(COLOR.text)
            this.doc.text(value || '—', this.left + labelWidth + 8, y, { width: valueWidth, lineGap: 1.5 })
          })
        })
        this.doc.fillColor(COLOR.text)
        this.doc.y = y + h + 3
        this.doc.x = this.left
      }
    })
  }

  /** A bulleted list whose items may flow over pages. */
  bullets(items: string[], o: { size?: number; font?: FontName } = {}): void {
    const size = o.size ?? 9.5
    const indent = 12
    this.group('L', () => {
      for (const item of items) {
        this.ensureSpace(size * 1.8)
        this.group('LI', () => {
          const y = this.doc.y
          this.tag('Lbl', () => {
            this.font(FONT.regular, size).doc.fillColor(COLOR.accent)
            this.doc.text('•', this.left + 2, y, { width: indent, lineBreak: false })
          })
          this.tag('LBody', () => {
            this.font(o.font ?? FONT.regular, size).doc.fillColor(COLOR.text)
            this.doc.text(item, this.left + indent, y, { width: this.width - indent, lineGap: 1.5 })
          })
          this.doc.y += 3
          this.doc.x = this.left
        })
      }
    })
  }

  /** A shaded box around short text (a warning, a notice). Falls back to plain text if taller than a page. */
  box(title: string, body: string[], o: { warn?: boolean } = {}): void {
    const pad = 8
    const innerW = this.width - 2 * pad - 3
    const th = title ? this.measure(title, FONT.bold, 9.5, innerW) + 3 : 0
    const bh = body.reduce((s, p) => s + this.measure(p, FONT.regular, 9, innerW) + 3, 0)
    const h = th + bh + 2 * pad
    if (h > this.contentHeight) {
      if (title) this.text(title, { font: FONT.bold, size: 9.5 })
      for (const p of body) this.text(p, { size: 9 })
      return
    }
    this.ensureSpace(h + 4)
    const y0 = this.doc.y
    this.artifact(() => {
      this.doc
        .rect(this.left, y0, this.width, h)
        .fillColor(o.warn ? COLOR.warnFill : COLOR.fill)
        .fill()
      this.doc
        .rect(this.left, y0, 3, h)
        .fillColor(o.warn ? COLOR.warnRule : COLOR.accent)
        .fill()
    })
    this.doc.fillColor(COLOR.text)
    this.doc.y = y0 + pad
    const x = this.left + pad + 3
    this.group('Div', () => {
      if (title) {
        this.tag('P', () => {
          this.font(FONT.bold, 9.5).doc.fillColor(COLOR.text).text(title, x, this.doc.y, { width: innerW, lineGap: 1.5 })
        })
        this.doc.y += 3
      }
      for (const p of body) {
        this.tag('P', () => {
          this.font(FONT.regular, 9).doc.fillColor(COLOR.text).text(p, x, this.doc.y, { width: innerW, lineGap: 1.5 })
        })
        this.doc.y += 3
      }
    })
    this.doc.y = y0 + h + 6
    this.doc.x = this.left
  }

  /**
   * A ruled table. The header row repeats on every page the table reaches.
   * Rows are never split; a row taller than a page prints as a stacked block.
   */
  table(columns: Column[], rows: string[][], o: { size?: number; footer?: string[] } = {}): void {
    const size = o.size ?? 8.5
    const pad = 4
    const total = columns.reduce((s, c) => s + c.weight, 0)
    const widths = columns.map((c) => (c.weight / total) * this.width)
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0))
    const rowHeight = (cells: string[], font: FontName) =>
      Math.max(...cells.map((c, i) => this.measure(c || '—', columns[i]!.font ?? font, size, widths[i]! - 2 * pad, 1))) + 2 * pad

    const headerCells = columns.map((c) => c.header)
    const headerH = rowHeight(headerCells, FONT.bold)
    const drawRow = (cells: string[], kind: 'header' | 'body' | 'footer', h: number) => {
      const y = this.doc.y
      this.artifact(() => {
        if (kind !== 'body') this.doc.rect(this.left, y, this.width, h).fillColor(COLOR.fill).fill()
        this.doc
          .moveTo(this.left, y + h)
          .lineTo(this.left + this.width, y + h)
          .lineWidth(kind === 'header' ? 0.9 : 0.4)
          .strokeColor(kind === 'header' ? COLOR.accent : COLOR.rule)
          .stroke()
      })
      this.group('TR', () => {
        cells.forEach((c, i) => {
          const col = columns[i]!
          this.tag(kind === 'header' ? 'TH' : 'TD', () => {
            this.font(kind === 'body' ? (col.font ?? FONT.regular) : FONT.bold, size).doc.fillColor(kind === 'header' ? COLOR.accent : COLOR.text)
            this.doc.text(c || '—', xs[i]! + pad, y + pad, { width: widths[i]! - 2 * pad, lineGap: 1, align: col.align ?? 'left' })
          })
        })
      })
      this.doc.fillColor(COLOR.text)
      this.doc.y = y + h
      this.doc.x = this.left
    }

    this.group('Table', () => {
      this.ensureSpace(headerH + Math.min(rowHeight(rows[0] ?? headerCells, FONT.regular), 60))
      drawRow(headerCells, 'header', headerH)
      for (const r of rows) {
        const h = rowHeight(r, FONT.regular)
        if (h > this.contentHeight - headerH) {
          this.group('TR', () => {
            r.forEach((c, i) => this.text(`${columns[i]!.header}: ${c || '—'}`, { size, type: 'TD' }))
          })
          this.doc.y += 4
          continue
        }
        if (this.remaining() < h) {
          this.newPage()
          drawRow(headerCells, 'header', headerH)
        }
        drawRow(r, 'body', h)
      }
      if (o.footer) {
        const h = rowHeight(o.footer, FONT.bold)
        this.ensureSpace(h)
        drawRow(o.footer, 'footer', h)
      }
    })
    this.doc.y += 6
  }

  // ---- finishing ----

  /** Draws the running header and footer on every page, then closes the file. */
  async finish(running: RunningParts): Promise<{ pdf: Buffer; pageCount: number }> {
    const range = this.doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i)
      // Drawing in the margins must not trigger pdfkit's automatic page break.
      const margins = { ...this.doc.page.margins }
      this.doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right }
      this.artifact(() => {
        running.header.draw(this, i - range.start, range.count)
        running.footer.draw(this, i - range.start, range.count)
      }, 'Pagination')
      this.doc.page.margins = margins
    }
    this.doc.flushPages()
    this.doc.end()
    await this.finished
    return { pdf: Buffer.concat(this.chunks), pageCount: range.count }
  }
}
