// The steps of a consultation. Each call checks who may take it and whether
// the consultation is at a point where it makes sense, then appends its event
// and audit row in one transaction that commits before the call returns.
// Sign-off lives in sign-off.ts.
import { AppError, fieldError } from '../../../shared/errors'
import {
  ESIGNATURE_STATEMENT,
  REVIEW_STATEMENT,
  SIGNATURE_MEANINGS,
  type ConsultationEventData,
  type ConsultationState,
  type ConsultationSummary,
  type EventBy,
  type Stroke,
} from '../../../shared/consultation'
import { todayIso } from '../../../shared/contract/fields'
import { signatureProblem, typedNameMatches, foldName } from '../../../shared/signature-rules'
import { isDiscussedSection, needsAcknowledgment, type ScriptSection, type SectionOfKind } from '../../../shared/script/schema'
import { recordAudit } from '../audit/chain'
import { assertPrintable } from '../consent-pdf/printable'
import { inTransaction, type Actor, type CoreContext } from '../context'
import { statement } from '../db/statements'
import { requireSession, type CallContext } from '../dispatch/types'
import { getPatient } from '../patients/patients'
import { DEFAULT_SCRIPT } from '../script-library/shipped'
import { getStoredScript, latestStoredId } from '../script-library/store'
import { screeningQuestions } from './derive'
import { appendEvent, appendSignature, type NewEvent } from './events'
import { loadConsultation, reloadAfterAppend, toState, toSummary, type Loaded } from './state'

// ---- Who is calling ----

function patientModeOf(call: CallContext): number | null {
  return call.session?.patientModeConsultationId ?? null
}

export function inPatientModeFor(call: CallContext, consultationId: number): boolean {
  return patientModeOf(call) === consultationId
}

/** While the screen is with a patient, only that patient's consultation is reachable. */
function assertNotOtherPatient(call: CallContext, consultationId: number): void {
  const pm = patientModeOf(call)
  if (pm !== null && pm !== consultationId)
    throw new AppError('patient_mode', 'The screen is with a patient for another consultation. The clinician must take it back first.')
}

function assertPatientStep(call: CallContext, consultationId: number): void {
  assertNotOtherPatient(call, consultationId)
  if (patientModeOf(call) !== consultationId)
    throw new AppError('invalid_state', 'This step is for the patient. Hand the screen to the patient first.')
}

function assertOwnClinician(l: Loaded, actor: Actor, what: string): void {
  if (actor.role !== 'clinician' || actor.id !== l.row.clinician_id)
    throw new AppError('forbidden', `Only the clinician who started this consultation can ${what}.`)
}

function assertInProgress(l: Loaded): void {
  if (l.row.status === 'signed_off') throw new AppError('frozen', 'This consultation is signed off and cannot be changed. Add an addendum instead.')
  if (l.row.status === 'not_treated') throw new AppError('frozen', 'This consultation was ended without treatment and cannot be changed.')
}

function assertPatientNotSigned(l: Loaded): void {
  if (l.d.patientSignature) throw new AppError('invalid_state', 'The patient has already signed; what they signed cannot change now.')
}

/** Audit name for a step the patient gives on the handed-over screen. */
function patientActor(l: Loaded, call: CallContext): Actor {
  return {
    id: null,
    name: `patient ${l.patient.givenName} ${l.patient.familyName} (on the screen handed over by ${call.actor.name})`,
    role: call.actor.role,
  }
}

function section(l: Loaded, sectionId: string): ScriptSection {
  const s = l.script.content.sections.find((x) => x.id === sectionId)
  if (!s) throw fieldError('sectionId', 'no_such_section', `The script of this consultation has no section "${sectionId}".`)
  return s
}

function sectionOfKind<K extends ScriptSection['kind']>(l: Loaded, kind: K): SectionOfKind<K> {
  const s = l.script.content.sections.find((x) => x.kind === kind)
  if (!s) throw new AppError('invalid_state', `The script of this consultation has no ${kind.replace(/_/g, ' ')} section.`)
  return s as SectionOfKind<K>
}

function assertShown(l: Loaded, s: ScriptSection): void {
  if (!l.d.sections.find((x) => x.sectionId === s.id)?.firstShownAt)
    throw new AppError('invalid_state', `Show the section "${s.title}" before recording it.`)
}

// ---- The one way a step is recorded ----

interface StepResult {
  events: { data: ConsultationEventData; section?: ScriptSection | null; by?: EventBy }[]
  audit: { action: string; detail?: Record<string, unknown> }
  /** Extra writes in the same transaction (a signature row, the status); may add to the audit detail. */
  also?: (eventIds: number[]) => Record<string, unknown> | void
}

/**
 * Loads the consultation inside an IMMEDIATE transaction (so checks and writes
 * see the same rows), runs the step's checks, appends its events and one audit
 * row, and commits. Returns the fresh state: the loaded consultation brought up
 * to date with what this step wrote, read back in the same transaction (one
 * full load per step, not a second one after the commit).
 */
function recordStep(
  call: CallContext,
  consultationId: number,
  who: 'clinician' | 'patient',
  build: (l: Loaded) => StepResult | null,
): ConsultationState {
  const { ctx } = call
  const session = requireSession(call)
  if (who === 'patient') assertPatientStep(call, consultationId)
  else assertNotOtherPatient(call, consultationId)
  const pm = inPatientModeFor(call, consultationId)
  const after = inTransaction(ctx, () => {
    const l = loadConsultation(ctx, consultationId, pm)
    assertInProgress(l)
    const r = build(l)
    if (!r) return l // nothing new to record (an idempotent repeat)
    const by: EventBy = who === 'patient' ? 'patient' : 'clinician'
    const ids = r.events.map((e) => {
      const ev: NewEvent = {
        consultationId,
        by: e.by ?? by,
        sessionUserId: session.userId,
        script: l.ref,
        section: e.section ? { id: e.section.id, hash: l.script.sectionHashes[e.section.id]! } : null,
        data: e.data,
      }
      return appendEvent(ctx, ev)
    })
    const extra = r.also?.(ids) ?? {}
    const first = r.events[0]
    recordAudit(ctx, who === 'patient' ? patientActor(l, call) : call.actor, {
      action: r.audit.action,
      entityType: 'consultation',
      entityId: consultationId,
      detail: {
        eventIds: ids,
        by,
        script: l.ref,
        ...(first?.section ? { sectionId: first.section.id, sectionHash: l.script.sectionHashes[first.section.id] } : {}),
        ...r.audit.detail,
        ...extra,
      },
    })
    return reloadAfterAppend(ctx, l, pm)
  })
  return toState(ctx, after, pm)
}

export function getState(ctx: CoreContext, consultationId: number, inPatientMode: boolean): ConsultationState {
  return toState(ctx, loadConsultation(ctx, consultationId, inPatientMode), inPatientMode)
}

// ---- Reading ----

export function getForCaller(call: CallContext, consultationId: number): ConsultationState {
  assertNotOtherPatient(call, consultationId)
  return getState(call.ctx, consultationId, inPatientModeFor(call, consultationId))
}

function summaries(ctx: CoreContext, ids: number[]): ConsultationSummary[] {
  return ids.map((id) => toSummary(ctx, loadConsultation(ctx, id, false)))
}

export function listForPatient(ctx: CoreContext, patientId: number): ConsultationSummary[] {
  getPatient(ctx, patientId)
  const rows = statement(ctx.db, 'SELECT id FROM consultations WHERE patient_id = ? ORDER BY started_at DESC, id DESC').all(patientId) as { id: number }[]
  return summaries(
    ctx,
    rows.map((r) => r.id),
  )
}

export function listInProgress(ctx: CoreContext): ConsultationSummary[] {
  const rows = statement(ctx.db, "SELECT id FROM consultations WHERE status = 'in_progress' ORDER BY started_at DESC, id DESC").all() as { id: number }[]
  return summaries(
    ctx,
    rows.map((r) => r.id),
  )
}

// ---- Clinician phase ----

export function startConsultation(call: CallContext, input: { patientId: number; scriptStoredId?: number }): ConsultationState {
  const { ctx, actor } = call
  const session = requireSession(call)
  if (actor.role !== 'clinician') throw new AppError('forbidden', 'Only a clinician can start a consultation.')
  const patient = getPatient(ctx, input.patientId)
  const storedId = input.scriptStoredId ?? latestStoredId(ctx, DEFAULT_SCRIPT.scriptId, DEFAULT_SCRIPT.language)
  if (storedId === null) throw new AppError('invalid_state', 'No consultation script is stored. Ask an administrator to import one.')
  const script = getStoredScript(ctx, storedId)
  const id = inTransaction(ctx, () => {
    const at = ctx.now().toISOString()
    const cid = Number(
      statement(ctx.db, 'INSERT INTO consultations (patient_id, clinician_id, script_stored_id, script_sha256, started_at) VALUES (?, ?, ?, ?, ?)').run(
        patient.id,
        session.userId,
        script.storedId,
        script.sha256,
        at,
      ).lastInsertRowid,
    )
    const ref = { scriptId: script.scriptId, version: script.version, language: script.language, sha256: script.sha256 }
    const eventId = appendEvent(ctx, {
      consultationId: cid,
      by: 'clinician',
      sessionUserId: session.userId,
      script: ref,
      data: { kind: 'started', scriptStoredId: script.storedId },
    })
    recordAudit(ctx, actor, {
      action: 'consultation.start',
      entityType: 'consultation',
      entityId: cid,
      detail: { eventIds: [eventId], patientId: patient.id, script: ref, scriptStoredId: script.storedId },
    })
    return cid
  })
  return getState(ctx, id, false)
}

export function markSectionShown(call: CallContext, input: { consultationId: number; sectionId: string }): ConsultationState {
  const pm = inPatientModeFor(call, input.consultationId)
  return recordStep(call, input.consultationId, pm ? 'patient' : 'clinician', (l) => {
    if (!pm) assertOwnClinician(l, call.actor, 'lead it')
    const s = section(l, input.sectionId)
    return { events: [{ data: { kind: 'section_shown' }, section: s }], audit: { action: 'consultation.section_shown' } }
  })
}

export function markSectionDiscussed(call: CallContext, input: { consultationId: number; sectionId: string }): ConsultationState {
  return recordStep(call, input.consultationId, 'clinician', (l) => {
    assertOwnClinician(l, call.actor, 'lead it')
    const s = section(l, input.sectionId)
    if (!isDiscussedSection(s)) throw new AppError('invalid_state', 'The patient answers these questions themselves; there is nothing to mark as discussed.')
    assertShown(l, s)
    if (l.d.sections.find((x) => x.sectionId === s.id)?.discussedAt) return null
    return { events: [{ data: { kind: 'section_discussed' }, section: s }], audit: { action: 'consultation.section_discussed' } }
  })
}

/** A change to what the patient agrees to: refused once they signed. */
function clinicianContentStep(call: CallContext, consultationId: number, build: (l: Loaded) => StepResult | null): ConsultationState {
  return recordStep(call, consultationId, 'clinician', (l) => {
    assertOwnClinician(l, call.actor, 'record this')
    assertPatientNotSigned(l)
    return build(l)
  })
}

export function recordScreeningAnswer(
  call: CallContext,
  input: { consultationId: number; questionId: string; answer: 'yes' | 'no'; details: string },
): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { details: input.details })
  return clinicianContentStep(call, input.consultationId, (l) => {
    const s = sectionOfKind(l, 'screening')
    assertShown(l, s)
    const q = screeningQuestions(l.script.content).find((x) => x.id === input.questionId)
    if (!q) throw fieldError('questionId', 'no_such_question', 'That screening question is not in this script.')
    const details = q.answerType === 'yes_no_details' ? input.details : ''
    if (q.answerType === 'yes_no_details' && input.answer === 'yes' && details === '')
      throw fieldError('details', 'required', 'Please note the details of this "yes" answer.')
    const rule = q.rules.find((r) => r.when === input.answer) ?? null
    return {
      events: [
        {
          data: {
            kind: 'screening_answered',
            questionId: q.id,
            answer: input.answer,
            details,
            raised: rule?.raises ?? null,
            explanation: rule?.explanation ?? null,
          },
          section: s,
        },
      ],
      audit: { action: 'consultation.screening_answer', detail: { questionId: q.id, answer: input.answer, raised: rule?.raises ?? null } },
    }
  })
}

export function recordCautionDecision(
  call: CallContext,
  input: { consultationId: number; questionId: string; optionId: string; note: string },
): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { note: input.note })
  return clinicianContentStep(call, input.consultationId, (l) => {
    const s = sectionOfKind(l, 'screening')
    const answer = l.d.screening.find((a) => a.questionId === input.questionId)
    if (!answer || answer.raised !== 'caution')
      throw new AppError('invalid_state', 'There is no caution to decide on for that question: record the answer first.')
    const q = screeningQuestions(l.script.content).find((x) => x.id === input.questionId)!
    const option = q.rules.find((r) => r.raises === 'caution')?.decisionOptions?.find((o) => o.id === input.optionId)
    if (!option) throw fieldError('optionId', 'no_such_option', 'That decision is not one of the options for this caution.')
    return {
      events: [
        {
          data: { kind: 'caution_decided', questionId: q.id, optionId: option.id, optionLabel: option.label, allowsTreatment: option.allowsTreatment, note: input.note },
          section: s,
        },
      ],
      audit: { action: 'consultation.caution_decision', detail: { questionId: q.id, optionId: option.id, allowsTreatment: option.allowsTreatment } },
    }
  })
}

export function recordMedicationGuideOffer(call: CallContext, input: { consultationId: number; accepted: boolean }): ConsultationState {
  return clinicianContentStep(call, input.consultationId, (l) => {
    const s = sectionOfKind(l, 'medication_guide')
    assertShown(l, s)
    return {
      events: [{ data: { kind: 'medication_guide_offered', accepted: input.accepted }, section: s }],
      audit: { action: 'consultation.medication_guide_offered', detail: { accepted: input.accepted } },
    }
  })
}

export function saveExpectations(
  call: CallContext,
  input: { consultationId: number; goals: string; areaIds: string[]; otherAreas: string; timelineAcknowledged: true },
): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { goals: input.goals, otherAreas: input.otherAreas })
  return clinicianContentStep(call, input.consultationId, (l) => {
    const s = sectionOfKind(l, 'expectations')
    assertShown(l, s)
    const known = new Set(s.areas.map((a) => a.id))
    const bad = input.areaIds.findIndex((a) => !known.has(a))
    if (bad >= 0) throw fieldError(`areaIds.${bad}`, 'no_such_area', 'That area is not one of the areas this script lists.')
    const expectations = { goals: input.goals, areaIds: [...new Set(input.areaIds)], otherAreas: input.otherAreas, timelineAcknowledged: true as const }
    return {
      events: [{ data: { kind: 'expectations_saved', expectations }, section: s }],
      audit: { action: 'consultation.expectations_saved', detail: { expectations } },
    }
  })
}

const LOT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/

export function saveTreatmentPlan(
  call: CallContext,
  input: {
    consultationId: number
    productId: string
    lotNumber: string
    expiryDate: string
    dilution: { vialUnits: number; diluentMl: number }
    sites: { site: string; units: number }[]
  },
): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { lotNumber: input.lotNumber, ...Object.fromEntries(input.sites.map((x, n) => [`sites.${n}.site`, x.site])) })
  return clinicianContentStep(call, input.consultationId, (l) => {
    const s = sectionOfKind(l, 'treatment_plan')
    assertShown(l, s)
    const product = s.products.find((p) => p.id === input.productId)
    if (!product) throw fieldError('productId', 'no_such_product', 'That product is not in the list this script offers.')
    if (!LOT_NUMBER.test(input.lotNumber))
      throw fieldError('lotNumber', 'invalid_lot_number', 'Copy the lot number exactly as printed on the vial (letters, digits, dashes).')
    const today = todayIso(call.ctx.now())
    if (input.expiryDate < today)
      throw fieldError('expiryDate', 'lot_expired', `This lot expired on ${input.expiryDate}. An expired product cannot be used.`)
    // Sums in half units as integers, so 2.5 + 2.5 + ... is exact.
    const totalUnits = input.sites.reduce((sum, x) => sum + Math.round(x.units * 2), 0) / 2
    const unitsPerMl = Math.round((input.dilution.vialUnits / input.dilution.diluentMl) * 100) / 100
    const plan = {
      productId: product.id,
      productName: product.name,
      lotNumber: input.lotNumber,
      expiryDate: input.expiryDate,
      dilution: { vialUnits: input.dilution.vialUnits, diluentMl: input.dilution.diluentMl, unitsPerMl },
      sites: input.sites.map((x) => ({ site: x.site, units: x.units })),
      totalUnits,
    }
    return {
      events: [{ data: { kind: 'treatment_plan_saved', plan }, section: s }],
      audit: { action: 'consultation.treatment_plan_saved', detail: { plan } },
    }
  })
}

export function answerFlag(call: CallContext, input: { consultationId: number; flagEventId: number; note: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { note: input.note })
  return recordStep(call, input.consultationId, 'clinician', (l) => {
    assertOwnClinician(l, call.actor, 'answer the patient’s questions')
    const flag = l.d.flags.find((f) => f.flagEventId === input.flagEventId)
    if (!flag) throw fieldError('flagEventId', 'no_such_flag', 'There is no such question from the patient in this consultation.')
    if (flag.answer) throw new AppError('invalid_state', 'That question already has an answer.')
    return {
      events: [{ data: { kind: 'flag_answered', flagEventId: flag.flagEventId, note: input.note }, section: section(l, flag.sectionId) }],
      audit: { action: 'consultation.flag_answered', detail: { flagEventId: flag.flagEventId } },
    }
  })
}

// ---- Patient mode ----

export function enterPatientMode(call: CallContext, input: { consultationId: number }): ConsultationState {
  const session = requireSession(call)
  const state = recordStep(call, input.consultationId, 'clinician', (l) => {
    assertOwnClinician(l, call.actor, 'hand the screen to the patient')
    if (l.d.blocks.length > 0)
      throw new AppError('invalid_state', 'Treatment cannot go ahead (see the screening result). End the consultation as not treated.')
    if (!l.d.clinicianPhaseDone) {
      const next = l.d.steps.find((s) => !s.done)
      throw new AppError('invalid_state', `Finish the clinician's part first (next: ${next ? describeStep(next) : 'nothing'}).`)
    }
    return { events: [{ data: { kind: 'patient_mode_entered' } }], audit: { action: 'consultation.patient_mode_entered' } }
  })
  session.patientModeConsultationId = input.consultationId
  return { ...state, inPatientMode: true, progress: progressWith(state, true) }
}

export async function exitPatientMode(call: CallContext, input: { consultationId: number; password: string }): Promise<ConsultationState> {
  const session = requireSession(call)
  assertPatientStep(call, input.consultationId)
  // The same throttled check as logging in; a wrong password leaves the patient in patient mode.
  await call.passwords.check(call.actor, session.username, input.password)
  session.patientModeConsultationId = null
  const { ctx } = call
  const l = loadConsultation(ctx, input.consultationId, false)
  if (l.row.status === 'in_progress')
    inTransaction(ctx, () => {
      const eventId = appendEvent(ctx, {
        consultationId: input.consultationId,
        by: 'clinician',
        sessionUserId: session.userId,
        script: l.ref,
        data: { kind: 'patient_mode_exited' },
      })
      recordAudit(ctx, call.actor, {
        action: 'consultation.patient_mode_exited',
        entityType: 'consultation',
        entityId: input.consultationId,
        detail: { eventIds: [eventId] },
      })
    })
  return getState(ctx, input.consultationId, false)
}

/** The exit step's "done" depends on the session; recompute it after patient mode changed. */
function progressWith(state: ConsultationState, inPatientMode: boolean): ConsultationState['progress'] {
  const steps = state.progress.steps.map((s) => (s.step === 'exit_patient_mode' ? { ...s, done: !inPatientMode } : s))
  return {
    steps,
    current: state.status === 'in_progress' ? (steps.find((s) => !s.done) ?? null) : null,
    doneCount: steps.filter((s) => s.done).length,
    totalCount: steps.length,
  }
}

function describeStep(s: ConsultationState['progress']['steps'][number]): string {
  switch (s.step) {
    case 'discuss_section':
    case 'offer_medication_guide':
    case 'save_expectations':
    case 'save_treatment_plan':
    case 'acknowledge_section':
      return `${s.step.replace(/_/g, ' ')} "${s.sectionId}"`
    case 'answer_screening':
    case 'decide_caution':
    case 'answer_comprehension':
      return `${s.step.replace(/_/g, ' ')} "${s.questionId}"`
    default:
      return s.step.replace(/_/g, ' ')
  }
}

function assertPatientPhaseOpen(l: Loaded): void {
  if (!l.d.clinicianPhaseDone) throw new AppError('invalid_state', "The clinician's part is not finished.")
  assertPatientNotSigned(l)
}

export function acknowledgeSection(call: CallContext, input: { consultationId: number; sectionId: string; initials: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { initials: input.initials })
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    const s = section(l, input.sectionId)
    if (!needsAcknowledgment(s)) throw new AppError('invalid_state', 'This part does not ask for your initials.')
    if (l.d.sections.find((x) => x.sectionId === s.id)?.acknowledgedAt) throw new AppError('invalid_state', 'You have already confirmed this part.')
    if (l.d.openFlags.some((f) => f.sectionId === s.id))
      throw new AppError('invalid_state', 'Your question about this part is waiting for the clinician’s answer.')
    return {
      events: [{ data: { kind: 'acknowledged', initials: input.initials, statement: s.acknowledgment! }, section: s }],
      audit: { action: 'consultation.acknowledged', detail: { initials: input.initials } },
    }
  })
}

export function flagQuestion(call: CallContext, input: { consultationId: number; sectionId: string; question: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { question: input.question })
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    const s = section(l, input.sectionId)
    return {
      events: [{ data: { kind: 'flagged', question: input.question }, section: s }],
      audit: { action: 'consultation.question_flagged' },
    }
  })
}

export function answerComprehension(
  call: CallContext,
  input: { consultationId: number; questionId: string; optionId: string },
): { correct: boolean; revisitSectionId: string | null; state: ConsultationState } {
  let correct = false
  let revisit: string | null = null
  const state = recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    const s = sectionOfKind(l, 'comprehension')
    const q = s.questions.find((x) => x.id === input.questionId)
    if (!q) throw fieldError('questionId', 'no_such_question', 'That question is not in this script.')
    if (!q.options.some((o) => o.id === input.optionId)) throw fieldError('optionId', 'no_such_option', 'That answer is not one of the choices.')
    const view = l.d.comprehension.find((c) => c.questionId === q.id)!
    if (view.passed) throw new AppError('invalid_state', 'This question is already answered correctly.')
    if (view.mustRevisitSectionId)
      throw new AppError('invalid_state', 'Please read the part this question is about again before answering once more.')
    correct = input.optionId === q.correctOptionId
    revisit = correct ? null : q.revisitSectionId
    return {
      events: [
        { data: { kind: 'comprehension_answered', questionId: q.id, optionId: input.optionId, correct, revisitSectionId: revisit }, section: s },
      ],
      audit: { action: 'consultation.comprehension_answered', detail: { questionId: q.id, optionId: input.optionId, correct } },
    }
  })
  return { correct, revisitSectionId: revisit, state }
}

export function confirmReview(call: CallContext, input: { consultationId: number }): ConsultationState {
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    if (l.d.openFlags.length > 0) throw new AppError('invalid_state', 'The clinician must answer your questions before you can go on.')
    const ackMissing = l.d.sections.find((s) => s.needsAcknowledgment && !s.acknowledgedAt)
    if (ackMissing) throw new AppError('invalid_state', `Please confirm the part "${ackMissing.title}" first.`)
    if (l.d.comprehension.some((c) => !c.passed)) throw new AppError('invalid_state', 'Please answer the questions first.')
    if (l.d.review) return null
    return { events: [{ data: { kind: 'review_confirmed', statement: REVIEW_STATEMENT } }], audit: { action: 'consultation.review_confirmed' } }
  })
}

export function recordElectronicSignatureChoice(call: CallContext, input: { consultationId: number; choice: 'agree' | 'decline' }): ConsultationState {
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    if (!l.d.review) throw new AppError('invalid_state', 'Please review the summary and confirm it first.')
    return {
      events: [{ data: { kind: 'esignature_choice', choice: input.choice, statement: ESIGNATURE_STATEMENT } }],
      audit: { action: 'consultation.esignature_choice', detail: { choice: input.choice } },
    }
  })
}

// ---- Signatures ----

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The image bytes of a data URL, checked to be a PNG with a sensible size. */
export function decodeSignaturePng(dataUrl: string): Buffer {
  const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
  const ok = png.length > 33 && png.subarray(0, 8).equals(PNG_MAGIC) && png.subarray(12, 16).toString('latin1') === 'IHDR'
  const w = ok ? png.readUInt32BE(16) : 0
  const h = ok ? png.readUInt32BE(20) : 0
  if (!ok || w < 16 || h < 16 || w > 8000 || h > 8000)
    throw fieldError('imagePng', 'signature_image_invalid', 'The signature image could not be read. Please sign again.')
  return png
}

const SIGNATURE_MESSAGES = {
  signature_empty: 'Please sign in the box before saving.',
  signature_too_short: 'That signature is too short. Please sign with your usual signature.',
  signature_too_small: 'That signature is too small. Please sign larger, across the box.',
} as const

export function assertRealSignature(strokes: Stroke[]): void {
  const problem = signatureProblem(strokes)
  if (problem) throw fieldError('strokes', problem, SIGNATURE_MESSAGES[problem])
}

export function signAsPatient(
  call: CallContext,
  input: { consultationId: number; typedName: string; strokes: Stroke[]; imagePng: string },
): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { typedName: input.typedName })
  assertRealSignature(input.strokes)
  const png = decodeSignaturePng(input.imagePng)
  return recordStep(call, input.consultationId, 'patient', (l) => {
    assertPatientPhaseOpen(l)
    if (!l.d.review) throw new AppError('invalid_state', 'Please review the summary and confirm it first.')
    if (l.d.esignature?.choice !== 'agree')
      throw new AppError('invalid_state', 'Signing on screen needs your agreement to sign electronically first.')
    if (!typedNameMatches(input.typedName, l.patient))
      throw fieldError(
        'typedName',
        'name_mismatch',
        'The name typed is not the name on this patient’s record. Please type your full name; if this is not your consultation, hand the screen back.',
      )
    return {
      events: [],
      audit: {
        action: 'consultation.patient_signed',
        detail: { typedName: input.typedName, firstSectionShownAt: l.d.firstShownAt, signedAt: call.ctx.now().toISOString() },
      },
      ...signatureEvents(call, l, 'patient', `${l.patient.givenName} ${l.patient.familyName}`, input.strokes, png),
    }
  })
}

export function signAsWitness(
  call: CallContext,
  input: { consultationId: number; witnessName: string; strokes: Stroke[]; imagePng: string },
): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { witnessName: input.witnessName })
  assertRealSignature(input.strokes)
  const png = decodeSignaturePng(input.imagePng)
  return recordStep(call, input.consultationId, 'patient', (l) => {
    if (!l.d.patientSignature) throw new AppError('invalid_state', 'A witness signs after the patient has signed.')
    if (l.d.witnessSignature) throw new AppError('invalid_state', 'A witness has already signed.')
    if (foldName(input.witnessName) === foldName(`${l.patient.givenName} ${l.patient.familyName}`))
      throw fieldError('witnessName', 'witness_is_patient', 'The witness must be someone other than the patient.')
    return {
      events: [],
      audit: { action: 'consultation.witness_signed', detail: { witnessName: input.witnessName } },
      ...signatureEvents(call, l, 'witness', input.witnessName, input.strokes, png),
    }
  })
}

/** The signature row and its `signed` event, written together by recordStep's `also`. */
function signatureEvents(
  call: CallContext,
  l: Loaded,
  role: 'patient' | 'witness',
  name: string,
  strokes: Stroke[],
  png: Buffer,
): Pick<StepResult, 'also'> {
  const session = requireSession(call)
  return {
    also: () => {
      const signatureId = appendSignature(call.ctx, {
        consultationId: l.row.id,
        role,
        name,
        meaning: SIGNATURE_MEANINGS[role],
        capturedBy: session.userId,
        strokes,
        png,
      })
      const eventId = appendEvent(call.ctx, {
        consultationId: l.row.id,
        by: role,
        sessionUserId: session.userId,
        script: l.ref,
        data: { kind: 'signed', signatureId, role },
      })
      return { eventIds: [eventId], signatureId, role, strokeCount: strokes.length, pointCount: strokes.reduce((n, st) => n + st.length, 0) }
    },
  }
}

// ---- Ending and after ----

export function endNotTreated(call: CallContext, input: { consultationId: number; reason: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { reason: input.reason })
  return recordStep(call, input.consultationId, 'clinician', (l) => {
    assertOwnClinician(l, call.actor, 'end it')
    return {
      events: [{ data: { kind: 'ended_not_treated', reason: input.reason } }],
      audit: { action: 'consultation.ended_not_treated', detail: { reason: input.reason, blocks: l.d.blocks } },
      also: () => {
        statement(call.ctx.db, "UPDATE consultations SET status = 'not_treated', ended_at = ?, ended_reason = ? WHERE id = ? AND status = 'in_progress'").run(
          call.ctx.now().toISOString(),
          input.reason,
          l.row.id,
        )
      },
    }
  })
}

/** Withdrawal and addenda: new dated events on a finished record (the record itself stays frozen). */
function afterwardStep(call: CallContext, consultationId: number, build: (l: Loaded) => StepResult): ConsultationState {
  const { ctx } = call
  const session = requireSession(call)
  const after = inTransaction(ctx, () => {
    const l = loadConsultation(ctx, consultationId, false)
    const r = build(l)
    const ids = r.events.map((e) =>
      appendEvent(ctx, { consultationId, by: 'clinician', sessionUserId: session.userId, script: l.ref, data: e.data }),
    )
    recordAudit(ctx, call.actor, { action: r.audit.action, entityType: 'consultation', entityId: consultationId, detail: { eventIds: ids, ...r.audit.detail } })
    return reloadAfterAppend(ctx, l, false)
  })
  return toState(ctx, after, false)
}

export function withdraw(call: CallContext, input: { consultationId: number; reason: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { reason: input.reason })
  return afterwardStep(call, input.consultationId, (l) => {
    if (l.row.status !== 'signed_off')
      throw new AppError('invalid_state', 'Consent can be withdrawn once it was given and signed off. Before that, end the consultation as not treated.')
    if (l.d.withdrawal) throw new AppError('invalid_state', `Consent was already withdrawn on ${l.d.withdrawal.at}.`)
    return { events: [{ data: { kind: 'withdrawn', reason: input.reason } }], audit: { action: 'consultation.withdrawn', detail: { reason: input.reason } } }
  })
}

export function addAddendum(call: CallContext, input: { consultationId: number; text: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { text: input.text })
  return afterwardStep(call, input.consultationId, (l) => {
    if (l.row.status === 'in_progress')
      throw new AppError('invalid_state', 'An addendum is added to a finished record. While the consultation is open, record the step itself.')
    return { events: [{ data: { kind: 'addendum', text: input.text } }], audit: { action: 'consultation.addendum', detail: { text: input.text } } }
  })
}
