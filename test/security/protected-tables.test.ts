// SQLite itself refuses to change the record behind the app's back: every
// table in the protected list (audit log, scripts, consultation events,
// signatures, signing credentials, stored PDFs) refuses UPDATE and DELETE
// from a raw connection, and a signed-off consultation's row refuses any
// change and any new step other than a withdrawal or an addendum.
import { beforeAll, describe, expect, it } from 'vitest'
import { protectedTablesOf } from '../../src/main/core/testing'
import { PROTECTED_TABLES } from '../../src/main/core/testing'
import { copyClinic, populatedClinic, rawDb } from './clinic-fixture'

let clinic: string
beforeAll(async () => {
  clinic = await populatedClinic()
}, 120_000)

describe('triggers refuse changes from a raw connection', () => {
  it('every table of the protected list is in this database, and each refuses UPDATE and DELETE of any row', () => {
    const db = rawDb(copyClinic(clinic))
    try {
      const tables = protectedTablesOf(db).map((t) => t.table)
      expect(tables).toEqual(expect.arrayContaining(PROTECTED_TABLES.map((t) => t.table)))
      for (const t of protectedTablesOf(db).filter((x) => x.protection === 'append-only')) {
        const row = db.prepare(`SELECT rowid AS r, * FROM "${t.table}" LIMIT 1`).get() as Record<string, unknown> | undefined
        expect(row, `${t.table} has rows in the fixture`).toBeDefined()
        const col = Object.keys(row!).find((c) => c !== 'r' && c !== 'id')!
        expect(() => db.prepare(`UPDATE "${t.table}" SET "${col}" = "${col}" WHERE rowid = ?`).run(row!.r), `${t.table} update`).toThrow(/append-only|frozen/)
        expect(() => db.prepare(`DELETE FROM "${t.table}" WHERE rowid = ?`).run(row!.r), `${t.table} delete`).toThrow(/append-only|frozen/)
      }
    } finally {
      db.close()
    }
  })

  it('a signed-off consultation refuses every change, every new step but withdrawal and addendum, and deletion', () => {
    const db = rawDb(copyClinic(clinic))
    try {
      const signed = db.prepare("SELECT * FROM consultations WHERE status = 'signed_off' ORDER BY id LIMIT 1").get() as Record<string, unknown>
      expect(() => db.prepare("UPDATE consultations SET status = 'in_progress' WHERE id = ?").run(signed.id)).toThrow(/frozen/)
      expect(() => db.prepare('UPDATE consultations SET record_sha256 = ? WHERE id = ?').run('0'.repeat(64), signed.id)).toThrow(/frozen/)
      expect(() => db.prepare('DELETE FROM consultations WHERE id = ?').run(signed.id)).toThrow(/append-only|never deleted/)
      const ev = db.prepare('SELECT * FROM consultation_events WHERE consultation_id = ? LIMIT 1').get(signed.id) as Record<string, unknown>
      const insert = db.prepare(
        `INSERT INTO consultation_events (consultation_id, kind, at, by_role, session_user_id, script_id, script_version, script_language, script_sha256, data)
         VALUES (@consultation_id, @kind, @at, 'clinician', @session_user_id, @script_id, @script_version, @script_language, @script_sha256, '{}')`,
      )
      expect(() => insert.run({ ...ev, kind: 'acknowledged' })).toThrow(/frozen/)
      expect(() =>
        db
          .prepare(
            "INSERT INTO consultation_signatures (consultation_id, role, name, meaning, at, captured_by, strokes, stroke_count, point_count, image_png) VALUES (?, 'witness', 'X', 'x', 'now', 1, '[]', 0, 0, x'00')",
          )
          .run(signed.id),
      ).toThrow(/frozen/)
    } finally {
      db.close()
    }
  })
})
