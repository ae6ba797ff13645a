// The clinician's steps, before the screen is handed to the patient: starting,
// showing and discussing sections, screening, cautions, the Medication Guide,
// expectations, the treatment plan and answering the patient's flagged
// questions.
import { AppError, fieldError } from '../../../shared/errors'
import { type ConsultationState } from '../../../shared/consultation'
import { todayIso } from '../../../shared/contract/fields'
import { isDiscussedSection } from '../../../shared/script/schema'
import { recordAudit } from '../audit/chain'
import { assertPrintable } from '../consent-pdf/printable'
import { inTransaction } from '../context'
import { requireSession, type CallContext } from '../dispatch/types'
import { getPatient } from '../patients/patients'
import { DEFAULT_SCRIPT } from '../script-library/shipped'
import { getStoredScript, latestStoredId } from '../script-library/store'
import { screeningQuestions } from '../../../shared/script/schema'
import { appendEvent, insertConsultation } from './events'
import { type Loaded } from './state'
import { assertOwnClinician, assertPatientNotSigned, assertShown, inPatientModeFor, section, sectionOfKind } from './guards'
import { type StepResult, getState, recordStep } from './record-step'

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
    const cid = insertConsultation(ctx, { patientId: patient.id, clinicianId: session.userId, scriptStoredId: script.storedId, scriptSha256: script.sha256, startedAt: at })
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

export function recordScreeningAnswer(call: CallContext, input: { consultationId: number; questionId: string; answer: 'yes' | 'no'; details: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { details: input.details })
  return clinicianContentStep(call, input.consultationId, (l) => {
    const s = sectionOfKind(l, 'screening')
    assertShown(l, s)
    const q = screeningQuestions(l.script.content).find((x) => x.id === input.questionId)
    if (!q) throw fieldError('questionId', 'no_such_question', 'That screening question is not in this script.')
    const details = q.answerType === 'yes_no_details' ? input.details : ''
    if (q.answerType === 'yes_no_details' && input.answer === 'yes' && details === '') throw fieldError('details', 'required', 'Please note the details of this "yes" answer.')
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

export function recordCautionDecision(call: CallContext, input: { consultationId: number; questionId: string; optionId: string; note: string }): ConsultationState {
  assertPrintable(call.ctx.resourcesDir, { note: input.note })
  return clinicianContentStep(call, input.consultationId, (l) => {
    const s = sectionOfKind(l, 'screening')
    const answer = l.d.screening.find((a) => a.questionId === input.questionId)
    if (!answer || answer.raised !== 'caution') throw new AppError('invalid_state', 'There is no caution to decide on for that question: record the answer first.')
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
    if (!LOT_NUMBER.test(input.lotNumber)) throw fieldError('lotNumber', 'invalid_lot_number', 'Copy the lot number exactly as printed on the vial (letters, digits, dashes).')
    const today = todayIso(call.ctx.now())
    if (input.expiryDate < today) throw fieldError('expiryDate', 'lot_expired', `This lot expired on ${input.expiryDate}. An expired product cannot be used.`)
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
