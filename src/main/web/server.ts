// The browser host: serves the built renderer and the contract as
// `POST /api/<call>` on 127.0.0.1 only. Same core, same validation as the
// Electron host. It is how the app runs where Electron is missing, and how
// the end-to-end tests drive the real UI in Chromium.
//
// Who may call: a random token is issued per launch and must come with every
// API call (the renderer receives it in the address's #fragment, which the
// browser never sends to a server or another site). Requests from another
// origin, or naming another host (DNS rebinding), are refused. The logged-in
// session rides in an HttpOnly, SameSite=Strict cookie the page cannot read.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Core } from '../core'
import type { ApiError, ApiResult } from '../../shared/errors'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'

export const MAX_BODY_BYTES = 8 * 1024 * 1024
const SESSION_COOKIE = 'dc_session'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

const STATUS: Record<ApiError['code'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  locked: 423,
  patient_mode: 423,
  wrong_password: 401,
  rate_limited: 429,
  not_found: 404,
  conflict: 409,
  frozen: 409,
  invalid_state: 409,
  setup_done: 409,
  unknown_call: 404,
  audit_key_unavailable: 503,
  database_damaged: 503,
  read_only: 507,
  disk_full: 507,
  internal: 500,
}

export interface WebHostOptions {
  core: Core
  rendererDir: string
  port: number
  /** Tests may fix it; otherwise random per launch. */
  token?: string
}

export interface WebHost {
  server: Server
  port: number
  token: string
  /** The address to open: carries the token in its fragment. */
  url: string
  close(): Promise<void>
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url')
  const tokenBytes = Buffer.from(token)
  let port = opts.port

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('[web] unexpected error:', e)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong.' } })
      else res.destroy()
    })
  })

  function allowedHost(h: string | undefined): boolean {
    return h === `127.0.0.1:${port}` || h === `localhost:${port}`
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res)
    if (!allowedHost(req.headers.host)) return sendText(res, 421, 'Unknown host.')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length))
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.')
    return serveStatic(res, url.pathname, req.method === 'HEAD')
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, apiError('unknown_call', 'Use POST.'))
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
      return sendJson(res, 403, apiError('forbidden', 'Requests from another origin are refused.'))
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    const given = Buffer.from(auth?.[1] ?? '')
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      req.resume()
      return sendJson(res, 401, apiError('unauthenticated', 'This request does not carry the app token of this launch.'))
    }
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return sendJson(res, 415, apiError('validation', 'Send the input as application/json.'))
    let body: unknown
    try {
      body = JSON.parse(await readBody(req))
    } catch (e) {
      const tooBig = e instanceof Error && e.message === 'too_large'
      return sendJson(res, tooBig ? 413 : 400, apiError('validation', tooBig ? 'The request is too large.' : 'The request body is not valid JSON.'))
    }
    let callName: string
    try {
      callName = decodeURIComponent(name)
    } catch {
      // A malformed % escape names no call: the same answer as any unknown call.
      return sendJson(res, 404, apiError('unknown_call', 'There is no such call.'))
    }
    let sessionId = readCookie(req.headers.cookie, SESSION_COOKIE)
    let cookie: string | null = null
    const result = await opts.core.dispatch(callName, body, {
      sessionId,
      setSessionId(id) {
        sessionId = id
        cookie = id ? `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/api` : `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/api; Max-Age=0`
      },
    })
    if (cookie) res.setHeader('Set-Cookie', cookie)
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result)
  }

  async function serveStatic(res: ServerResponse, pathname: string, headOnly: boolean): Promise<void> {
    let rel: string
    try {
      rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    } catch {
      return sendText(res, 400, 'Bad path.')
    }
    if (rel === '' || rel === '.') rel = 'index.html'
    const file = join(opts.rendererDir, rel)
    if (!file.startsWith(opts.rendererDir + sep) || rel.split(/[/\\]/).includes('..')) return sendText(res, 404, 'Not found.')
    try {
      const st = await stat(file)
      if (!st.isFile()) return sendText(res, 404, 'Not found.')
      const bytes = await readFile(file)
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': bytes.length,
        'Cache-Control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
      })
      res.end(headOnly ? undefined : bytes)
    } catch {
      sendText(res, 404, 'Not found.')
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // 127.0.0.1 only: never reachable from another machine.
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function apiError(code: ApiError['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } }
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), usb=(), serial=()')
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(body)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        reject(new Error('too_large'))
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=') || null
  }
  return null
}
