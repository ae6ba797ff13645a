// The first patient list (an empty search): the most recently added or edited
// patients first, ties by the newest id, read from the index of migration 004
// rather than by sorting every patient; and the same rows, in the same order,
// as SQLite gives without the index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core } from '../core'
import { resourcesDir } from '../paths'
import { SYSTEM_ACTOR } from '../context'
import { createPatient, searchPatients, updatePatient } from './patients'

const FIRST_LIST = 'SELECT * FROM patients ORDER BY updated_at DESC, id DESC LIMIT ?'

describe('the first patient list', () => {
  let core: Core
  // Several patients share each moment, so the order among equal times is tested too.
  let tick = 0
  const now = () => new Date(Date.UTC(2026, 2, 2, 9, 0, Math.floor(tick++ / 3)))

  beforeAll(() => {
    core = Core.open({ dataDir: mkdtempSync(join(tmpdir(), 'derm-consent-first-list-')), resourcesDir, now })
    for (let i = 1; i <= 60; i++)
      createPatient(core.ctx, SYSTEM_ACTOR, {
        givenName: `Given${i}`,
        familyName: `Family${i}`,
        dateOfBirth: '1980-01-01',
        recordNumber: `MRN-${String(i).padStart(4, '0')}`,
        phone: '',
        email: '',
      })
    // An edit, a moment later, brings an early patient to the top.
    tick += 10
    updatePatient(core.ctx, SYSTEM_ACTOR, 5, { givenName: 'Given5', familyName: 'Edited', dateOfBirth: '1980-01-01', recordNumber: 'MRN-0005', phone: '', email: '' })
  })
  afterAll(() => core?.close())

  it('is read in order from the patients_by_update index: no scan and sort of every patient', () => {
    const plan = (core.ctx.db.prepare(`EXPLAIN QUERY PLAN ${FIRST_LIST}`).all(20) as { detail: string }[]).map((r) => r.detail)
    expect(plan.join('; ')).toMatch(/USING (COVERING )?INDEX patients_by_update/)
    expect(plan.join('; ')).not.toMatch(/TEMP B-TREE/)
  })

  it('shows the newest first, ties by the newest id, exactly as without the index', () => {
    const list = searchPatients(core.ctx, '', 20)
    expect(list[0]).toMatchObject({ id: 5, familyName: 'Edited' })
    const unindexed = core.ctx.db.prepare('SELECT id FROM patients NOT INDEXED ORDER BY updated_at DESC, id DESC LIMIT ?').all(20) as { id: number }[]
    expect(list.map((p) => p.id)).toEqual(unindexed.map((r) => r.id))
    expect(list.slice(1, 4).map((p) => p.id)).toEqual([60, 59, 58])
  })
})
