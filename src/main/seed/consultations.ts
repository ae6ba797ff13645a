// Generated consultations: a few real ones, then many replayed from them.
//
// 1. Templates. A handful of consultations are run for real, through the
//    dispatcher with a clinician's session, exactly as the screens drive them
//    (completeConsultation for the signed ones: discussed sections,
//    screening, plan, patient mode, acknowledgments, comprehension, review,
//    signatures, sign-off with the clinician's password, the consent PDF laid
//    out, PAdES-signed and stored). Variants: plain, witness, paper route,
//    flagged question, wrong comprehension answer, not treated
//    (contraindication), withdrawn after sign-off.
// 2. Capture. Each template's steps are read back as the core wrote them:
//    per audit row, the events, signature rows and stored documents written
//    in the same transaction.
// 3. Replay. Every further consultation is one template's steps written again
//    for another patient at another time: same kinds, data and statements;
//    new ids (and every id that refers to them), the new patient's name,
//    initials and typed name, its own signature strokes and image, its times
//    (the template's pace, stretched a little), and an audit row per step,
//    chained. An in-progress consultation is a template cut short.
//
// The signed PDF of a replayed consultation is a copy of its template's PDF:
// laying out and signing 300,000 PDFs would take hours. Each copy is a real,
// valid, PAdES-signed PDF, and its stored SHA-256 is the SHA-256 of those
// bytes. The replayed consultation's own consent record is composed at its
// sign-off by the core's composeSignOff and its hash stored on the
// consultation, the stored document and both audit rows, exactly as a real
// sign-off stores it, so `verify` rebuilds and confirms every record. What the
// copied PDF prints (patient, times, record hash in its footer) is its
// template's: that is the price of speed, stated in the generator's output.
import { AppError } from '../../shared/errors'
import type { PatientFields } from '../../shared/contract/patients'
import type { CallInput, CallName, CallOutput } from '../../shared/contract'
import type { ConsultationState, Stroke } from '../../shared/consultation'
import { consentFileName } from '../core/consents/produce'
import { composeSignOff } from '../core/consultation/sign-off'
import { completeConsultation, demoSignatureStrokes, strokesToPngDataUrl } from '../client/complete-consultation'
import type { Actor, CoreContext } from '../core/context'
import type { Core } from '../core/core'
import type { HostLink } from '../core/dispatch/types'
import { findUserByUsername } from '../core/users/users'
import type { BulkAuditWriter } from './audit-writer'
import type { Prng } from './prng'
import type { TimedStep } from './scheduler'

export interface ConsultationCounts {
  signedOff: number
  notTreated: number
  inProgress: number
  withdrawn: number
  /** Template consultations run for real through the dispatcher. */
  realRuns: number
  storedPdfs: number
  distinctPdfs: number
}

export interface SeedClockLike {
  now: () => Date
  current: Date
  advance(ms: number): void
  /** While set, every reading of the clock moves it on by a few seconds (a person taking their time). */
  ticking: Prng | null
}

export interface ConsultationSeederOptions {
  clock: SeedClockLike
  rng: Prng
  clinicians: { actor: Actor; username: string; password: string }[]
  total: number
  log: (line: string) => void
}

type Variant = 'plain' | 'witness' | 'paper' | 'question' | 'wrong_answer' | 'not_treated' | 'withdrawn' | 'witness_question'

/** In the order they are run, so a small data set still gets the most common kinds first. */
const VARIANTS: Variant[] = ['plain', 'not_treated', 'witness', 'paper', 'question', 'wrong_answer', 'withdrawn', 'witness_question']

/** Share of replayed consultations per outcome. */
const OUTCOME_WEIGHTS = [
  ['signed', 0.925],
  ['not_treated', 0.045],
  ['withdrawn', 0.015],
  ['in_progress', 0.015],
] as const

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

interface EventRow {
  id: number
  kind: string
  at: string
  by_role: string
  session_user_id: number
  script_id: string
  script_version: number
  script_language: string
  script_sha256: string
  section_id: string | null
  section_hash: string | null
  data: string
}

interface SignatureRow {
  id: number
  role: 'patient' | 'witness' | 'clinician'
  name: string
  meaning: string
  at: string
  captured_by: number
  strokes: string
  stroke_count: number
  point_count: number
  image_png: Buffer
}

interface DocumentRow {
  id: number
  kind: string
  file_name: string
  pdf: Buffer
  sha256: string
  byte_length: number
  page_count: number
  record_sha256: string
  audit_position: number
  audit_head: string
  signed_by: number | null
  signing_credential_id: number | null
  created_at: string
  created_by: number | null
  event_id: number | null
}

interface CapturedStep {
  at: number
  actorId: number | null
  actorName: string
  action: string
  entityType: string
  detail: Record<string, unknown>
  events: EventRow[]
  signatures: SignatureRow[]
  documents: DocumentRow[]
  /** The step that ends the consultation sets the row's final status. */
  ends: boolean
  /** For the step storing the consent at sign-off: the clinician's signature of the sign-off that follows. */
  signOffSignature?: SignatureRow
}

interface Template {
  variant: Variant
  consultationId: number
  patient: PatientFields
  patientId: number
  clinicianId: number
  scriptStoredId: number
  scriptSha256: string
  startedAt: number
  final: { status: string; ended_at: string | null; ended_reason: string | null; record_sha256: string | null }
  steps: CapturedStep[]
}

function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => Array.from(w)[0]!.toUpperCase())
    .slice(0, 5)
    .join('')
}

export class ConsultationSeeder {
  counts: ConsultationCounts = { signedOff: 0, notTreated: 0, inProgress: 0, withdrawn: 0, realRuns: 0, storedPdfs: 0, distinctPdfs: 0 }
  notes: string[] = []
  private templates: Template[] = []
  private signaturePool: { strokes: string; strokeCount: number; pointCount: number; png: Buffer }[] = []
  private stmts: ReturnType<typeof prepareStatements> | null = null
  private readonly ctx: CoreContext

  constructor(
    private readonly core: Core,
    private readonly opts: ConsultationSeederOptions,
  ) {
    this.ctx = core.ctx
  }

  /** How many template patients prepare() needs registered first. */
  get templateCount(): number {
    return Math.min(this.opts.total, VARIANTS.length)
  }

  /** Runs the templates for real (each on its own patient) and captures them. */
  async prepare(templatePatients: { id: number; fields: PatientFields }[]): Promise<void> {
    const { clock, rng, clinicians, log } = this.opts
    log(`Running ${templatePatients.length} consultations for real (sign-off, signed PDF) to replay from...`)
    for (let i = 0; i < templatePatients.length; i++) {
      const variant = VARIANTS[i]!
      const p = templatePatients[i]!
      const clinician = clinicians[i % clinicians.length]!
      clock.advance(rng.int(20, 90) * 60_000)
      clock.ticking = rng.fork(`tick ${i}`)
      let consultationId: number
      try {
        if (variant === 'not_treated') consultationId = await runNotTreated(this.core, p.id, clinician)
        else {
          const r = await completeConsultation(this.core, {
            patientId: p.id,
            clinician: { username: clinician.username, password: clinician.password },
            witness: variant === 'witness' || variant === 'witness_question' ? { name: 'Ines Duarte' } : undefined,
            paper: variant === 'paper',
            question: variant === 'question' || variant === 'witness_question' ? 'Will I be able to exercise tomorrow?' : undefined,
            wrongFirstAnswer: variant === 'wrong_answer',
          })
          consultationId = r.consultationId
          if (variant === 'withdrawn') {
            clock.ticking = null
            clock.advance(rng.int(3, 14) * 86_400_000)
            clock.ticking = rng.fork(`tick withdraw ${i}`)
            await withSession(this.core, clinician, (call) =>
              call('consultation.withdraw', { consultationId, reason: 'The patient phoned to withdraw consent before treatment; no toxin was given.' }),
            )
          }
        }
      } finally {
        clock.ticking = null
      }
      this.counts.realRuns++
      this.count(variant === 'not_treated' ? 'not_treated' : variant === 'withdrawn' ? 'withdrawn' : 'signed')
      this.templates.push(this.capture(variant, consultationId, p))
    }
    this.counts.distinctPdfs = (this.ctx.db.prepare('SELECT count(DISTINCT sha256) AS n FROM consent_documents').get() as { n: number }).n
    this.counts.storedPdfs = (this.ctx.db.prepare('SELECT count(*) AS n FROM consent_documents').get() as { n: number }).n
    // Signatures for replays: drawn once, each used by many patients.
    for (let k = 0; k < 48; k++) {
      const strokes: Stroke[] = demoSignatureStrokes(rng.next() * 6.28).map((s) => s.map((pt) => ({ ...pt, x: round1(pt.x + rng.int(-6, 6)), y: round1(pt.y + rng.int(-4, 4)) })))
      const png = Buffer.from(strokesToPngDataUrl(strokes).slice('data:image/png;base64,'.length), 'base64')
      this.signaturePool.push({ strokes: JSON.stringify(strokes), strokeCount: strokes.length, pointCount: strokes.reduce((n, s) => n + s.length, 0), png })
    }
    this.stmts = prepareStatements(this.ctx)
    if (this.opts.total > this.templates.length)
      this.notes.push(
        `${this.counts.realRuns} consultations were run for real through the dispatcher (each signed one with its own laid-out, PAdES-signed PDF); the other ${(this.opts.total - this.templates.length).toLocaleString('en')} replay their steps for other patients and times. A replayed signed consultation has its own consent record (composed and hashed at its sign-off as the core does) but stores a copy of its template's real signed PDF (bytes hashed, signature valid), so that PDF prints the template's patient and record.`,
      )
  }

  private count(outcome: 'signed' | 'not_treated' | 'withdrawn' | 'in_progress'): void {
    if (outcome === 'signed') this.counts.signedOff++
    else if (outcome === 'not_treated') this.counts.notTreated++
    else if (outcome === 'in_progress') this.counts.inProgress++
    else {
      this.counts.signedOff++
      this.counts.withdrawn++
    }
  }

  private capture(variant: Variant, consultationId: number, p: { id: number; fields: PatientFields }): Template {
    const db = this.ctx.db
    const row = db.prepare('SELECT * FROM consultations WHERE id = ?').get(consultationId) as Template['final'] & {
      clinician_id: number
      script_stored_id: number
      script_sha256: string
      started_at: string
    }
    const audits = db
      .prepare(
        `SELECT * FROM audit_log WHERE (entity_type = 'consultation' AND entity_id = @text)
           OR (entity_type = 'consent_document' AND json_extract(detail, '$.consultationId') = @id) ORDER BY id`,
      )
      .all({ text: String(consultationId), id: consultationId }) as { at: string; actor_id: number | null; actor_name: string; action: string; entity_type: string; entity_id: string; detail: string }[]
    const event = db.prepare('SELECT * FROM consultation_events WHERE id = ?')
    const signature = db.prepare('SELECT * FROM consultation_signatures WHERE id = ?')
    const document = db.prepare('SELECT * FROM consent_documents WHERE id = ?')
    const steps = audits.map((a): CapturedStep => {
      const detail = JSON.parse(a.detail) as Record<string, unknown>
      const eventIds = Array.isArray(detail.eventIds) ? (detail.eventIds as number[]) : []
      return {
        at: Date.parse(a.at),
        actorId: a.actor_id,
        actorName: a.actor_name,
        action: a.action,
        entityType: a.entity_type,
        detail,
        events: eventIds.map((id) => event.get(id) as EventRow),
        signatures: typeof detail.signatureId === 'number' ? [signature.get(detail.signatureId) as SignatureRow] : [],
        documents: a.entity_type === 'consent_document' ? [document.get(Number(a.entity_id)) as DocumentRow] : [],
        ends: a.action === 'consultation.sign_off' || a.action === 'consultation.ended_not_treated',
      }
    })
    steps.forEach((st, i) => {
      const next = steps[i + 1]
      if (st.documents.some((d) => d.kind === 'consent' || d.kind === 'paper_consent') && next?.action === 'consultation.sign_off')
        st.signOffSignature = next.signatures.find((x) => x.role === 'clinician')
    })
    if (steps[0]?.action !== 'consultation.start') throw new AppError('internal', `Template consultation ${consultationId} has no start step in the audit trail.`)
    return {
      variant,
      consultationId,
      patient: p.fields,
      patientId: p.id,
      clinicianId: row.clinician_id,
      scriptStoredId: row.script_stored_id,
      scriptSha256: row.script_sha256,
      startedAt: Date.parse(row.started_at),
      final: { status: row.status, ended_at: row.ended_at, ended_reason: row.ended_reason, record_sha256: row.record_sha256 },
      steps,
    }
  }

  /** The steps of one more consultation for this patient, starting at `at`, to be queued. */
  plan(audit: BulkAuditWriter, patientId: number, patient: PatientFields, at: Date): TimedStep[] {
    const { rng } = this.opts
    const outcome = rng.weighted(OUTCOME_WEIGHTS)
    const pool = this.templates.filter((t) =>
      outcome === 'not_treated' ? t.variant === 'not_treated' : outcome === 'withdrawn' ? t.variant === 'withdrawn' : t.variant !== 'not_treated' && t.variant !== 'withdrawn',
    )
    const template = rng.pick(pool.length > 0 ? pool : this.templates)
    let steps = template.steps
    let finished = true
    if (outcome === 'in_progress') {
      // Cut before the step that ends it (and before anything stored at sign-off).
      const endAt = steps.findIndex((s) => s.ends || s.entityType === 'consent_document')
      steps = steps.slice(0, rng.int(1, Math.max(1, (endAt < 0 ? steps.length : endAt) - 1)))
      finished = false
    }
    this.count(!finished ? 'in_progress' : template.variant === 'not_treated' ? 'not_treated' : template.variant === 'withdrawn' ? 'withdrawn' : 'signed')
    if (finished) this.counts.storedPdfs += steps.reduce((n, s) => n + s.documents.length, 0)

    const pace = 0.7 + rng.next() * 0.7
    const t0 = at.getTime()
    const time = (iso: string) => new Date(t0 + Math.round((Date.parse(iso) - template.startedAt) * pace)).toISOString()
    const fullName = `${patient.givenName} ${patient.familyName}`
    const templateName = `${template.patient.givenName} ${template.patient.familyName}`
    const sigs = { patient: rng.pick(this.signaturePool), witness: rng.pick(this.signaturePool) }
    const ids = { consultation: 0, events: new Map<number, number>(), signatures: new Map<number, number>(), documents: new Map<number, number>() }
    /** The replayed consultation's own record hash, composed at sign-off exactly as the core composes it. */
    let recordHash: string | null = null
    const s = this.stmts!

    const remap = (value: unknown, key: string): unknown => {
      if (Array.isArray(value)) return value.map((v) => remap(v, key))
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v, k)]))
      if (typeof value === 'number') {
        if (key === 'eventIds' || key === 'eventId' || key === 'flagEventId') return ids.events.get(value) ?? value
        if (key === 'signatureId') return ids.signatures.get(value) ?? value
        if (key === 'consentDocumentId') return ids.documents.get(value) ?? value
        if (key === 'consultationId') return ids.consultation
        if (key === 'patientId') return patientId
        return value
      }
      if (typeof value === 'string') {
        if (key === 'initials') return initialsOf(fullName)
        if (key === 'typedName') return fullName
        if (key === 'expiryDate') return time(`${value}T12:00:00.000Z`).slice(0, 10)
        if (key === 'recordSha256' && recordHash) return recordHash
        if (ISO_TIME.test(value)) return time(value)
      }
      return value
    }

    return steps.map((step) => ({
      at: Date.parse(time(new Date(step.at).toISOString())),
      run: () => {
        const at = time(new Date(step.at).toISOString())
        if (step.action === 'consultation.start') {
          ids.consultation = Number(s.insertConsultation.run(patientId, template.clinicianId, template.scriptStoredId, template.scriptSha256, at).lastInsertRowid)
        }
        const extra: Record<string, unknown> = {}
        let documentId: number | null = null
        for (const sg of step.signatures) {
          const drawn = sg.role === 'clinician' ? null : sigs[sg.role]
          const id = Number(
            s.insertSignature.run(
              ids.consultation,
              sg.role,
              sg.role === 'patient' ? fullName : sg.name,
              sg.meaning,
              time(sg.at),
              sg.captured_by,
              drawn?.strokes ?? sg.strokes,
              drawn?.strokeCount ?? sg.stroke_count,
              drawn?.pointCount ?? sg.point_count,
              drawn?.png ?? sg.image_png,
            ).lastInsertRowid,
          )
          ids.signatures.set(sg.id, id)
          if (drawn) Object.assign(extra, { strokeCount: drawn.strokeCount, pointCount: drawn.pointCount })
        }
        for (const e of step.events) {
          const data = JSON.stringify(remap(JSON.parse(e.data), ''))
          const id = Number(
            s.insertEvent.run(
              ids.consultation,
              e.kind,
              time(e.at),
              e.by_role,
              e.session_user_id,
              e.script_id,
              e.script_version,
              e.script_language,
              e.script_sha256,
              e.section_id,
              e.section_hash,
              data,
            ).lastInsertRowid,
          )
          ids.events.set(e.id, id)
        }
        if (step.signOffSignature) {
          // The record this consultation signs off: composed by the core's own composeSignOff
          // (the same record, clinician signature and time the real sign-off hashes), at the sign-off moment.
          const sg = step.signOffSignature
          this.opts.clock.current = new Date(time(sg.at))
          recordHash = composeSignOff(this.ctx, {
            consultationId: ids.consultation,
            clinicianId: template.clinicianId,
            clinicianName: sg.name,
            strokes: JSON.parse(sg.strokes) as Stroke[],
            png: sg.image_png,
            imagePng: `data:image/png;base64,${sg.image_png.toString('base64')}`,
          }).recordHash
        }
        for (const d of step.documents) {
          const created = time(d.created_at)
          const sealsRecord = d.kind === 'consent' || d.kind === 'paper_consent'
          const fileName = consentFileName(
            { patient: { id: patientId, recordNumber: patient.recordNumber }, consultationId: ids.consultation } as Parameters<typeof consentFileName>[0],
            d.kind as Parameters<typeof consentFileName>[1],
            created,
          )
          const id = Number(
            s.insertDocument.run(
              ids.consultation,
              d.kind,
              fileName,
              d.pdf,
              d.sha256,
              d.byte_length,
              d.page_count,
              sealsRecord && recordHash ? recordHash : d.record_sha256,
              d.audit_position,
              d.audit_head,
              d.signed_by,
              d.signing_credential_id,
              created,
              d.created_by,
              d.event_id === null ? null : (ids.events.get(d.event_id) ?? null),
            ).lastInsertRowid,
          )
          ids.documents.set(d.id, id)
          documentId = id
          extra.fileName = fileName
        }
        if (step.ends)
          s.endConsultation.run(
            template.final.status,
            time(template.final.ended_at ?? new Date(step.at).toISOString()),
            template.final.ended_reason,
            template.final.status === 'signed_off' ? recordHash : template.final.record_sha256,
            ids.consultation,
          )
        const detail = { ...(remap(step.detail, '') as Record<string, unknown>), ...extra }
        const entityId = step.entityType === 'consent_document' ? documentId : ids.consultation
        audit.append({
          at,
          actor: { id: step.actorId, name: step.actorId === null ? step.actorName.split(templateName).join(fullName) : step.actorName, role: 'system' },
          action: step.action,
          entityType: step.entityType,
          entityId,
          detail,
        })
      },
    }))
  }

}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

function prepareStatements(ctx: CoreContext) {
  return {
    insertConsultation: ctx.db.prepare('INSERT INTO consultations (patient_id, clinician_id, script_stored_id, script_sha256, started_at) VALUES (?, ?, ?, ?, ?)'),
    insertEvent: ctx.db.prepare(
      `INSERT INTO consultation_events
         (consultation_id, kind, at, by_role, session_user_id, script_id, script_version, script_language, script_sha256, section_id, section_hash, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertSignature: ctx.db.prepare(
      `INSERT INTO consultation_signatures (consultation_id, role, name, meaning, at, captured_by, strokes, stroke_count, point_count, image_png)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertDocument: ctx.db.prepare(
      `INSERT INTO consent_documents (consultation_id, kind, file_name, pdf, sha256, byte_length, page_count, record_sha256,
         audit_position, audit_head, signed_by, signing_credential_id, created_at, created_by, event_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    endConsultation: ctx.db.prepare('UPDATE consultations SET status = ?, ended_at = ?, ended_reason = ?, record_sha256 = ? WHERE id = ?'),
  }
}

type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>

/** Runs `fn` with a clinician's session, as a host would hold it. */
async function withSession<T>(core: Core, clinician: { username: string }, fn: (call: Call) => Promise<T>): Promise<T> {
  const user = findUserByUsername(core.ctx, clinician.username)
  if (!user) throw new AppError('not_found', `There is no user "${clinician.username}".`)
  const session = core.sessions.create({ id: user.id, username: user.username, displayName: user.display_name, role: user.role })
  const host: HostLink = { sessionId: session.id, setSessionId: (id) => void (host.sessionId = id) }
  const call: Call = async (name, input) => {
    const r = await core.dispatch(name, input, host)
    if (!r.ok) throw new AppError(r.error.code, `${name}: ${r.error.message}`, { fields: r.error.fields })
    return r.value as CallOutput<typeof name>
  }
  try {
    return await fn(call)
  } finally {
    if (host.sessionId) core.sessions.end(host.sessionId)
  }
}

/** A consultation that stops at screening: a contraindication is found and the clinician ends it without treatment. */
async function runNotTreated(core: Core, patientId: number, clinician: { username: string }): Promise<number> {
  return withSession(core, clinician, async (call) => {
    let state: ConsultationState = await call('consultation.start', { patientId })
    const id = { consultationId: state.id }
    const script = state.script.content
    for (let guard = 0; guard < 200 && state.blocks.length === 0; guard++) {
      const step = state.progress.current
      if (!step) break
      if (step.step === 'discuss_section') {
        await call('consultation.markSectionShown', { ...id, sectionId: step.sectionId })
        state = await call('consultation.markSectionDiscussed', { ...id, sectionId: step.sectionId })
      } else if (step.step === 'answer_screening') {
        const sec = script.sections.find((s) => s.kind === 'screening' && s.questions.some((q) => q.id === step.questionId))!
        if (!state.sections.find((s) => s.sectionId === sec.id)?.firstShownAt) await call('consultation.markSectionShown', { ...id, sectionId: sec.id })
        const q = script.sections.flatMap((s) => (s.kind === 'screening' ? s.questions : [])).find((x) => x.id === step.questionId)!
        const contra = q.rules.find((r) => r.raises === 'contraindication')
        const answer = contra ? contra.when : q.rules.some((r) => r.when === 'yes') ? 'no' : 'yes'
        state = await call('consultation.recordScreeningAnswer', { ...id, questionId: q.id, answer, details: contra ? 'Confirmed on questioning.' : '' })
      } else throw new AppError('internal', `The not-treated template reached "${step.step}" without a contraindication.`)
    }
    if (state.blocks.length === 0) throw new AppError('internal', 'The script raised no contraindication to end the consultation with.')
    await call('consultation.endNotTreated', { ...id, reason: 'Contraindication found at screening; treatment not given and the patient was advised.' })
    return id.consultationId
  })
}
