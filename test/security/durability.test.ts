// Durability is configured, not assumed: every connection the app writes
// through runs in WAL mode with synchronous=FULL (set explicitly rather than
// trusting the build's compiled-in default: with NORMAL, WAL can lose the last
// commits on power loss), foreign keys on, and on macOS fullfsync so the disk
// itself flushes.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPragmas } from '../../src/main/core/testing'
import { openCore, tempDir } from '../support/core'

const realPlatform = process.platform
afterEach(() => {
  Object.defineProperty(process, 'platform', { value: realPlatform })
})

describe('durability settings', () => {
  it('the clinic database the app opens: WAL, synchronous=FULL, foreign keys on, fullfsync as the platform needs', () => {
    const core = openCore()
    try {
      const db = core.ctx.db
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL (NORMAL is 1)
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('fullfsync', { simple: true })).toBe(realPlatform === 'darwin' ? 1 : 0)
    } finally {
      core.close()
    }
  })

  it('on macOS fullfsync is switched on; elsewhere it is left off', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      Object.defineProperty(process, 'platform', { value: platform })
      const db = new Database(join(tempDir(), `${platform}.sqlite`))
      applyPragmas(db)
      expect(db.pragma('fullfsync', { simple: true }), platform).toBe(platform === 'darwin' ? 1 : 0)
      expect(db.pragma('synchronous', { simple: true }), platform).toBe(2)
      db.close()
    }
  })

  it('the settings hold after the app reopens its file (WAL is persistent; the rest is set on every open)', () => {
    const dir = tempDir()
    openCore(dir).close()
    const core = openCore(dir)
    try {
      expect(core.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(core.ctx.db.pragma('synchronous', { simple: true })).toBe(2)
    } finally {
      core.close()
    }
  })
})
