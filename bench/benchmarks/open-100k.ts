// open_100k: what a clinician waits for when the app starts on a clinic of
// 100,000 patients: Core.open (open the file, WAL/synchronous/foreign-key
// pragmas, read the schema version and apply any pending migration, load the
// audit key, store shipped scripts not stored yet) and the first patient list
// the patients screen shows (searchPatients with an empty query, top 20).
// Peer: Python's sqlite3 doing only the floor of it on the same file: connect,
// the same pragmas, the same first-list statement.
import { join } from 'node:path'
import { Core, searchPatients, resourcesDir } from '../../src/main/core'
import { PythonSqlitePeer } from '../lib/python-peer'
import type { Benchmark } from '../lib/types'

/** The empty-query branch of searchPatients (src/main/core/patients/patients.ts). */
const FIRST_LIST_SQL = 'SELECT * FROM patients ORDER BY updated_at DESC, id DESC LIMIT ?'
const PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = FULL', 'PRAGMA foreign_keys = ON', 'PRAGMA busy_timeout = 5000', 'PRAGMA user_version']

export const open100k: Benchmark = {
  name: 'open_100k',
  unit: 'ms',
  description: 'open and migrate the 100,000-patient clinic, then the first patient list (top 20)',
  async prepare(env) {
    const clinic = await env.fixtures.clinic(100_000, env.consultations)
    // Opened once up front, so every measured round sees an up-to-date schema (as every start after an upgrade does).
    Core.open({ dataDir: clinic.dataDir, resourcesDir }).close()
    const peer = new PythonSqlitePeer(env.root)
    return {
      contenders: [
        {
          name: 'ours',
          role: 'ours',
          what: 'Core.open({dataDir, resourcesDir}) + searchPatients(ctx, "", 20), in-process; close not timed',
          async measure() {
            const t = performance.now()
            const core = Core.open({ dataDir: clinic.dataDir, resourcesDir })
            const list = searchPatients(core.ctx, '', 20)
            const ms = performance.now() - t
            core.close()
            if (list.length !== 20) throw new Error(`the first list showed ${list.length} patients`)
            return ms
          },
        },
        {
          name: 'python-sqlite3',
          role: 'peer',
          what: 'Python sqlite3: connect, the same pragmas, the same first-list statement, fetchall (close included), timed inside Python',
          async measure() {
            return (await peer.request({ op: 'open_list', path: join(clinic.dataDir, 'clinic.sqlite'), pragmas: PRAGMAS, sql: FIRST_LIST_SQL, params: [20] })).ms
          },
        },
      ],
      goals: [],
      notes: { clinic: { patients: clinic.patients, consultations: clinic.consultations, seed: clinic.seed, seedSeconds: clinic.seedSeconds } },
      async teardown() {
        await peer.close()
      },
    }
  },
}
