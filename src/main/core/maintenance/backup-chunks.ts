// The database inside a BAK2 backup, read and written one chunk at a time (the
// format is in backup-file.ts), so a backup of any size needs about one chunk
// of memory. A chunk's plaintext is handed on only after its tag has been
// checked, so nothing unauthenticated ever reaches the staged database.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { open, stat, type FileHandle } from 'node:fs/promises'
import type { BackupKeys } from './backup-file'
import {
  chunkCount,
  damagedBackup,
  decodeHeaderV2,
  expectedFileBytes,
  manifestLength,
  notABackup,
  parseManifest,
  PREAMBLE_BYTES,
  TAG_BYTES,
  type BackupDescription,
  type BackupHeaderV2,
} from './backup-file'

function nonce(header: BackupHeaderV2, index: number): Buffer {
  const n = Buffer.alloc(12)
  header.noncePrefix.copy(n, 0)
  n.writeBigUInt64BE(BigInt(index), 4)
  return n
}

function chunkAad(header: BackupHeaderV2, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(9)
  tail.writeBigUInt64BE(BigInt(index), 0)
  tail[8] = final ? 1 : 0
  return Buffer.concat([header.headerSha256, tail])
}

/** Reads exactly `length` bytes at `position` (short only at the end of the file). */
async function readFully(fh: FileHandle, buf: Buffer, length: number, position: number): Promise<number> {
  let got = 0
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got)
    if (bytesRead === 0) break
    got += bytesRead
  }
  return got
}

async function writeFully(fh: FileHandle, buf: Buffer): Promise<void> {
  let off = 0
  while (off < buf.length) off += (await fh.write(buf, off, buf.length - off)).bytesWritten
}

/** Size and SHA-256 of a file, read one chunk at a time. */
export async function hashFile(file: string, chunkBytes: number): Promise<{ bytes: number; sha256: string }> {
  const fh = await open(file, 'r')
  try {
    const hash = createHash('sha256')
    const buf = Buffer.allocUnsafe(chunkBytes)
    let bytes = 0
    for (;;) {
      const n = await readFully(fh, buf, chunkBytes, bytes)
      if (n === 0) break
      hash.update(buf.subarray(0, n))
      bytes += n
    }
    return { bytes, sha256: hash.digest('hex') }
  } finally {
    await fh.close()
  }
}

/** Writes the header and then `plainFile` encrypted chunk by chunk to `out`. */
export async function writeEncryptedBackup(out: FileHandle, header: BackupHeaderV2, keys: BackupKeys, plainFile: string): Promise<void> {
  await writeFully(out, header.headerBytes)
  const total = header.description.database.bytes
  const count = chunkCount(total, header.chunkBytes)
  const buf = Buffer.allocUnsafe(header.chunkBytes)
  const plain = await open(plainFile, 'r')
  try {
    for (let i = 0; i < count; i++) {
      const want = Math.min(header.chunkBytes, total - i * header.chunkBytes)
      if ((await readFully(plain, buf, want, i * header.chunkBytes)) !== want) throw new Error(`${plainFile} changed while it was being backed up`)
      const cipher = createCipheriv('aes-256-gcm', keys.databaseKey, nonce(header, i))
      cipher.setAAD(chunkAad(header, i, i === count - 1))
      await writeFully(out, Buffer.concat([cipher.update(buf.subarray(0, want)), cipher.final(), cipher.getAuthTag()]))
    }
  } finally {
    await plain.close()
  }
}

/**
 * Authenticates every chunk of a BAK2 file and its database's size and
 * SHA-256; hands each authenticated chunk to `sink` (the staged database) if
 * given. Throws `damagedBackup` at the first thing that does not match.
 */
export async function readEncryptedBackup(file: string, header: BackupHeaderV2, keys: BackupKeys, sink: FileHandle | null): Promise<void> {
  const { size } = await stat(file)
  const expected = expectedFileBytes(header)
  if (size < expected) throw damagedBackup(`it is ${expected - size} bytes shorter than its header says (cut off, or a part is missing)`)
  if (size > expected) throw damagedBackup(`it has ${size - expected} bytes more than its header says`)
  const total = header.description.database.bytes
  const count = chunkCount(total, header.chunkBytes)
  const buf = Buffer.allocUnsafe(header.chunkBytes + TAG_BYTES)
  const hash = createHash('sha256')
  const fh = await open(file, 'r')
  try {
    let position = header.headerBytes.length
    for (let i = 0; i < count; i++) {
      const want = Math.min(header.chunkBytes, total - i * header.chunkBytes)
      if ((await readFully(fh, buf, want + TAG_BYTES, position)) !== want + TAG_BYTES) throw damagedBackup(`part ${i + 1} of ${count} is cut off`)
      position += want + TAG_BYTES
      let plain: Buffer
      try {
        const d = createDecipheriv('aes-256-gcm', keys.databaseKey, nonce(header, i))
        d.setAAD(chunkAad(header, i, i === count - 1))
        d.setAuthTag(buf.subarray(want, want + TAG_BYTES))
        plain = Buffer.concat([d.update(buf.subarray(0, want)), d.final()])
      } catch {
        throw damagedBackup(`part ${i + 1} of ${count} of the database does not authenticate`)
      }
      hash.update(plain)
      if (sink) await writeFully(sink, plain)
    }
  } finally {
    await fh.close()
  }
  if (hash.digest('hex') !== header.description.database.sha256) throw damagedBackup('the database does not match the SHA-256 in its header')
}

/** A backup file's header read from disk (the manifest only, never the database): BAK1 or BAK2. */
export function readBackupHeader(file: string): { description: BackupDescription; v2: BackupHeaderV2 | null } {
  const fd = openSync(file, 'r')
  try {
    const preamble = Buffer.alloc(PREAMBLE_BYTES)
    const got = readSync(fd, preamble, 0, PREAMBLE_BYTES, 0)
    const { format, length } = manifestLength(preamble.subarray(0, got))
    if (PREAMBLE_BYTES + length > statSync(file).size) throw notABackup('its header is damaged')
    const manifest = Buffer.alloc(length)
    readSync(fd, manifest, 0, length, PREAMBLE_BYTES)
    if (format === 2) {
      const v2 = decodeHeaderV2(Buffer.concat([preamble, manifest]))
      return { description: v2.description, v2 }
    }
    const m = parseManifest(manifest, 1)
    return { description: { format: 1, createdAt: m.createdAt, schemaVersion: m.schemaVersion, database: m.database, chainHead: m.chainHead }, v2: null }
  } finally {
    closeSync(fd)
  }
}
