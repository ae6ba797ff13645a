// The foundation through the core's single entrance, as a host calls it:
// setup, login, roles, idle lock, patients and the audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { Client, openCore, tempDir } from '../support/core'
import { verifyAuditChain } from '../../src/main/core/testing'
import { DB_FILE_NAME } from '../../src/main/core'
import type { Core } from '../../src/main/core'

let now = new Date('2026-03-01T09:00:00Z')
const clock = () => now
let dir: string
let core: Core

beforeAll(async () => {
  dir = tempDir()
  core = openCore(dir, clock)
  const setup = new Client(core)
  await setup.call('setup.createClinic', {
    clinic: { name: 'Harbour Skin Clinic', address: '1 Quay Road' },
    admin: { username: 'Admin', displayName: 'Ada Admin', password: 'correct horse battery' },
  })
  await setup.call('users.create', { username: 'staff1', displayName: 'Sam Staff', role: 'staff', password: 'staff password 1' })
  await setup.call('users.create', { username: 'drbeer', displayName: 'Dr. Victor Beer', role: 'clinician', password: 'clinician password 1' })
})
afterAll(() => core.close())

describe('setup', () => {
  it('is refused once the clinic exists', async () => {
    const e = await new Client(core).fail('setup.createClinic', {
      clinic: { name: 'Evil', address: 'x' },
      admin: { username: 'evil', displayName: 'Evil', password: 'a long password' },
    })
    expect(e.code).toBe('setup_done')
    expect(await new Client(core).fail('setup.loadDemo', {})).toMatchObject({ code: 'setup_done' })
  })
})

describe('login', () => {
  it('accepts the right password, case-insensitive username', async () => {
    const c = new Client(core)
    const info = await c.call('session.login', { username: 'STAFF1', password: 'staff password 1' })
    expect(info.user).toMatchObject({ username: 'staff1', role: 'staff' })
    expect(c.sessionId).toBeTruthy()
  })

  it('says plainly that a password is wrong, then slows further tries', async () => {
    const c = new Client(core)
    for (let i = 0; i < 3; i++) expect((await c.fail('session.login', { username: 'drbeer', password: 'nope' })).code).toBe('wrong_password')
    const e = await c.fail('session.login', { username: 'drbeer', password: 'clinician password 1' })
    expect(e.code).toBe('rate_limited')
    expect(e.retryAfterSeconds).toBeGreaterThan(0)
    now = new Date(now.getTime() + 60_000)
    await c.call('session.login', { username: 'drbeer', password: 'clinician password 1' })
  })

  it('refuses calls without a session', async () => {
    expect((await new Client(core).fail('patients.search', { query: '' })).code).toBe('unauthenticated')
  })
})

describe('roles are checked in the core', () => {
  it('refuses a staff user adding a user, and changes nothing', async () => {
    const c = new Client(core)
    await c.call('session.login', { username: 'staff1', password: 'staff password 1' })
    const e = await c.fail('users.create', { username: 'sneaky', displayName: 'S', role: 'admin', password: 'a long password' })
    expect(e.code).toBe('forbidden')
    const admin = new Client(core)
    await admin.call('session.login', { username: 'admin', password: 'correct horse battery' })
    expect((await admin.call('users.list', {})).map((u) => u.username)).not.toContain('sneaky')
  })

  it('keeps an administrator out of patient records', async () => {
    const admin = new Client(core)
    await admin.call('session.login', { username: 'admin', password: 'correct horse battery' })
    expect((await admin.fail('patients.search', { query: '' })).code).toBe('forbidden')
  })
})

describe('idle lock', () => {
  it('locks after the idle time and unlocks with the password only', async () => {
    const c = new Client(core)
    await c.call('session.login', { username: 'staff1', password: 'staff password 1' })
    now = new Date(now.getTime() + 6 * 60_000)
    expect((await c.fail('patients.search', { query: '' })).code).toBe('locked')
    expect((await c.fail('session.unlock', { password: 'wrong' })).code).toBe('wrong_password')
    const info = await c.call('session.unlock', { password: 'staff password 1' })
    expect(info.locked).toBe(false)
    await c.call('patients.search', { query: '' })
  })
})

describe('patients', () => {
  let c: Client
  beforeAll(async () => {
    c = new Client(core)
    await c.call('session.login', { username: 'staff1', password: 'staff password 1' })
  })

  it('adds, edits and finds patients ignoring case and accents', async () => {
    const p = await c.call('patients.create', { givenName: 'Jürgen', familyName: 'Großmann', dateOfBirth: '1970-05-01', recordNumber: 'A-17' })
    await c.call('patients.create', { givenName: 'Ελένη', familyName: 'Παπαδοπούλου', dateOfBirth: '1990-02-27', recordNumber: 'A-18' })
    await c.call('patients.create', { givenName: 'Søren', familyName: 'Kierkegaard', dateOfBirth: '1960-02-27', recordNumber: 'A-19' })
    expect((await c.call('patients.search', { query: 'jurg' })).map((x) => x.id)).toEqual([p.id])
    expect((await c.call('patients.search', { query: 'GROSSM' })).map((x) => x.id)).toEqual([p.id])
    expect((await c.call('patients.search', { query: 'ελενη' })).length).toBe(1)
    expect((await c.call('patients.search', { query: 'soren' })).length).toBe(1)
    expect((await c.call('patients.search', { query: 'a-17' })).map((x) => x.id)).toEqual([p.id])
    expect(await c.call('patients.search', { query: '"* OR NEAR(' })).toEqual([])
    const edited = await c.call('patients.update', {
      id: p.id,
      patient: { givenName: 'Jürgen', familyName: 'Ortiz-Lee', dateOfBirth: '1970-05-01', recordNumber: 'A-17', email: 'j@example.org' },
    })
    expect(edited.familyName).toBe('Ortiz-Lee')
    expect((await c.call('patients.search', { query: 'ortiz' })).map((x) => x.id)).toEqual([p.id])
    // the old name is gone from the index; ß folds to ss
    expect(await c.call('patients.search', { query: 'großmann' })).toEqual([])
    expect((await c.call('patients.search', { query: 'jürgen ortiz' })).map((x) => x.id)).toEqual([p.id])
  })

  it('refuses invalid input field by field and saves nothing', async () => {
    const before = (await c.call('patients.search', { query: '', limit: 100 })).length
    const e = await c.fail('patients.create', { givenName: ' ', familyName: 'X', dateOfBirth: '2999-01-01', recordNumber: 'a-17', email: 'not-an-email' })
    expect(e.code).toBe('validation')
    expect(e.fields).toEqual(
      expect.arrayContaining([
        { path: 'givenName', code: 'required' },
        { path: 'dateOfBirth', code: 'date_in_future' },
        { path: 'email', code: 'invalid_email' },
      ]),
    )
    expect((await c.fail('patients.create', { givenName: 'A', familyName: 'B', dateOfBirth: '1899-12-31', recordNumber: 'Z1' })).fields).toEqual([
      { path: 'dateOfBirth', code: 'date_before_1900' },
    ])
    const dup = await c.fail('patients.create', { givenName: 'A', familyName: 'B', dateOfBirth: '1980-01-01', recordNumber: 'a-17' })
    expect(dup.fields).toEqual([{ path: 'recordNumber', code: 'duplicate_record_number' }])
    expect((await c.call('patients.search', { query: '', limit: 100 })).length).toBe(before)
  })
})

describe('the audit chain', () => {
  it('has one row per change, chained, and survives a reopen', () => {
    const check = verifyAuditChain(core.ctx.db, core.ctx.auditKey)
    expect(check.ok).toBe(true)
    const actions = (core.ctx.db.prepare('SELECT action FROM audit_log').all() as { action: string }[]).map((r) => r.action)
    expect(actions).toEqual(expect.arrayContaining(['clinic.setup', 'user.create', 'login', 'login.failed', 'patient.create', 'patient.update']))
  })

  it('refuses UPDATE and DELETE on the audit log', () => {
    const raw = new Database(join(dir, DB_FILE_NAME))
    try {
      expect(() => raw.prepare("UPDATE audit_log SET actor_name = 'x' WHERE id = 1").run()).toThrow(/append-only/)
      expect(() => raw.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/)
    } finally {
      raw.close()
    }
  })
})

describe('text that would read differently from what was stored', () => {
  it('refuses bidi override and isolate controls in names', async () => {
    const c = new Client(core)
    await c.call('session.login', { username: 'staff1', password: 'staff password 1' })
    for (const trick of ['\u202E', '\u202D', '\u2066', '\u2069']) {
      const e = await c.fail('patients.create', { givenName: `Ann${trick}a`, familyName: 'Lee', dateOfBirth: '1980-01-01', recordNumber: `BIDI-${trick.charCodeAt(0)}` })
      expect(e.fields).toEqual([{ path: 'givenName', code: 'invalid_characters' }])
    }
    // Right-to-left text itself is welcome.
    await c.call('patients.create', { givenName: 'محمد', familyName: 'الأحمد', dateOfBirth: '1980-01-01', recordNumber: 'RTL-1' })
  })
})
