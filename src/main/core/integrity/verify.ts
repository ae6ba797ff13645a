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
import type { IntegrityCheck, IntegrityContext } from './checks/types'

export type { VerifyReport }

export function verifyClinicData(ic: IntegrityContext, checks: readonly IntegrityCheck[] = INTEGRITY_CHECKS): VerifyReport {
  const results: VerifyReport['checks'] = []
  for (const c of checks) {
    let outcome
    try {
      outcome = c.run(ic)
    } catch (e) {
      // A check that cannot even read its rows is a finding, not a crash.
      outcome = { ok: false as const, problem: `${c.title}: could not be checked (${e instanceof Error ? e.message : String(e)}).` }
    }
    results.push(outcome.ok ? { id: c.id, title: c.title, ok: true, detail: outcome.confirmed } : { id: c.id, title: c.title, ok: false, detail: outcome.problem })
  }
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
