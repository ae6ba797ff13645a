// Serves the built renderer from app://bundle/ (a privileged standard scheme,
// never file://), with the Content-Security-Policy on every response.
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'
import { printDocument } from './system-print'
import { APP_HOST, APP_SCHEME } from './window-options'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    const oneTime = /^\/__print\/([0-9a-f]{32}\.pdf)$/.exec(url.pathname)
    if (oneTime) {
      // A stored consent on its way to the system print dialog (system-print.ts).
      const pdf = printDocument(oneTime[1]!)
      return pdf
        ? new Response(new Uint8Array(pdf), { headers: { 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff' } })
        : new Response('Not found', { status: 404 })
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html'
    const file = join(rendererDir, rel)
    if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
