// What every core service is handed: the open database, the audit key, the
// clock and where the app's resources are. Services are plain functions of
// this context, so tests build one on a temp directory and call them directly.
import type { Db } from './db/open'
import type { Clock } from './util/clock'
import type { Role } from '../../shared/roles'

export interface CoreContext {
  db: Db
  auditKey: Buffer
  now: Clock
  dataDir: string
  resourcesDir: string
}

/** Who is acting: a logged-in user, or the command line run by the machine's owner. */
export interface Actor {
  id: number | null
  name: string
  role: Role | 'system'
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'command line', role: 'system' }

/** Runs `fn` in one IMMEDIATE transaction: it commits (durably) before returning. */
// One transaction wrapper per connection, reused: building a new one on every
// call was a measurable share of a durable acknowledgment's time.
const runners = new WeakMap<Db, (fn: () => unknown) => unknown>()

export function inTransaction<T>(ctx: CoreContext, fn: () => T): T {
  let run = runners.get(ctx.db)
  if (!run) {
    const tx = ctx.db.transaction((f: () => unknown) => f())
    run = (f) => tx.immediate(f)
    runners.set(ctx.db, run)
  }
  return run(fn) as T
}
