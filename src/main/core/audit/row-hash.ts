// The content hash of one stored row, as the audit row that records its
// writing carries it (`rowSha256`). Written in the same transaction as the
// row and sealed into the keyed chain, it lets `verify` prove the row is
// still, column for column, the one the app wrote: a row inserted, edited or
// replaced behind the app's back (triggers dropped and re-created) no longer
// hashes to what its audit row says, and one with no audit row stands out.
//
// Every column takes part, by name, read back from SQLite exactly as stored
// (text byte for byte, no Unicode normalising: a different spelling of the
// same name is a different row); a blob (a certificate, a sealed key) by the
// SHA-256 of its bytes, written as `{ blobSha256 }` so it can never read the
// same as a text column.
import type { Db } from '../db/open'
import { sha256Hex } from '../script-library/canonical'

export function rowContentHash(row: Record<string, unknown>): string {
  const columns = Object.keys(row)
    .sort()
    .map((k) => {
      const v = row[k]
      return [k, Buffer.isBuffer(v) ? { blobSha256: sha256Hex(v) } : v]
    })
  return sha256Hex(JSON.stringify(columns))
}

/** Reads the row back as stored and hashes it (call right after writing it, in the same transaction). */
export function storedRowHash(db: Db, table: string, id: number): string {
  const row = db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined
  if (!row) throw new Error(`storedRowHash: ${table} row ${id} is not there`)
  return rowContentHash(row)
}
