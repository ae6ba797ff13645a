// Test helpers: a real Core on a fresh temp data directory, and the
// in-process client (src/main/client) that holds a session like a host does.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, resourcesDir, type Clock } from '../../src/main/core'

export { Client } from '../../src/main/client/client'

export function tempDir(prefix = 'derm-consent-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function openCore(dataDir = tempDir(), now?: Clock): Core {
  return Core.open({ dataDir, resourcesDir, now })
}
