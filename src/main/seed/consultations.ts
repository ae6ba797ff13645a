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
import type { ConsultationEventData, Stroke } from '../../shared/consultation'
import { Client } from '../client/client'
import { completeConsultation } from '../client/complete-consultation'
import { stepUntil } from '../client/drive'
import { demoSignatureStrokes, initialsOf, strokesToPngDataUrl } from '../client/signature-drawing'
import type { Actor, BulkRecordWriter, ConsultationTranscript, Core, TranscriptSignature, TranscriptStep } from '../core'
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

interface CapturedStep extends TranscriptStep {
  /** The step that ends the consultation sets the row's final status. */
  ends: boolean
  /** For the step storing the consent at sign-off: the clinician's signature of the sign-off that follows. */
  signOffSignature?: TranscriptSignature
}

interface Template {
  variant: Variant
  consultation: ConsultationTranscript
  patient: PatientFields
  startedAt: number
  steps: CapturedStep[]
}

export class ConsultationSeeder {
  counts: ConsultationCounts = { signedOff: 0, notTreated: 0, inProgress: 0, withdrawn: 0, realRuns: 0, storedPdfs: 0, distinctPdfs: 0 }
  notes: string[] = []
  private templates: Template[] = []
  private signaturePool: { strokes: Stroke[]; strokeCount: number; pointCount: number; png: Buffer }[] = []

  constructor(
    private readonly core: Core,
    private readonly writer: BulkRecordWriter,
    private readonly opts: ConsultationSeederOptions,
  ) {}

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
            const client = Client.as(this.core, clinician.username)
            try {
              await client.call('consultation.withdraw', { consultationId, reason: 'The patient phoned to withdraw consent before treatment; no toxin was given.' })
            } finally {
              client.end()
            }
          }
        }
      } finally {
        clock.ticking = null
      }
      this.counts.realRuns++
      this.count(variant === 'not_treated' ? 'not_treated' : variant === 'withdrawn' ? 'withdrawn' : 'signed')
      this.templates.push(this.capture(variant, consultationId, p))
    }
    const totals = this.writer.totals()
    this.counts.distinctPdfs = totals.distinctDocuments
    this.counts.storedPdfs = totals.storedDocuments
    // Signatures for replays: drawn once, each used by many patients.
    for (let k = 0; k < 48; k++) {
      const strokes: Stroke[] = demoSignatureStrokes(rng.next() * 6.28).map((s) => s.map((pt) => ({ ...pt, x: round1(pt.x + rng.int(-6, 6)), y: round1(pt.y + rng.int(-4, 4)) })))
      const png = Buffer.from(strokesToPngDataUrl(strokes).slice('data:image/png;base64,'.length), 'base64')
      this.signaturePool.push({ strokes, strokeCount: strokes.length, pointCount: strokes.reduce((n, s) => n + s.length, 0), png })
    }
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
    const consultation = this.writer.transcript(consultationId)
    const steps = consultation.steps.map((st): CapturedStep => ({ ...st, ends: st.action === 'consultation.sign_off' || st.action === 'consultation.ended_not_treated' }))
    steps.forEach((st, i) => {
      const next = steps[i + 1]
      if (st.documents.some((d) => d.kind === 'consent' || d.kind === 'paper_consent') && next?.action === 'consultation.sign_off')
        st.signOffSignature = next.signatures.find((x) => x.role === 'clinician')
    })
    if (steps[0]?.action !== 'consultation.start') throw new AppError('internal', `Template consultation ${consultationId} has no start step in the audit trail.`)
    return { variant, consultation, patient: p.fields, startedAt: Date.parse(consultation.startedAt), steps }
  }

  /** The steps of one more consultation for this patient, starting at `at`, to be queued. */
  plan(patientId: number, patient: PatientFields, at: Date): TimedStep[] {
    const { rng } = this.opts
    const w = this.writer
    const outcome = rng.weighted(OUTCOME_WEIGHTS)
    const pool = this.templates.filter((t) =>
      outcome === 'not_treated' ? t.variant === 'not_treated' : outcome === 'withdrawn' ? t.variant === 'withdrawn' : t.variant !== 'not_treated' && t.variant !== 'withdrawn',
    )
    const template = rng.pick(pool.length > 0 ? pool : this.templates)
    const tc = template.consultation
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
      at: Date.parse(time(step.at)),
      run: () => {
        const at = time(step.at)
        if (step.action === 'consultation.start')
          ids.consultation = w.startConsultation({ patientId, clinicianId: tc.clinicianId, scriptStoredId: tc.scriptStoredId, scriptSha256: tc.scriptSha256, startedAt: at })
        const extra: Record<string, unknown> = {}
        let documentId: number | null = null
        for (const sg of step.signatures) {
          const drawn = sg.role === 'clinician' ? null : sigs[sg.role]
          const id = w.appendSignature({
            consultationId: ids.consultation,
            role: sg.role,
            name: sg.role === 'patient' ? fullName : sg.name,
            meaning: sg.meaning,
            at: time(sg.at),
            capturedBy: sg.capturedBy,
            strokes: drawn?.strokes ?? sg.strokes,
            png: drawn?.png ?? sg.png,
          })
          ids.signatures.set(sg.id, id)
          if (drawn) Object.assign(extra, { strokeCount: drawn.strokeCount, pointCount: drawn.pointCount })
        }
        for (const e of step.events) {
          const id = w.appendEvent({
            consultationId: ids.consultation,
            by: e.by,
            sessionUserId: e.sessionUserId,
            script: e.script,
            section: e.section,
            data: { kind: e.kind, ...(remap(e.data, '') as Record<string, unknown>) } as ConsultationEventData,
            at: time(e.at),
          })
          ids.events.set(e.id, id)
        }
        if (step.signOffSignature) {
          // The record this consultation signs off: composed by the core's own sign-off
          // (the same record, clinician signature and time the real sign-off hashes), at the sign-off moment.
          const sg = step.signOffSignature
          recordHash = w.signOffRecordHash(time(sg.at), {
            consultationId: ids.consultation,
            clinicianId: tc.clinicianId,
            clinicianName: sg.name,
            strokes: sg.strokes,
            png: sg.png,
          })
        }
        for (const d of step.documents) {
          const created = time(d.createdAt)
          const sealsRecord = d.kind === 'consent' || d.kind === 'paper_consent'
          const fileName = w.consentFileName({ id: patientId, recordNumber: patient.recordNumber }, ids.consultation, d.kind, created)
          const id = w.storeDocument({
            ...d,
            consultationId: ids.consultation,
            fileName,
            recordSha256: sealsRecord && recordHash ? recordHash : d.recordSha256,
            createdAt: created,
            eventId: d.eventId == null ? null : (ids.events.get(d.eventId) ?? null),
          })
          ids.documents.set(d.id, id)
          documentId = id
          extra.fileName = fileName
        }
        if (step.ends) {
          const endedAt = time(tc.endedAt ?? step.at)
          if (tc.status === 'not_treated') w.markNotTreated(ids.consultation, endedAt, tc.endedReason ?? '')
          else if (tc.status === 'signed_off' && recordHash) w.markSignedOff(ids.consultation, endedAt, recordHash)
          else throw new AppError('internal', `Template consultation ${tc.id} ends as "${tc.status}", which the generator cannot replay.`)
        }
        const detail = { ...(remap(step.detail, '') as Record<string, unknown>), ...extra }
        const entityId = step.entityType === 'consent_document' ? documentId : ids.consultation
        w.audit(
          at,
          { id: step.actor.id, name: step.actor.id === null ? step.actor.name.split(templateName).join(fullName) : step.actor.name, role: 'system' },
          {
            action: step.action,
            entityType: step.entityType,
            entityId,
            detail,
          },
        )
      },
    }))
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

/** A consultation that stops at screening: a contraindication is found and the clinician ends it without treatment. */
async function runNotTreated(core: Core, patientId: number, clinician: { username: string }): Promise<number> {
  const client = Client.as(core, clinician.username)
  const call = client.call.bind(client)
  try {
    // The clinician discusses and screens until the script's contraindication is confirmed.
    const state = await stepUntil(client, await call('consultation.start', { patientId }), {
      showAgainBeforeDiscussing: true,
      screening: (q) => {
        const contra = q.rules.find((r) => r.raises === 'contraindication')
        if (contra) return { answer: contra.when, details: 'Confirmed on questioning.' }
        return { answer: q.rules.some((r) => r.when === 'yes') ? 'no' : 'yes' }
      },
      until: (st) => st.progress.current?.step !== 'discuss_section' && st.progress.current?.step !== 'answer_screening',
    })
    const id = { consultationId: state.id }
    if (state.blocks.length === 0) throw new AppError('internal', 'The script raised no contraindication to end the consultation with.')
    await call('consultation.endNotTreated', { ...id, reason: 'Contraindication found at screening; treatment not given and the patient was advised.' })
    return id.consultationId
  } finally {
    client.end()
  }
}
