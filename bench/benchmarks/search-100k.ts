// search_100k: the patient search a front desk types into, at 100,000
// patients, top 20, through the core's own searchPatients (folding, FTS5
// prefix match, join, sort). Peers on the same file: Python's sqlite3 running
// the very same FTS5 statement and MATCH string, and the naive alternative,
// a LIKE '%…%' scan of the names (on the core's connection).
import { Core, searchPatients, resourcesDir } from '../../src/main/core'
import { foldForSearch } from '../../src/shared/text-fold'
import { PythonSqlitePeer } from '../lib/python-peer'
import type { Benchmark } from '../lib/types'
import { join } from 'node:path'

/** What people type: partial family or given names in several scripts, two words, a record number. */
export const SEARCHES = ['mül', 'smi', 'garc', 'иван', 'παπαδ', 'nguy', 'kowal', 'yıl', '佐', 'maria gar', "o'con", 'okaf', 'mrn-00012', 'lind', 'シ', 'chen', 'dub', 'ελεν', 'kim']

/** The statement searchPatients runs (src/main/core/patients/patients.ts), for the peer. */
export const FTS_SQL = `SELECT p.* FROM patient_search JOIN patients p ON p.id = patient_search.rowid
       WHERE patient_search MATCH ? ORDER BY p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id LIMIT ?`

export function matchExpression(query: string): string {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => `"${w.replace(/"/g, '""')}"*`)
    .join(' AND ')
}

const LIKE_SQL = `SELECT * FROM patients WHERE given_name LIKE @q OR family_name LIKE @q OR record_number LIKE @q
  ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id LIMIT @limit`

export const search100k: Benchmark = {
  name: 'search_100k',
  unit: 'ms',
  description: 'patient search by name prefix at 100,000 patients, top 20',
  async prepare(env) {
    const clinic = await env.fixtures.clinic(100_000, env.consultations)
    const core = Core.open({ dataDir: clinic.dataDir, resourcesDir })
    const like = core.ctx.db.prepare(LIKE_SQL)
    const peer = new PythonSqlitePeer(env.root)
    await peer.request({ op: 'open', conn: 'search', path: join(clinic.dataDir, 'clinic.sqlite'), pragmas: ['PRAGMA query_only = ON'] })
    const q = (round: number) => SEARCHES[((round % SEARCHES.length) + SEARCHES.length) % SEARCHES.length]!
    // The same answers, or the comparison means nothing.
    for (const s of SEARCHES) {
      const ours = searchPatients(core.ctx, s, 20)
      const theirs = await peer.request({ op: 'query', conn: 'search', sql: FTS_SQL, params: [matchExpression(s), 20] })
      if (theirs.rows !== ours.length || (ours[0] && theirs.first?.[0] !== ours[0].id))
        throw new Error(`search "${s}": the core found ${ours.length} (first ${ours[0]?.id}) but the Python peer ${theirs.rows} (first ${String(theirs.first?.[0])}) `)
    }
    const hits = Object.fromEntries(SEARCHES.map((s) => [s, searchPatients(core.ctx, s, 100).length]))
    return {
      contenders: [
        {
          name: 'ours',
          role: 'ours',
          what: 'searchPatients(ctx, query, 20) in-process (fold, FTS5 prefix MATCH, join, sort, map)',
          async measure(r) {
            const t = performance.now()
            searchPatients(core.ctx, q(r), 20)
            return performance.now() - t
          },
        },
        {
          name: 'python-sqlite3',
          role: 'peer',
          what: 'Python sqlite3: the same FTS5 statement and MATCH string on the same file, execute + fetchall, timed inside Python',
          async measure(r) {
            return (await peer.request({ op: 'query', conn: 'search', sql: FTS_SQL, params: [matchExpression(q(r)), 20] })).ms
          },
        },
        {
          name: 'like-scan',
          role: 'peer',
          what: "LIKE '%query%' over given name, family name and record number, same sort, top 20 (better-sqlite3, same connection)",
          async measure(r) {
            const t = performance.now()
            like.all({ q: `%${q(r)}%`, limit: 20 })
            return performance.now() - t
          },
        },
      ],
      goals: [
        { text: 'ours p50 <= 1.5 x python-sqlite3 p50', ours: 'ours', peer: 'python-sqlite3', check: (o, p) => o <= 1.5 * p! },
        { text: 'ours p50 at least 20x faster than like-scan p50', ours: 'ours', peer: 'like-scan', check: (o, p) => o * 20 <= p! },
      ],
      notes: { searches: SEARCHES, matchesPerSearchUpTo100: hits, clinic: { patients: clinic.patients, consultations: clinic.consultations, seed: clinic.seed } },
      async teardown() {
        await peer.close()
        core.close()
      },
    }
  },
}
