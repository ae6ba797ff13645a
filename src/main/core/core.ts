// The application, ready to serve a host: the open database, the audit key,
// the in-memory sessions. `Core.open` is what the Electron host, the browser
// host, the command line and the tests all call.
import { resolve } from 'node:path'
import type { ApiResult } from '../../shared/errors'
import { LoginThrottle } from './auth/login-throttle'
import { SessionStore } from './auth/sessions'
import { readSettings } from './clinic/settings'
import type { CoreContext } from './context'
import { openDatabase } from './db/open'
import { ensureShippedScripts } from './scripts/shipped'
import { dispatch } from './dispatch/dispatcher'
import type { HostLink } from './dispatch/types'
import { FileKeyStore, type KeyStore } from './keys/key-store'
import { systemClock, type Clock } from './util/clock'
import { cupsPrintService } from './printing/cups'
import type { PrintService } from './printing/print-service'

export interface CoreOptions {
  dataDir: string
  /** The app's `resources/` folder (migrations, scripts, fonts). */
  resourcesDir: string
  keyStore?: KeyStore
  now?: Clock
  /** How consents are printed; CUPS (lpstat/lp) unless the host offers its own. */
  printService?: PrintService
}

export class Core {
  readonly ctx: CoreContext
  readonly sessions: SessionStore
  readonly throttle: LoginThrottle
  /** Kept so a restore can install the key that came with the backup. */
  readonly keyStore: KeyStore
  readonly printing: PrintService

  private constructor(ctx: CoreContext, keyStore: KeyStore, printing: PrintService) {
    this.ctx = ctx
    this.keyStore = keyStore
    this.printing = printing
    this.sessions = new SessionStore(ctx.now, () => readSettings(ctx).idleLockMinutes)
    this.throttle = new LoginThrottle(ctx.now)
  }

  static open(opts: CoreOptions): Core {
    const dataDir = resolve(opts.dataDir)
    const resourcesDir = resolve(opts.resourcesDir)
    const keyStore = opts.keyStore ?? FileKeyStore.forDataDir(dataDir)
    const now = opts.now ?? systemClock
    const auditKey = keyStore.auditKey()
    const db = openDatabase({ dataDir, migrationsDir: resolve(resourcesDir, 'migrations'), now })
    const core = new Core({ db, auditKey, now, dataDir, resourcesDir }, keyStore, opts.printService ?? cupsPrintService)
    ensureShippedScripts(core.ctx) // the shipped consultation script versions, stored once each
    return core
  }

  dispatch(name: string, input: unknown, host: HostLink): Promise<ApiResult<unknown>> {
    return dispatch(this, name, input, host)
  }

  close(): void {
    if (this.ctx.db.open) this.ctx.db.close()
  }
}
