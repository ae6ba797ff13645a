// The stored PDF as the browser handles it: bytes from base64, a blob: address
// for the preview frame (the CSP allows `frame-src blob:`), and a download
// that saves exactly those bytes under the stored file name.
import type { ConsentPdf } from '../../../../shared/contract/consents'

export function pdfBlob(pdf: ConsentPdf): Blob {
  const raw = atob(pdf.base64)
  const bytes = new Uint8Array(raw.length)
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return new Blob([bytes], { type: 'application/pdf' })
}

/** Starts the browser's download of the bytes; resolves once the download has been handed over. */
export function downloadPdf(pdf: ConsentPdf): void {
  const url = URL.createObjectURL(pdfBlob(pdf))
  const a = document.createElement('a')
  a.href = url
  a.download = pdf.fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the browser time to start reading the blob before it is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
