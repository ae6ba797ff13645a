// The running header and footer every consent document carries: the clinic
// and the document's short title, the patient's identifiers, and at the foot
// what seals the document (hashes, audit position) with "Page x of y".
import type { ConsentRecord } from '../../../shared/consultation'
import { FONT } from './fonts'
import type { DocFormat } from './format'
import type { ConsentPhrases } from './phrases'
import { COLOR, PAGE, type DocumentWriter, type RunningParts } from './writer'

export interface RunningInput {
  clinicName: string
  /** Patient name, date of birth and record number, on every page. */
  idLine: string
  /** The document's short title at the top right. */
  title: string
  /** What seals the document, printed small at the foot of every page. */
  footerLines: string[]
  /** The words of the page numbers and of a clinic without a name. */
  phrases: ConsentPhrases
}

export function patientFullName(r: Pick<ConsentRecord, 'patient'>): string {
  return `${r.patient.givenName} ${r.patient.familyName}`
}

export function patientIdLine(r: Pick<ConsentRecord, 'patient'>, f: DocFormat, p: ConsentPhrases): string {
  return p.running.idLine(patientFullName(r), f.date(r.patient.dateOfBirth), r.patient.recordNumber)
}

/** The footer's label / value lines, values aligned in one column of the mono face. */
export function footerLines(rows: [label: string, value: string][]): string[] {
  const column = Math.max(34, ...rows.map(([label]) => label.length + 2))
  return rows.map(([label, value]) => `${label.padEnd(column)}${value}`)
}

/** The running header and footer; their heights depend on how the text wraps (long names). */
export function runningParts(w: DocumentWriter, p: RunningInput): RunningParts {
  const half = w.width / 2 - 6
  const clinicName = p.clinicName || p.phrases.running.clinicFallback
  const docTitle = p.title
  const idLine = p.idLine
  const clinicH = w.measure(clinicName, FONT.bold, 9.5, half)
  const titleH = w.measure(docTitle, FONT.regular, 8.5, half)
  const idH = w.measure(idLine, FONT.bold, 9, w.width)
  const headerTop = 26
  const headerHeight = headerTop + Math.max(clinicH, titleH) + 4 + idH + 10 + 14

  const footerLines = p.footerLines
  const footerWidth = w.width - 80
  const footerTextH = footerLines.reduce((s, l) => s + w.measure(l, FONT.mono, 6.5, footerWidth, 0.5), 0)
  const footerHeight = footerTextH + 34

  return {
    header: {
      height: headerHeight,
      draw(wr) {
        const d = wr.doc
        let y = headerTop
        wr.font(FONT.bold, 9.5)
        d.fillColor(COLOR.accent).text(clinicName, wr.left, y, { width: half, lineGap: 0.5 })
        wr.font(FONT.regular, 8.5)
        d.fillColor(COLOR.muted).text(docTitle, wr.left + wr.width - half, y, { width: half, align: 'right', lineGap: 0.5 })
        y += Math.max(clinicH, titleH) + 4
        wr.font(FONT.bold, 9)
        d.fillColor(COLOR.text).text(idLine, wr.left, y, { width: wr.width, lineGap: 1.5 })
        y += idH + 5
        d.moveTo(wr.left, y)
          .lineTo(wr.left + wr.width, y)
          .lineWidth(0.9)
          .strokeColor(COLOR.accent)
          .stroke()
        d.fillColor(COLOR.text)
      },
    },
    footer: {
      height: footerHeight,
      draw(wr, i, n) {
        const d = wr.doc
        let y = PAGE.height - footerHeight + 12
        d.moveTo(wr.left, y)
          .lineTo(wr.left + wr.width, y)
          .lineWidth(0.5)
          .strokeColor(COLOR.rule)
          .stroke()
        y += 6
        const startY = y
        for (const l of footerLines) {
          wr.font(FONT.mono, 6.5)
          d.fillColor(COLOR.muted).text(l, wr.left, y, { width: footerWidth, lineGap: 0.5 })
          y = d.y
        }
        wr.font(FONT.bold, 8.5)
        d.fillColor(COLOR.text).text(p.phrases.running.pageOf(i + 1, n), wr.left + wr.width - 76, startY, { width: 76, align: 'right', lineBreak: false })
        d.fillColor(COLOR.text)
      },
    },
  }
}

/**
 * Opens a document whose margins fit its running parts: measures them with a
 * throwaway writer, then makes the real one. Returns the writer and the parts
 * to draw when it is finished.
 */
export function openWithRunningParts(
  make: (margins: { headerHeight: number; footerHeight: number }) => DocumentWriter,
  running: RunningInput,
): { w: DocumentWriter; running: RunningParts } {
  const sizes = runningParts(make({ headerHeight: 80, footerHeight: 60 }), running)
  const w = make({ headerHeight: sizes.header.height, footerHeight: sizes.footer.height })
  return { w, running: runningParts(w, running) }
}
