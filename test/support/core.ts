// Test helpers: a real Core on a fresh temp data directory, and a fake host
// link that remembers the session the core hands back (what a host does).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, type HostLink } from '../../src/main/core'
import { resourcesDir } from '../../src/main/core/paths'
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract'
import type { ApiError } from '../../src/shared/errors'
import type { Clock } from '../../src/main/core/util/clock'

export function tempDir(prefix = 'derm-consent-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function openCore(dataDir = tempDir(), now?: Clock): Core {
  return Core.open({ dataDir, resourcesDir, now })
}

/** One browser tab / window: holds its own session like a host does. */
export class Client implements HostLink {
  sessionId: string | null = null
  constructor(readonly core: Core) {}
  setSessionId(id: string | null): void {
    this.sessionId = id
  }
  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const r = await this.core.dispatch(name, input, this)
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code}: ${r.error.message}`), { apiError: r.error })
    return r.value as CallOutput<N>
  }
  /** Expects the call to fail; returns the error value. */
  async fail<N extends CallName>(name: N, input: unknown): Promise<ApiError> {
    const r = await this.core.dispatch(name, input, this)
    if (r.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(r.value)}`)
    return r.error
  }
}
