// The shape of one integrity check. `verify` is a list of these, each
// independent: a check reads the database (never writes), and says either
// what it confirmed (one short phrase for the summary line) or the first row
// or document that does not hold and what is wrong with it.
import type { Db } from '../../db/open'

export interface IntegrityContext {
  /** The clinic database, opened by the caller. Checks only read it. */
  db: Db
  /** The audit chain's HMAC key (from the key store; never from the database). */
  auditKey: Buffer
  /** The app's resources/ folder (consultation scripts, fonts), for checks that need them. */
  resourcesDir: string
  /**
   * Incremental verify only (never set by a full verify): the last verified
   * checkpoint. Everything described by audit rows at or before
   * `auditPosition` was verified then, and the chain up to that row hashed to
   * `auditHash`; a check that walks records may skip those whose audit rows
   * all lie at or before it, and check only what was added since.
   */
  since?: VerifyCheckpoint
}

export interface VerifyCheckpoint {
  /** The audit row id up to which the last verify confirmed everything. */
  auditPosition: number
  /** That row's hash, as the verify saw it. */
  auditHash: string
}

export type CheckOutcome =
  /** `confirmed` joins the one-line summary, e.g. "1,204 audit rows chained". */
  | { ok: true; confirmed: string }
  /** `problem` names the first broken row or document and what is wrong, in plain words. */
  | { ok: false; problem: string }

/**
 * A long check is a generator that yields now and then (every few records),
 * so the app can go on serving calls while it runs; the command line simply
 * runs it through. Short checks return their outcome directly.
 */
export type CheckRun = CheckOutcome | Generator<undefined, CheckOutcome, undefined>

export interface IntegrityCheck {
  /** Stable id, e.g. `audit-chain`; used in reports and tests. */
  id: string
  /** What the check proves, in a few words, for the admin screen. */
  title: string
  run(ic: IntegrityContext): CheckRun
}

/** How often a long check yields: every this many records. */
export const YIELD_EVERY = 20

/** True when the database has a table (or view) of that name. */
export function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?").get(name) !== undefined
}

export function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as { n: number }).n
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}
