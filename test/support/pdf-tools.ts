// The outside judges of a consent PDF (poppler-utils and qpdf), run on a file
// the way an auditor would. Each returns the tool's own words.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ToolResult {
  status: number | null
  out: string
}

export function run(cmd: string, args: string[]): ToolResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.error) throw r.error
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

export function writeTemp(bytes: Buffer, name = 'consent.pdf'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'derm-pdf-')), name)
  writeFileSync(file, bytes)
  return file
}

export const pdfsig = (file: string) => run('pdfsig', [file])
export const qpdfCheck = (file: string) => run('qpdf', ['--check', file])
export const pdftotext = (file: string, page?: number) => run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-']).out
export function pageCount(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]).out)
  return m ? Number(m[1]) : 0
}

/** pdffonts rows: name and whether it is embedded. */
export function fonts(file: string): { name: string; embedded: boolean }[] {
  const lines = run('pdffonts', [file])
    .out.split('\n')
    .slice(2)
    .filter((l) => l.trim())
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/)
    // name type... encoding emb sub uni object ID: emb is the 5th from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' }
  })
}

/** Every word's box on every page (pdftotext -bbox), to prove nothing runs off the page. */
export function wordBoxes(file: string): { page: number; pageWidth: number; pageHeight: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = run('pdftotext', ['-bbox', file, '-']).out
  const out: ReturnType<typeof wordBoxes> = []
  let page = 0
  let pw = 0
  let ph = 0
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line)
    if (p) {
      page++
      pw = Number(p[1])
      ph = Number(p[2])
      continue
    }
    const w = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(line)
    if (w) out.push({ page, pageWidth: pw, pageHeight: ph, word: w[5]!, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]) })
  }
  return out
}
