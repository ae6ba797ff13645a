// The browser host: 127.0.0.1 only, a token per launch, no other origin or
// host name, the session in an HttpOnly cookie, static files without traversal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { startWebHost, type WebHost } from '../../src/main/web/server'
import { openCore, tempDir } from '../support/core'
import type { Core } from '../../src/main/core'

let core: Core
let host: WebHost
const rendererDir = join(tempDir(), 'renderer')

beforeAll(async () => {
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  writeFileSync(join(rendererDir, '..', 'secret.txt'), 'secret')
  core = openCore()
  host = await startWebHost({ core, rendererDir, port: 0 })
})
afterAll(async () => {
  await host.close()
  core.close()
})

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('browser host', () => {
  it('listens on the loopback address only', () => {
    expect((host.server.address() as { address: string }).address).toBe('127.0.0.1')
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/)
  })

  it('refuses an API call without the token, or with a wrong one, with 401 and changes nothing', async () => {
    const noToken = await send('/api/setup.loadDemo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(noToken.status).toBe(401)
    expect(JSON.parse(noToken.body).error.code).toBe('unauthenticated')
    const wrong = await api('setup.loadDemo', {}, { authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    expect(JSON.parse((await api('setup.status', {})).body).value.needsSetup).toBe(true)
  })

  it('refuses other origins and other host names', async () => {
    expect((await api('setup.status', {}, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('setup.status', {}, { host: 'evil.example' })).status).toBe(421)
    expect((await api('setup.status', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200)
  })

  it('answers unknown calls, bad JSON and wrong methods with typed errors', async () => {
    expect(JSON.parse((await api('nope.nothing', {})).body).error.code).toBe('unknown_call')
    const bad = await send('/api/setup.status', { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: '{' })
    expect(bad.status).toBe(400)
    expect((await send('/api/setup.status', { headers: { authorization: `Bearer ${host.token}` } })).status).toBe(405)
    const malformed = await api('setup.%E0%A4%A', {})
    expect(malformed.status).toBe(404)
    expect(JSON.parse(malformed.body).error.code).toBe('unknown_call')
  })

  it('sets the session as an HttpOnly SameSite=Strict cookie', async () => {
    const res = await api('setup.createClinic', {
      clinic: { name: 'C', address: 'A' },
      admin: { username: 'boss', displayName: 'Boss', password: 'long enough pw' },
    })
    expect(res.status).toBe(200)
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const sid = /dc_session=([^;]+)/.exec(cookie)![1]!
    const me = await api('session.current', {}, { cookie: `dc_session=${sid}` })
    expect(JSON.parse(me.body).value.user.username).toBe('boss')
    expect(JSON.parse((await api('session.current', {})).body).value).toBeNull()
  })

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await send('/')
    expect(page.status).toBe(200)
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    expect((await send('/../secret.txt')).status).toBe(404)
    expect((await send('/%2e%2e/secret.txt')).status).toBe(404)
    expect((await send('/..%2fsecret.txt')).status).toBe(404)
  })
})
