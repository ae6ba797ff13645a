// `export-pdf --data DIR --consultation ID|latest --out FILE`: writes a signed
// consent's stored PDF, byte for byte as it was produced at sign-off (never a
// re-render), and records the export in the audit trail.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Core, resourcesDir } from '../../core'
import { UsageError, type CliCommand } from '../command'

export const exportPdfCommand: CliCommand = {
  name: 'export-pdf',
  summary: "Write a signed consent's stored PDF to a file (exactly the bytes signed at sign-off).",
  usage: 'npm run cli -- export-pdf --data DIR --consultation ID|latest --out FILE',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, consultation: { type: 'string' }, out: { type: 'string' } }, strict: true })
    if (!values.data) throw new UsageError('--data DIR is required.')
    if (!values.consultation) throw new UsageError('--consultation ID (or "latest") is required.')
    if (!values.out) throw new UsageError('--out FILE is required.')
    const which = values.consultation.trim()
    if (which !== 'latest' && !/^[1-9]\d{0,15}$/.test(which)) throw new UsageError('--consultation must be a consultation number or "latest".')
    const core = Core.open({ dataDir: values.data, resourcesDir })
    try {
      const documentId = core.commandLine.consentDocumentId(which === 'latest' ? 'latest' : Number(which))
      if (documentId === null) {
        console.error('There is no signed consent in this clinic yet.')
        return 1
      }
      const doc = core.commandLine.readConsentPdf(documentId)
      const out = resolve(values.out)
      try {
        // 'wx': never overwrite a file that is already there.
        writeFileSync(out, doc.pdf, { flag: 'wx', mode: 0o600 })
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        console.error(code === 'EEXIST' ? `${out} already exists; choose another file name.` : `Could not write ${out}: ${(e as Error).message}`)
        return 1
      }
      core.commandLine.recordConsentExported(documentId, out)
      console.log(`Wrote ${doc.fileName} (${doc.pageCount} pages, ${doc.byteLength} bytes) to ${out}`)
      console.log(`SHA-256 ${doc.sha256}`)
      return 0
    } finally {
      core.close()
    }
  },
}
