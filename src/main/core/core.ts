// The application, ready to serve a host: the open database, the audit key,
// the in-memory sessions. `Core.open` is what the Electron host, the browser
// host, the command line and the tests all call.
import { resolve } from 'node:path'
import { AppError, type ApiResult } from '../../shared/errors'
import { CommandLine } from './command-line'
import type { CoreContext } from './context'
import { openDatabase } from './db/open'
import { dispatch } from './dispatch/dispatcher'
import type { CoreServices, HostLink } from './dispatch/types'
import { FileKeyStore, type KeyStore } from './keys/key-store'
import type { ClinicFilePort } from './maintenance/clinic-file-port'
import { cupsPrintService } from './printing/cups'
import type { PrintService } from './printing/print-service'
import { ensureShippedScripts } from './script-library/shipped'
import { LoginThrottle } from './session/login-throttle'
import { PasswordCheck } from './session/password-check'
import { SessionStore } from './session/sessions'
import { readSettings } from './settings/settings'
import type { DemoLogin } from './setup/demo-port'
import { systemClock, type Clock } from './util/clock'

export interface CoreOptions {
  dataDir: string
  /** The app's `resources/` folder (migrations, scripts, fonts). */
  resourcesDir: string
  keyStore?: KeyStore
  now?: Clock
  /** How consents are printed; CUPS (lpstat/lp) unless the host offers its own. */
  printService?: PrintService
  /**
   * What "Load the demo" runs (src/main/demo): handed the running core, it
   * sets the demo clinic up through the core's own door. Without it the
   * setup screen's demo is refused.
   */
  demo?: (core: Core) => Promise<readonly DemoLogin[]>
}

export class Core {
  readonly ctx: CoreContext
  private readonly sessions: SessionStore
  /** The machine owner's services: the command line and the in-process drivers (demo, seed). */
  readonly commandLine: CommandLine
  private readonly services: CoreServices

  private constructor(ctx: CoreContext, keyStore: KeyStore, opts: CoreOptions) {
    this.ctx = ctx
    this.sessions = new SessionStore(ctx.now, () => readSettings(ctx).idleLockMinutes)
    const clinicFile: ClinicFilePort = {
      keyStore,
      close: () => ctx.db.close(),
      reopen: () => {
        ctx.db = openDatabase({ dataDir: ctx.dataDir, migrationsDir: resolve(ctx.resourcesDir, 'migrations'), now: ctx.now })
      },
      useAuditKey: (key) => {
        ctx.auditKey = key
      },
    }
    const demo = opts.demo
    this.services = {
      ctx,
      sessions: this.sessions,
      passwords: new PasswordCheck(ctx, new LoginThrottle(ctx)),
      printing: opts.printService ?? cupsPrintService,
      demo: {
        load: () => {
          if (!demo) throw new AppError('invalid_state', 'This app was started without the demo clinic.')
          return demo(this)
        },
      },
      clinicFile,
    }
    this.commandLine = new CommandLine(this.services)
  }

  static open(opts: CoreOptions): Core {
    const dataDir = resolve(opts.dataDir)
    const resourcesDir = resolve(opts.resourcesDir)
    const keyStore = opts.keyStore ?? FileKeyStore.forDataDir(dataDir)
    const now = opts.now ?? systemClock
    const auditKey = keyStore.auditKey()
    const db = openDatabase({ dataDir, migrationsDir: resolve(resourcesDir, 'migrations'), now })
    const core = new Core({ db, auditKey, now, dataDir, resourcesDir }, keyStore, opts)
    ensureShippedScripts(core.ctx) // the shipped consultation script versions, stored once each
    return core
  }

  /** Every call from a host: validated, checked and answered as a value, never thrown. */
  dispatch(name: string, input: unknown, host: HostLink): Promise<ApiResult<unknown>> {
    return dispatch(this.services, name, input, host)
  }

  close(): void {
    if (this.ctx.db.open) this.ctx.db.close()
  }
}
