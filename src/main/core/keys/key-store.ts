// Where the secret that keys the audit chain lives. It is kept outside the
// database so that whoever edits the SQLite file cannot recompute the chain.
// The Electron host protects it with the OS keychain (safeStorage); the
// browser host and the command line keep it in a file only its owner can read.
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'

export interface KeyStore {
  /** The 32-byte HMAC key of the audit chain; created on first use. */
  auditKey(): Buffer
  /** The file holding the key (restore moves it aside before installing another). */
  readonly file?: string
  /** Replaces the key with one brought by a restored backup (see core/maintenance/restore.ts). */
  install?(key: Buffer): void
}

/** Optional wrapping of the key file's bytes, e.g. Electron's safeStorage. */
export interface KeyWrapper {
  wrap(plain: Buffer): Buffer
  unwrap(wrapped: Buffer): Buffer
}

export function auditKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'audit-chain.key')
}

export class FileKeyStore implements KeyStore {
  private cached: Buffer | null = null
  constructor(
    readonly file: string,
    private readonly wrapper?: KeyWrapper,
  ) {}

  static forDataDir(dataDir: string, wrapper?: KeyWrapper): FileKeyStore {
    return new FileKeyStore(auditKeyPath(dataDir), wrapper)
  }

  auditKey(): Buffer {
    if (this.cached) return this.cached
    if (existsSync(this.file)) {
      if (process.platform !== 'win32' && (statSync(this.file).mode & 0o077) !== 0) chmodSync(this.file, 0o600)
      const raw = readFileSync(this.file)
      const key = this.wrapper ? this.wrapper.unwrap(raw) : Buffer.from(raw.toString('utf8').trim(), 'base64')
      if (key.length !== 32) throw new Error(`The audit key file ${this.file} is damaged (expected 32 bytes).`)
      this.cached = key
      return key
    }
    const key = randomBytes(32)
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 })
    const bytes = this.wrapper ? this.wrapper.wrap(key) : Buffer.from(key.toString('base64') + '\n')
    // 'wx': never overwrite a key that appeared meanwhile; losing it would
    // make the whole existing chain unverifiable.
    writeFileSync(this.file, bytes, { mode: 0o600, flag: 'wx' })
    this.cached = key
    return key
  }

  /** Writes `key` in this store's form (plain or wrapped); the caller has moved the old file aside. */
  install(key: Buffer): void {
    if (key.length !== 32) throw new Error('An audit key is 32 bytes.')
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 })
    const bytes = this.wrapper ? this.wrapper.wrap(key) : Buffer.from(key.toString('base64') + '\n')
    const tmp = `${this.file}.partial`
    writeFileSync(tmp, bytes, { mode: 0o600 })
    const fd = openSync(tmp, 'r+')
    fsyncSync(fd)
    closeSync(fd)
    renameSync(tmp, this.file)
    this.cached = key
  }
}
