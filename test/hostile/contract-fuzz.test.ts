// Hostile input at the contract boundary: for EVERY call in the contract,
// generated requests that must be refused (malformed input of every kind, a
// caller without the role, a locked session, no session) are sent through the
// real browser host over HTTP. Each answer must be a typed error (a code from
// ERROR_CODES and a plain message, never a stack trace or an `internal`
// error), the host must keep serving, and the database must not change.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, contract, type CallName } from '../../src/shared/contract'
import { ERROR_CODES } from '../../src/shared/errors'
import { dumpDatabase, startRig, type HostileRig } from './support'

let rig: HostileRig
let baseline: ReturnType<typeof dumpDatabase>

beforeAll(async () => {
  rig = await startRig()
  baseline = dumpDatabase(rig.core.ctx.db)
})
afterAll(async () => {
  await rig.close()
})

type Caller = 'none' | 'admin' | 'clinician' | 'staff' | 'locked' | 'patient'
const CALLERS: Caller[] = ['none', 'admin', 'clinician', 'staff', 'locked', 'patient']

/** The top-level field names a call's input schema knows (zod object, possibly inside a pipe). */
function fieldNames(name: CallName): string[] {
  let s: unknown = contract[name].input
  for (let i = 0; i < 5 && s; i++) {
    const def = (s as { def?: { type?: string; in?: unknown; innerType?: unknown } }).def
    if ((s as { shape?: object }).shape) return Object.keys((s as { shape: object }).shape)
    s = def?.in ?? def?.innerType
  }
  return []
}

/** Would the dispatcher let this caller reach the handler at all? */
function callerAdmitted(name: CallName, caller: Caller): boolean {
  const access = contract[name].access
  if (access.kind === 'public') return true
  if (caller === 'none') return false
  const clinicianMay = access.roles === 'any' || access.roles.includes('clinician')
  if (caller === 'locked') return access.whileLocked === true && clinicianMay
  // The screen is with the patient: only the patient's own steps (on their own consultation).
  if (caller === 'patient') return access.patientMode === true && clinicianMay
  return access.roles === 'any' || access.roles.includes(caller)
}

// Strings that break naive code: control characters, lone surrogates (invalid
// UTF-16), right-to-left overrides, NUL, huge, SQL and path-looking text.
const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\u0007\u001b[31m',
    'a\u202Eevil',
    '\uD800',
    '\uDFFFx',
    'x\uD83D',
    "'; DROP TABLE patients; --",
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '',
    ' ',
    '\n\r\t',
  ),
  fc.integer({ min: 10_001, max: 300_000 }).map((n) => 'A'.repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => '\u{1F489}'.repeat(n)),
)
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, [], {}, [null], { __proto__: { admin: true } }),
  fc.integer({ min: 1, max: 50 }), // ids of records that exist: other patients, users, consultations
  fc.integer({ min: 1_000_000, max: 2 ** 31 }), // ids of records that do not
  fc.jsonValue({ maxDepth: 3 }),
)

function inputFor(name: CallName): fc.Arbitrary<unknown> {
  const keys = fieldNames(name)
  const known = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('id')
  return fc.oneof(
    // Not an object at all, or JSON noise.
    fc.jsonValue({ maxDepth: 4 }),
    // The call's own fields with hostile values, some missing.
    fc.dictionary(known, hostileValue, { maxKeys: Math.max(1, keys.length) }),
    // The call's own fields plus fields it does not know.
    fc
      .tuple(fc.dictionary(known, hostileValue, { maxKeys: keys.length }), fc.dictionary(hostileString, hostileValue, { minKeys: 1, maxKeys: 3 }))
      .map(([a, b]) => ({ ...b, ...a, [`extra_${Object.keys(b).length}`]: 1 })),
  )
}

/** As the dispatcher sees it: a JSON null body means "no input", i.e. {}. */
function isValid(name: CallName, input: unknown): boolean {
  return contract[name].input.safeParse(input ?? {}).success
}

function bodyOf(input: unknown): string {
  return JSON.stringify(input) ?? 'null'
}

async function expectRefusedAndUnchanged(name: CallName, caller: Caller, input: unknown, mustRefuse = false): Promise<void> {
  const cookie = caller === 'none' ? null : rig.cookies[caller]
  const res = await rig.api(name, bodyOf(input), cookie)
  const where = `${name} as ${caller} with ${bodyOf(input).slice(0, 200)}`
  let json: { ok: boolean; value?: unknown; error?: { code: string; message: string; fields?: unknown } }
  try {
    json = JSON.parse(res.body)
  } catch {
    throw new Error(`${where}: answer is not JSON (${res.status}): ${res.body.slice(0, 200)}`)
  }
  const admitted = callerAdmitted(name, caller)
  const valid = isValid(name, input)
  if (json.ok) {
    expect(mustRefuse, `${where}: succeeded on another patient's record`).toBe(false)
    // Only a public call with valid input may succeed (e.g. setup.status); it must not write.
    expect(admitted && valid && contract[name].access.kind === 'public', `${where}: succeeded`).toBe(true)
    expect(res.status).toBe(200)
  } else {
    const e = json.error!
    expect(ERROR_CODES, `${where}: code`).toContain(e.code)
    expect(e.code, `${where}: unexpected failure: ${e.message}`).not.toBe('internal')
    expect(typeof e.message === 'string' && e.message.trim().length > 0, `${where}: message`).toBe(true)
    expect(e.message, `${where}: stack trace`).not.toMatch(/\n\s+at |\.ts:\d+|node:internal|SQLITE_|TypeError|ReferenceError/)
    expect(e.message.length).toBeLessThan(600)
    expect(
      Object.keys(e).every((k) => ['code', 'message', 'fields', 'retryAfterSeconds'].includes(k)),
      `${where}: keys ${Object.keys(e)}`,
    ).toBe(true)
    expect(res.status, where).toBeGreaterThanOrEqual(400)
    if (!admitted) expect(['unauthenticated', 'forbidden', 'locked', 'patient_mode'], where).toContain(e.code)
    else if (mustRefuse) expect(['forbidden', 'patient_mode', 'validation', 'not_found', 'frozen', 'invalid_state'], where).toContain(e.code)
  }
  const now = dumpDatabase(rig.core.ctx.db)
  if (now.digest !== baseline.digest) {
    const changed = Object.keys(now.tables).filter((t) => JSON.stringify(now.tables[t]) !== JSON.stringify(baseline.tables[t]))
    throw new Error(`${where}: the database changed (tables: ${changed.join(', ')})`)
  }
}

describe('every contract call refuses hostile input through the browser host', () => {
  it('covers the whole contract', () => {
    expect(CALL_NAMES.length).toBeGreaterThan(10)
  })

  for (const name of CALL_NAMES) {
    it(`${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CALLERS), inputFor(name), async (caller, input) => {
          // Only requests that must be refused: bad input, or a caller the call does not admit
          // (public calls with valid input are sent too: they must not write).
          const refusable = !callerAdmitted(name, caller) || !isValid(name, input) || contract[name].access.kind === 'public'
          fc.pre(refusable)
          await expectRefusedAndUnchanged(name, caller, input)
        }),
        { numRuns: 25, seed: Number(process.env.FUZZ_SEED ?? 20261125) ^ hash(name) },
      )
    })
  }

  // Ids of other patients' records: the screen handed to one patient is pinned
  // to their consultation; naming another one (here: another patient's,
  // signed off) is refused whatever else the input says, even when it is valid.
  for (const name of CALL_NAMES.filter((n) => fieldNames(n).includes('consultationId') && contract[n].access.kind === 'user')) {
    it(`${name}: another patient's consultation from the patient's screen`, async () => {
      await fc.assert(
        fc.asyncProperty(inputFor(name), async (input) => {
          const base = input && typeof input === 'object' && !Array.isArray(input) ? input : {}
          await expectRefusedAndUnchanged(name, 'patient', { ...base, consultationId: rig.consultations.signedOff }, true)
        }),
        { numRuns: 8, seed: Number(process.env.FUZZ_SEED ?? 20261125) ^ hash(`other:${name}`) },
      )
    })
  }

  it('keeps serving afterwards, and only failed logins were recorded', async () => {
    const status = await rig.api('setup.status', '{}')
    expect(status.status).toBe(200)
    const search = await rig.api('patients.search', JSON.stringify({ query: 'müller', limit: 5 }), rig.cookies.clinician)
    expect(JSON.parse(search.body)).toMatchObject({ ok: true, value: [{ familyName: 'Müller' }] })
    expect(dumpDatabase(rig.core.ctx.db).digest).toBe(baseline.digest)
  })
})

function hash(s: string): number {
  let h = 0
  for (const c of s) h = (h * 31 + c.codePointAt(0)!) | 0
  return h
}
