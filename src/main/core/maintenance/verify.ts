// `verify`: runs every integrity check against a clinic database and sums the
// outcome up in one line. Used by `npm run cli -- verify`, by the admin's
// Maintenance screen (maintenance.verify), by backup (on the copy it made) and
// by restore (on the file it is asked to bring back).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { VerifyReport } from '../../../shared/contract/maintenance'
import { DB_FILE_NAME, type Db } from '../db/open'
import { auditKeyPath } from '../keys/key-store'
import { INTEGRITY_CHECKS } from './checks'
import type { CheckOutcome, CheckRun, IntegrityCheck, IntegrityContext } from './checks/types'

export type { VerifyReport }

/** Runs every check straight through (the command line, backup, restore, tests). */
export function verifyClinicData(ic: IntegrityContext, checks: readonly IntegrityCheck[] = INTEGRITY_CHECKS): VerifyReport {
  const results: VerifyReport['checks'] = []
  for (const c of checks) {
    results.push(
      settle(c, () => {
        const run = c.run(ic)
        if (!isGenerator(run)) return run
        for (;;) {
          const step = run.next()
          if (step.done) return step.value
        }
      }),
    )
  }
  return summarise(results)
}

/**
 * The same checks, pausing between steps of the long ones so that the running
 * app keeps answering other calls meanwhile (the in-app Verify).
 */
export async function verifyClinicDataInSteps(ic: IntegrityContext, checks: readonly IntegrityCheck[] = INTEGRITY_CHECKS): Promise<VerifyReport> {
  const results: VerifyReport['checks'] = []
  for (const c of checks) {
    let run: CheckRun | null = null
    const first = settle(c, () => {
      run = c.run(ic)
      return isGenerator(run) ? { ok: true, confirmed: '' } : run
    })
    const gen = run as CheckRun | null
    if (!gen || !isGenerator(gen) || !first.ok) {
      results.push(first)
      continue
    }
    let outcome: VerifyReport['checks'][number] | null = null
    while (!outcome) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      outcome = settleStep(c, gen)
    }
    results.push(outcome)
  }
  return summarise(results)
}

function isGenerator(r: CheckRun): r is Generator<undefined, CheckOutcome, undefined> {
  return typeof (r as { next?: unknown }).next === 'function'
}

function toResult(c: IntegrityCheck, outcome: CheckOutcome): VerifyReport['checks'][number] {
  return outcome.ok ? { id: c.id, title: c.title, ok: true, detail: outcome.confirmed } : { id: c.id, title: c.title, ok: false, detail: outcome.problem }
}

/** A check that cannot even read its rows is a finding, not a crash. */
function failed(c: IntegrityCheck, e: unknown): VerifyReport['checks'][number] {
  return { id: c.id, title: c.title, ok: false, detail: `${c.title}: could not be checked (${e instanceof Error ? e.message : String(e)}).` }
}

function settle(c: IntegrityCheck, fn: () => CheckOutcome): VerifyReport['checks'][number] {
  try {
    return toResult(c, fn())
  } catch (e) {
    return failed(c, e)
  }
}

/** Advances a long check by one step; its result once it is done, else null. */
function settleStep(c: IntegrityCheck, gen: Generator<undefined, CheckOutcome, undefined>): VerifyReport['checks'][number] | null {
  try {
    const step = gen.next()
    return step.done ? toResult(c, step.value) : null
  } catch (e) {
    return failed(c, e)
  }
}

function summarise(results: VerifyReport['checks']): VerifyReport {
  const failed = results.filter((r) => !r.ok)
  const summary =
    failed.length === 0
      ? `Verified: ${results.map((r) => r.detail).join('; ')}.`
      : `NOT verified: ${failed[0]!.detail}${failed.length > 1 ? ` (${failed.length - 1} more check${failed.length > 2 ? 's' : ''} failed)` : ''}`
  return { ok: failed.length === 0, summary, checks: results, firstProblem: failed[0]?.detail ?? null }
}

/**
 * Opens a clinic's database for checking only (`query_only`: this connection
 * cannot write) and reads its audit key without ever creating one: a missing
 * key must be reported, not silently replaced by a new one that would make
 * the whole existing chain look forged.
 */
export function openForVerify(dataDir: string, opts: { keyFile?: string } = {}): { db: Db; auditKey: Buffer } {
  const file = join(dataDir, DB_FILE_NAME)
  if (!existsSync(file)) throw new AppError('not_found', `There is no clinic database in ${dataDir} (expected ${DB_FILE_NAME}).`)
  const keyFile = opts.keyFile ?? auditKeyPath(dataDir)
  if (!existsSync(keyFile))
    throw new AppError(
      'not_found',
      `The audit key ${keyFile} is missing, so the audit trail cannot be checked. If this clinic runs in the desktop app, its key is held by the system keychain: run Verify from the app's Maintenance screen instead.`,
    )
  const auditKey = readKeyFile(keyFile)
  const db = new Database(file, { fileMustExist: true })
  db.pragma('query_only = ON')
  db.pragma('busy_timeout = 5000')
  return { db, auditKey }
}

/** Reads a plain (base64) key file as FileKeyStore writes it. */
export function readKeyFile(file: string): Buffer {
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new AppError('invalid_state', `The audit key ${file} is damaged (expected 32 bytes).`)
  return key
}

/** `verify` from the command line: the clinic folder's database and key, read without writing. */
export function verifyClinicFolder(dataDir: string, opts: { resourcesDir: string; keyFile?: string }): VerifyReport {
  const { db, auditKey } = openForVerify(dataDir, { keyFile: opts.keyFile })
  try {
    return verifyClinicData({ db, auditKey, resourcesDir: opts.resourcesDir })
  } finally {
    db.close()
  }
}
