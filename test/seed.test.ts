// The clinic-sized data generator (`cli seed`): the same seed gives the same
// data, the counts are the ones asked for, and what it writes is a clinic the
// app itself accepts: `verify` passes (audit chain, records against the audit
// trail, protected tables), a replayed consultation loads through the core,
// and a stored consent PDF is a validly signed PDF whose bytes match the
// stored SHA-256 (judged by poppler's pdfsig).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { resourcesDir } from '../src/main/core'
import { getState, openForVerify, verifyAuditChain, verifyClinicData } from '../src/main/core/testing'
import { seedClinicData, type SeedReport } from '../src/main/seed/seed'
import { openCore, tempDir } from './support/core'

const PATIENTS = 30
const CONSULTATIONS = 40

async function seed(seedText: string, patients = PATIENTS, consultations = CONSULTATIONS): Promise<{ dir: string; report: SeedReport }> {
  const dir = tempDir('derm-consent-seed-')
  const report = await seedClinicData({ dataDir: dir, resourcesDir, patients, consultations, seed: seedText })
  return { dir, report }
}

function rows(dir: string, sql: string): unknown[] {
  const db = new Database(join(dir, 'clinic.sqlite'), { readonly: true })
  try {
    return db.prepare(sql).all()
  } finally {
    db.close()
  }
}

const PATIENT_ROWS = 'SELECT * FROM patients ORDER BY id'
const EVENT_ROWS = 'SELECT id, consultation_id, kind, at, by_role, session_user_id, section_id, section_hash, data FROM consultation_events ORDER BY id'

describe('seed', () => {
  it('makes the same clinic from the same seed, as many records as asked, and one that verifies', async () => {
    const a = await seed('same')
    const b = await seed('same')
    const other = await seed('other', PATIENTS, 0)

    // Determinism: patient rows and every consultation event, field for field.
    const patientsA = rows(a.dir, PATIENT_ROWS)
    expect(patientsA).toHaveLength(PATIENTS)
    expect(rows(b.dir, PATIENT_ROWS)).toEqual(patientsA)
    expect(rows(b.dir, EVENT_ROWS)).toEqual(rows(a.dir, EVENT_ROWS))
    expect(rows(other.dir, PATIENT_ROWS)).not.toEqual(patientsA)

    // Counts as asked, and the report says the same as the database.
    const [counts] = rows(
      a.dir,
      `SELECT count(*) AS total,
         sum(status = 'signed_off') AS signed, sum(status = 'not_treated') AS notTreated, sum(status = 'in_progress') AS inProgress
       FROM consultations`,
    ) as { total: number; signed: number; notTreated: number; inProgress: number }[]
    expect(counts!.total).toBe(CONSULTATIONS)
    const c = a.report.consultations
    expect([counts!.signed, counts!.notTreated, counts!.inProgress]).toEqual([c.signedOff, c.notTreated, c.inProgress])
    expect(c.signedOff).toBeGreaterThan(0)
    expect(a.report.patients).toBe(PATIENTS)
    // Names in several scripts, not only Latin.
    const names = (patientsA as { family_name: string }[]).map((p) => p.family_name).join(' ')
    expect(names).toMatch(/[\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Arabic}\p{Script=Hangul}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Hiragana}]/u)

    // Every signed consultation has its stored consent, whose bytes match the stored hash.
    const docs = rows(a.dir, "SELECT consultation_id, pdf, sha256 FROM consent_documents WHERE kind IN ('consent', 'paper_consent') ORDER BY id") as {
      consultation_id: number
      pdf: Buffer
      sha256: string
    }[]
    expect(docs).toHaveLength(c.signedOff)
    for (const d of docs) expect(createHash('sha256').update(d.pdf).digest('hex')).toBe(d.sha256)

    // The whole clinic verifies: audit chain, patients and users against the trail, protected tables.
    const v = openForVerify(a.dir)
    try {
      expect(verifyAuditChain(v.db, v.auditKey).ok).toBe(true)
      const report = verifyClinicData({ db: v.db, auditKey: v.auditKey, resourcesDir })
      expect(report.firstProblem).toBeNull()
      expect(report.ok).toBe(true)
    } finally {
      v.db.close()
    }

    // A replayed consultation (not one of the real runs) reads back through the core as finished.
    const core = openCore(a.dir)
    try {
      const replayed = core.ctx.db.prepare("SELECT id FROM consultations WHERE status = 'signed_off' AND id > ? ORDER BY id DESC LIMIT 1").get(c.realRuns) as
        { id: number } | undefined
      expect(replayed).toBeDefined()
      const state = getState(core.ctx, replayed!.id, false)
      expect(state.status).toBe('signed_off')
      expect(state.progress.current).toBeNull()
      expect(state.signatures.map((s) => s.role)).toContain('clinician')
    } finally {
      core.close()
    }

    // The stored PDF of that replayed consultation is a validly signed PDF (poppler).
    const last = docs[docs.length - 1]!
    const file = join(tempDir('derm-consent-seed-pdf-'), 'consent.pdf')
    writeFileSync(file, last.pdf)
    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' })
    expect(pdfsig).toMatch(/Signature Validation: Signature is Valid/)
  }, 180_000)
})
