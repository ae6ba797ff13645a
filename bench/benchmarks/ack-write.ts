// ack_write: one durable acknowledgment, the patient's initials against a
// risk section, through the core exactly as the app makes it: dispatcher
// (input validation, session, role and patient-mode checks), the step's
// checks on the loaded consultation, the event and its chained audit row in
// one IMMEDIATE transaction, COMMIT with synchronous=FULL, and the fresh state
// returned. Peers, on the same schema and the same disk:
//  - python-sqlite3: the same rows through Python's sqlite3 (BEGIN IMMEDIATE,
//    status check, event insert, audit head read, HMAC-SHA256 chain link,
//    audit insert, COMMIT at synchronous=FULL) on a copy of the same clinic;
//    afterwards its audit chain is verified with our verifier, proving it
//    wrote the same, valid chain;
//  - ours-normal: our same call at synchronous=NORMAL, to show what
//    durability costs.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Core, verifyAuditChain, resourcesDir } from '../../src/main/core'
import { seedClinicData, SEED_LOGINS } from '../../src/main/seed/seed'
import { driveToAcknowledgments } from '../lib/drive'
import { initialsOf } from '../../src/main/client/signature-drawing'
import { PythonSqlitePeer } from '../lib/python-peer'
import type { Benchmark } from '../lib/types'
import type { HostLink } from '../../src/main/core'
import type { ConsultationState } from '../../src/shared/consultation'

interface Slot {
  host: HostLink
  state: ConsultationState
  sectionId: string
}

export const ackWrite: Benchmark = {
  name: 'ack_write',
  unit: 'ms',
  description: 'one durable acknowledgment through the core (validation, transaction, audit row, synchronous=FULL)',
  async prepare(env) {
    const dataDir = join(env.workDir, 'ack-clinic')
    await seedClinicData({ dataDir, resourcesDir, patients: 300, consultations: 0, seed: 'ack' })
    const core = Core.open({ dataDir, resourcesDir })
    const clinician = SEED_LOGINS.find((u) => u.role === 'clinician')!
    const need = env.warmup + env.rounds
    let nextPatient = 1
    const slots = async (): Promise<Slot[]> => {
      const out: Slot[] = []
      while (out.length < need) {
        const d = await driveToAcknowledgments(core, clinician.username, nextPatient++)
        for (const s of d.state.progress.steps) if (s.step === 'acknowledge_section') out.push({ host: d.host, state: d.state, sectionId: s.sectionId })
      }
      return out.slice(0, need)
    }
    env.log('  preparing consultations in patient mode...')
    const full = await slots()
    const normal = await slots()
    const python = await slots()

    // Python works on a copy of this very clinic, in the same folder (same disk).
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
    const pyDir = join(env.workDir, 'ack-python')
    mkdirSync(pyDir)
    copyFileSync(join(dataDir, 'clinic.sqlite'), join(pyDir, 'clinic.sqlite'))
    const peer = new PythonSqlitePeer(env.root)
    await peer.request({
      op: 'open',
      conn: 'ack',
      path: join(pyDir, 'clinic.sqlite'),
      pragmas: ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = FULL', 'PRAGMA foreign_keys = ON', 'PRAGMA busy_timeout = 5000'],
    })
    const keyB64 = core.ctx.auditKey.toString('base64')

    const ours = async (slot: Slot): Promise<number> => {
      const s = slot.state
      const input = { consultationId: s.id, sectionId: slot.sectionId, initials: initialsOf(`${s.patient.givenName} ${s.patient.familyName}`) }
      const t = performance.now()
      const r = await core.dispatch('consultation.acknowledgeSection', input, slot.host)
      const ms = performance.now() - t
      if (!r.ok) throw new Error(`acknowledgeSection: ${r.error.code}: ${r.error.message}`)
      return ms
    }
    let iFull = 0
    let iNormal = 0
    let iPython = 0
    const notes: Record<string, unknown> = { clinic: 'seeded, 300 patients; each acknowledgment on a consultation driven to patient mode through the dispatcher' }
    return {
      contenders: [
        { name: 'ours', role: 'ours', what: "core.dispatch('consultation.acknowledgeSection') at synchronous=FULL, in-process", measure: () => ours(full[iFull++]!) },
        {
          name: 'python-sqlite3',
          role: 'peer',
          what: 'Python sqlite3: the same event row and chained audit row (HMAC-SHA256), BEGIN IMMEDIATE..COMMIT at synchronous=FULL, WAL, same disk, timed inside Python',
          async measure() {
            const slot = python[iPython++]!
            const s = slot.state
            const section = s.script.content.sections.find((x) => x.id === slot.sectionId)!
            const initials = initialsOf(`${s.patient.givenName} ${s.patient.familyName}`)
            const ref = { scriptId: s.script.scriptId, version: s.script.version, language: s.script.language, sha256: s.script.sha256 }
            const sectionHash = s.script.sectionHashes[slot.sectionId]!
            const statement = 'acknowledgment' in section ? section.acknowledgment : null
            const r = await peer.request({
              op: 'ack',
              conn: 'ack',
              key_b64: keyB64,
              event: {
                consultation_id: s.id,
                kind: 'acknowledged',
                at: new Date().toISOString(),
                by_role: 'patient',
                session_user_id: s.clinician.id,
                script_id: ref.scriptId,
                script_version: ref.version,
                script_language: ref.language,
                script_sha256: ref.sha256,
                section_id: slot.sectionId,
                section_hash: sectionHash,
                data: JSON.stringify({ initials, statement }),
              },
              audit: {
                actor_id: null,
                actor_name: `patient ${s.patient.givenName} ${s.patient.familyName} (on the screen handed over by ${s.clinician.displayName})`,
                action: 'consultation.acknowledged',
                entity_type: 'consultation',
                entity_id: String(s.id),
                detail: { eventIds: [0], by: 'patient', script: ref, sectionId: slot.sectionId, sectionHash, initials },
              },
            })
            return r.ms
          },
        },
        {
          name: 'ours-normal',
          role: 'peer',
          what: 'our same call with synchronous=NORMAL (WAL): commits without waiting for the disk',
          async measure() {
            core.ctx.db.pragma('synchronous = NORMAL')
            try {
              return await ours(normal[iNormal++]!)
            } finally {
              core.ctx.db.pragma('synchronous = FULL')
            }
          },
        },
      ],
      goals: [{ text: 'ours p50 <= 1.5 x python-sqlite3 p50', ours: 'ours', peer: 'python-sqlite3', check: (o, p) => o <= 1.5 * p! }],
      notes,
      async teardown() {
        await peer.request({ op: 'close', conn: 'ack' }).catch(() => undefined)
        await peer.close()
        const py = new Database(join(pyDir, 'clinic.sqlite'), { readonly: true })
        const pyChain = verifyAuditChain(py, core.ctx.auditKey)
        py.close()
        const ourChain = verifyAuditChain(core.ctx.db, core.ctx.auditKey)
        notes.pythonAuditChainVerifies = pyChain.ok
        notes.ourAuditChainVerifies = ourChain.ok
        core.close()
        if (!pyChain.ok || !ourChain.ok) throw new Error(`audit chain after ack_write: ours ${JSON.stringify(ourChain)}, python ${JSON.stringify(pyChain)}`)
      },
    }
  },
}
