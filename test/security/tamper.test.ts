// Tamper evidence: changes made behind the app's back with raw SQL on the
// clinic file (triggers dropped first where they are in the way) are all
// caught by `verify`, which names the row and what is wrong.
import { spawnSync } from 'node:child_process'
import { createHash, createHmac } from 'node:crypto'
import { closeSync, openSync, statSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DB_FILE_NAME } from '../../src/main/core'
import { copyClinic, populatedClinic, rawDb, verifyDir } from './clinic-fixture'

const ROOT = resolve(import.meta.dirname, '..', '..')
let clinic: string

beforeAll(async () => {
  clinic = await populatedClinic()
})

/** Runs a raw change on a fresh copy and returns that copy's verify report. */
function tamper(sql: (db: ReturnType<typeof rawDb>) => void) {
  const dir = copyClinic(clinic)
  const db = rawDb(dir)
  try {
    sql(db)
  } finally {
    db.close()
  }
  return { dir, report: verifyDir(dir) }
}

function lastAuditId(db: ReturnType<typeof rawDb>): number {
  return (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n
}

function patientId(db: ReturnType<typeof rawDb>, mrn: string): number {
  return (db.prepare('SELECT id FROM patients WHERE record_number = ?').get(mrn) as { id: number }).id
}

describe('verify on an untouched clinic', () => {
  it('passes every check and sums them up in one line', () => {
    const r = verifyDir(copyClinic(clinic))
    expect(r.checks.filter((c) => !c.ok)).toEqual([])
    expect(r.ok).toBe(true)
    expect(r.summary).toMatch(
      /^Verified: database file intact .*audit rows chained to head #\d+ .*13 patients match the audit trail; 2 signed-off consultations unchanged; 4 consent PDFs intact \(2 digital signatures verified\)/,
    )
    expect(r.summary).not.toContain('\n')
  })

  it('the command line exits 0 with the one-line summary', () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), 'verify', '--data', copyClinic(clinic)], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(out.stderr).toBe('')
    expect(out.status).toBe(0)
    expect(out.stdout.trim().split('\n')).toHaveLength(1)
    expect(out.stdout).toMatch(/^Verified: /)
  })
})

describe('verify catches raw changes', () => {
  it('an audit row whose content was changed (trigger dropped first)', () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER audit_log_no_update')
      db.prepare("UPDATE audit_log SET actor_name = 'someone else' WHERE id = 5").run()
      db.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    })
    expect(report.ok).toBe(false)
    expect(report.firstProblem).toBe('Audit row 5 was changed after it was written (the audit chain breaks there).')
  })

  it('an audit row rewritten with a freshly computed hash (without the key, the HMAC cannot be forged)', () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER audit_log_no_update')
      const r = db.prepare('SELECT * FROM audit_log WHERE id = 7').get() as Record<string, unknown>
      const detail = JSON.stringify({ forged: true })
      const material = JSON.stringify([r.id, r.at, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, detail, r.prev_hash])
      // Two guesses an attacker could make: a plain SHA-256, or an HMAC with a made-up key.
      const plain = createHash('sha256').update(material).digest('hex')
      db.prepare('UPDATE audit_log SET detail = ?, hash = ? WHERE id = 7').run(detail, plain)
      db.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
      expect(createHmac('sha256', 'guess').update(material).digest('hex')).not.toBe(plain)
    })
    expect(report.firstProblem).toMatch(/^Audit row 7 was changed after it was written/)
  })

  it('a deleted audit row in the middle of the trail', () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER audit_log_no_delete')
      db.prepare('DELETE FROM audit_log WHERE id = 9').run()
      db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    })
    expect(report.firstProblem).toBe('Audit row 9 is missing (the audit chain breaks there).')
  })

  it('a cut-off tail that held a record change: the record no longer matches its trail', () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER audit_log_no_delete')
      // The tail: from the renaming of Hans Müller after his consultation on.
      const edit = (db.prepare("SELECT id FROM audit_log WHERE action = 'patient.update' ORDER BY id DESC LIMIT 1").get() as { id: number }).id
      db.prepare('DELETE FROM audit_log WHERE id >= ?').run(edit)
      db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    })
    expect(report.checks.find((c) => c.id === 'audit-chain')!.ok).toBe(true) // the chain alone cannot see a cut tail
    expect(report.ok).toBe(false)
    expect(report.firstProblem).toMatch(
      /^patients row \d+ was changed outside the app: family_name is "Müller-Lüdenscheidt" but the audit trail last recorded "Müller" \(audit row \d+\)\.$/,
    )
  })

  it('a trigger that protects an append-only table was dropped', () => {
    const { report } = tamper((db) => db.exec('DROP TRIGGER audit_log_no_delete'))
    expect(report.firstProblem).toBe('The trigger that refuses DELETE on audit_log has been removed: its rows could have been changed outside the app.')
  })

  it("a patient's row edited with raw SQL (patients are editable in the app, so the audit trail is the reference)", () => {
    let id = 0
    const { report } = tamper((db) => {
      id = patientId(db, 'MRN-1004')
      db.prepare("UPDATE patients SET date_of_birth = '1958-07-19' WHERE id = ?").run(id)
    })
    expect(report.firstProblem).toMatch(
      new RegExp(`^patients row ${id} was changed outside the app: date_of_birth is "1958-07-19" but the audit trail last recorded "1968-07-19" \\(audit row \\d+\\)\\.$`),
    )
  })

  it('a patient added with raw SQL', () => {
    const { report } = tamper((db) => {
      db.prepare(
        "INSERT INTO patients (given_name, family_name, date_of_birth, record_number, created_at, updated_at) VALUES ('Ghost', 'Patient', '1980-01-01', 'MRN-9999', '2026-01-01', '2026-01-01')",
      ).run()
    })
    expect(report.firstProblem).toMatch(/^patients row \d+ was added outside the app: no audit row records its creation\.$/)
  })

  it('a patient deleted with raw SQL', () => {
    let id = 0
    const { report } = tamper((db) => {
      id = patientId(db, 'MRN-1007')
      db.prepare('DELETE FROM patients WHERE id = ?').run(id)
    })
    expect(report.firstProblem).toMatch(new RegExp(`^patients row ${id} \\(created in audit row \\d+\\) has been deleted outside the app\\.$`))
  })

  it("a clinician's password hash swapped for one the intruder knows (the staff member's)", () => {
    const { report } = tamper((db) => db.prepare("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'sam') WHERE username = 'vbeer'").run())
    expect(report.firstProblem).toMatch(/^users row \d+ had its password changed outside the app: it is not the one audit row \d+ sealed\.$/)
  })

  it("a user's display name changed with raw SQL", () => {
    const { report } = tamper((db) => db.prepare("UPDATE users SET display_name = 'Dr. Nobody' WHERE username = 'vbeer'").run())
    expect(report.firstProblem).toMatch(/^users row \d+ was changed outside the app: display_name is "Dr\. Nobody"/)
  })

  it('a staff account raised to administrator with raw SQL', () => {
    const { report } = tamper((db) => db.prepare("UPDATE users SET role = 'admin' WHERE username = 'sam'").run())
    expect(report.firstProblem).toMatch(/^users row \d+ was changed outside the app: role is "admin" but the audit trail last recorded "staff"/)
  })

  it('an acknowledgment time of a signed-off consultation moved (trigger dropped first)', () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER consultation_events_no_update')
      db.prepare(
        "UPDATE consultation_events SET at = '2026-01-01T09:00:00.000Z' WHERE id = (SELECT min(id) FROM consultation_events WHERE kind = 'acknowledged' AND consultation_id = 2)",
      ).run()
    })
    expect(report.firstProblem).toMatch(/^Consultation 2 was changed after sign-off: its record now hashes to [0-9a-f]{12}…, not [0-9a-f]{12}… as signed/)
  })

  it("a patient's acknowledgment removed from a signed-off consultation", () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER consultation_events_no_delete')
      db.prepare("DELETE FROM consultation_events WHERE id = (SELECT max(id) FROM consultation_events WHERE kind = 'acknowledged' AND consultation_id = 1)").run()
    })
    expect(report.firstProblem).toMatch(/^Consultation 1 was changed after sign-off/)
  })

  it("a patient's signature replaced", () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER consultation_signatures_no_update')
      const other = db.prepare("SELECT strokes, image_png FROM consultation_signatures WHERE role = 'witness'").get() as { strokes: string; image_png: Buffer }
      db.prepare("UPDATE consultation_signatures SET strokes = ?, image_png = ? WHERE consultation_id = 2 AND role = 'patient'").run(other.strokes, other.image_png)
    })
    expect(report.firstProblem).toMatch(/^Consultation 2 was changed after sign-off/)
  })

  it('an altered record with its stored record hash recomputed to match (the sign-off audit row still has the original)', async () => {
    const { canonicalRecordHash, buildConsentRecord } = await import('../../src/main/core/testing')
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER consultation_events_no_update; DROP TRIGGER consultations_frozen')
      db.prepare(
        "UPDATE consultation_events SET at = '2026-01-01T09:00:00.000Z' WHERE id = (SELECT min(id) FROM consultation_events WHERE kind = 'acknowledged' AND consultation_id = 2)",
      ).run()
      const ctx = { db, auditKey: Buffer.alloc(32), now: () => new Date(), dataDir: '', resourcesDir: join(ROOT, 'resources') }
      const forged = canonicalRecordHash(buildConsentRecord(ctx, 2, undefined, { asSignedOff: true }))
      db.prepare('UPDATE consultations SET record_sha256 = ? WHERE id = 2').run(forged)
    })
    expect(report.firstProblem).toMatch(/^Consultation 2: the record SHA-256 stored on it \([0-9a-f]{12}…\) is not the one its sign-off recorded in audit row \d+/)
  })

  it('one byte of a stored PDF changed', () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER consent_documents_no_update')
      const pdf = (db.prepare('SELECT pdf FROM consent_documents WHERE id = 2').get() as { pdf: Buffer }).pdf
      pdf[Math.floor(pdf.length / 2)] = pdf[Math.floor(pdf.length / 2)]! ^ 0x20
      db.prepare('UPDATE consent_documents SET pdf = ? WHERE id = 2').run(pdf)
    })
    expect(report.firstProblem).toMatch(
      /^Consent document 2 \(consent-MRN-1010-consultation-2-[\d-]+\.pdf\) has been altered: its bytes no longer hash to the SHA-256 stored when it was made\.$/,
    )
  })

  it('a stored PDF changed together with its stored SHA-256', () => {
    const { report } = tamper((db) => {
      db.exec('DROP TRIGGER consent_documents_no_update')
      const pdf = (db.prepare('SELECT pdf FROM consent_documents WHERE id = 1').get() as { pdf: Buffer }).pdf
      pdf[Math.floor(pdf.length / 3)] = pdf[Math.floor(pdf.length / 3)]! ^ 0x20
      db.prepare('UPDATE consent_documents SET pdf = ?, sha256 = ? WHERE id = 1').run(pdf, createHash('sha256').update(pdf).digest('hex'))
    })
    expect(report.firstProblem).toMatch(/^Consent document 1 \(.*\): its stored hashes are not the ones audit row \d+ recorded when it was stored\.$/)
  })

  it('a cut-off audit tail is caught against the chain head printed in the PDFs made before the cut', () => {
    let position = 0
    const { report } = tamper((db) => {
      position = (db.prepare('SELECT audit_position AS p FROM consent_documents WHERE id = 2').get() as { p: number }).p
      db.exec('DROP TRIGGER audit_log_no_delete')
      db.prepare('DELETE FROM audit_log WHERE id > ?').run(position - 3)
      db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    })
    expect(report.checks.find((c) => c.id === 'audit-chain')!.ok).toBe(true) // what is left is a valid chain
    expect(report.ok).toBe(false)
    expect(report.checks.find((c) => c.id === 'consent-documents')!.detail).toBe(
      `Consent document 2 (${/consent-MRN-1010-consultation-2-[\d-]+\.pdf/.exec(report.checks.find((c) => c.id === 'consent-documents')!.detail)![0]}) printed audit chain entry ${position} (head ${report.checks.find((c) => c.id === 'consent-documents')!.detail.match(/head ([0-9a-f]{12})…/)![1]}…) at sign-off, but the audit trail now ends at entry ${position - 3}: its tail has been cut off.`,
    )
  })

  it('damaged bytes in the database file', () => {
    const dir = copyClinic(clinic)
    const file = join(dir, DB_FILE_NAME)
    const db = rawDb(dir)
    // Damage a page in the middle of the patients table's b-tree.
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'patients'").get() as { rootpage: number }).rootpage
    const pageSize = db.pragma('page_size', { simple: true }) as number
    db.close()
    expect(statSync(file).size).toBeGreaterThan(root * pageSize)
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize + 8)
    closeSync(fd)
    const report = verifyDir(dir)
    expect(report.ok).toBe(false)
    expect(report.checks[0]).toMatchObject({ id: 'sqlite-integrity', ok: false })
    expect(report.firstProblem).toMatch(/^The database file is damaged: /)
  })

  it('the command line exits 1 and names the first broken row', () => {
    const { dir } = tamper((db) => {
      db.exec('DROP TRIGGER audit_log_no_update')
      db.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(lastAuditId(db) - 1)
    })
    const out = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), 'verify', '--data', dir], { cwd: ROOT, encoding: 'utf8' })
    expect(out.status).toBe(1)
    expect(out.stdout).toBe('')
    expect(out.stderr.split('\n')[0]).toMatch(/^NOT verified: Audit row \d+ was changed after it was written \(the audit chain breaks there\)\. \(1 more check failed\)$/)
    expect(out.stderr).toContain('The trigger that refuses UPDATE on audit_log has been removed')
  })

  it('refuses to run without the audit key instead of making a new one', () => {
    const dir = copyClinic(clinic)
    const keyFile = join(dir, 'keys', 'audit-chain.key')
    const out = spawnSync('sh', ['-c', `rm "${keyFile}" && "${process.execPath}" --import tsx src/main/cli/index.ts verify --data "${dir}"`], { cwd: ROOT, encoding: 'utf8' })
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/The audit key .* is missing, so the audit trail cannot be checked/)
    expect(() => statSync(keyFile)).toThrow()
  })
})
