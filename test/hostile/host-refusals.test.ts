// The browser host's own gate, before any call reaches the core: a missing or
// wrong token, another Origin, a foreign Host header (DNS rebinding), a path
// outside the contract, a body that is not JSON (or not UTF-8, or too big)
// are all refused with a typed error, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/shared/errors'
import { MAX_BODY_BYTES } from '../../src/main/web/server'
import { dumpDatabase, send, startRig, type HostileRig } from './support'

let rig: HostileRig
let baseline: string

beforeAll(async () => {
  rig = await startRig()
  baseline = dumpDatabase(rig.core.ctx.db).digest
})
afterAll(async () => {
  await rig.close()
})

function typedError(body: string, code: string): void {
  const json = JSON.parse(body)
  expect(json.ok).toBe(false)
  expect(ERROR_CODES).toContain(json.error.code)
  expect(json.error.code).toBe(code)
  expect(json.error.message.length).toBeGreaterThan(0)
}

// A call that would change data if it got through: creating a patient as the clinician.
const write = () => JSON.stringify({ givenName: 'Should', familyName: 'Not Exist', dateOfBirth: '1990-01-01', recordNumber: 'HOSTILE-1', phone: '', email: '' })

describe('the browser host refuses', () => {
  it('a request without the token', async () => {
    const r = await send(rig.host.port, '/api/patients.create', { headers: { 'content-type': 'application/json', cookie: rig.cookies.clinician }, body: write() })
    expect(r.status).toBe(401)
    typedError(r.body, 'unauthenticated')
  })

  it('a request with a wrong token, or the token with one character changed', async () => {
    for (const token of ['nope', rig.host.token.slice(0, -1) + (rig.host.token.endsWith('A') ? 'B' : 'A'), `${rig.host.token}x`, '']) {
      const r = await rig.api('patients.create', write(), rig.cookies.clinician, { authorization: `Bearer ${token}` })
      expect(r.status).toBe(401)
      typedError(r.body, 'unauthenticated')
    }
  })

  it('a request from another origin, even with the token and a session', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${rig.host.port + 1}`, 'null', `https://127.0.0.1:${rig.host.port}`]) {
      const r = await rig.api('patients.create', write(), rig.cookies.clinician, { origin })
      expect(r.status).toBe(403)
      typedError(r.body, 'forbidden')
    }
  })

  it('a request naming a foreign host (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${rig.host.port}`, `127.0.0.1.nip.io:${rig.host.port}`, `0.0.0.0:${rig.host.port}`]) {
      const r = await rig.api('patients.create', write(), rig.cookies.clinician, { host })
      expect(r.status).toBe(421)
    }
  })

  it('paths outside the contract', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'patients.create/extra', '..%2Fpatients.create', '%00', 'patients.CREATE']) {
      const r = await rig.api(name, write(), rig.cookies.clinician)
      expect(r.status, name).toBe(404)
      typedError(r.body, 'unknown_call')
    }
    const get = await send(rig.host.port, '/api/patients.search', { method: 'GET', headers: { authorization: `Bearer ${rig.host.token}` } })
    expect(get.status).toBe(405)
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cetc', '/data/clinic.sqlite']) {
      const r = await send(rig.host.port, path, { method: 'GET' })
      expect(r.status, path).toBe(404)
    }
  })

  it('a body that is not JSON, not UTF-8, of the wrong type, or too large', async () => {
    const headers = { authorization: `Bearer ${rig.host.token}`, 'content-type': 'application/json', cookie: rig.cookies.clinician }
    const notJson = await send(rig.host.port, '/api/patients.create', { headers, body: '{"givenName": ' })
    expect(notJson.status).toBe(400)
    typedError(notJson.body, 'validation')
    const badUtf8 = await send(rig.host.port, '/api/patients.create', { headers, body: Buffer.from([0x7b, 0x22, 0x67, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) })
    expect(badUtf8.status).toBe(400)
    typedError(badUtf8.body, 'validation')
    const form = await send(rig.host.port, '/api/patients.create', { headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' })
    expect(form.status).toBe(415)
    typedError(form.body, 'validation')
    const huge = await send(rig.host.port, '/api/patients.create', { headers, body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20) })
    expect(huge.status).toBe(413)
    typedError(huge.body, 'validation')
  })

  it('and after all of it still serves, with nothing changed', async () => {
    const ok = await rig.api('patients.search', JSON.stringify({ query: 'Not Exist', limit: 5 }), rig.cookies.clinician)
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] })
    expect(dumpDatabase(rig.core.ctx.db).digest).toBe(baseline)
  })
})
