// Drives a consultation through the dispatcher, with a clinician's session,
// up to the patient's acknowledgments (the clinician phase done, the screen
// handed over): where the ack_write benchmark starts measuring. Follows the
// core's own `progress.current`, as the screens do.
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract'
import type { ConsultationState } from '../../src/shared/consultation'
import type { Core, HostLink } from '../../src/main/core'
import { findUserByUsername } from '../../src/main/core/users/users'

export interface Driven {
  host: HostLink
  state: ConsultationState
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>
}

export function sessionFor(core: Core, username: string): Pick<Driven, 'host' | 'call'> {
  const u = findUserByUsername(core.ctx, username)
  if (!u) throw new Error(`no user ${username}`)
  const s = core.sessions.create({ id: u.id, username: u.username, displayName: u.display_name, role: u.role })
  const host: HostLink = { sessionId: s.id, setSessionId: (id) => void (host.sessionId = id) }
  return {
    host,
    async call(name, input) {
      const r = await core.dispatch(name, input, host)
      if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`)
      return r.value as never
    },
  }
}

export async function driveToAcknowledgments(core: Core, clinicianUsername: string, patientId: number): Promise<Driven> {
  const { host, call } = sessionFor(core, clinicianUsername)
  let state = await call('consultation.start', { patientId })
  const id = { consultationId: state.id }
  const script = state.script.content
  const questions = script.sections.flatMap((s) => (s.kind === 'screening' ? s.questions : []))
  for (let guard = 0; guard < 300; guard++) {
    const step = state.progress.current
    if (!step || step.step === 'acknowledge_section') break
    const sectionOfQuestion = 'questionId' in step ? script.sections.find((s) => s.kind === 'screening' && s.questions.some((q) => q.id === step.questionId))?.id : undefined
    const sectionId = 'sectionId' in step ? step.sectionId : sectionOfQuestion
    if (sectionId && !state.sections.find((s) => s.sectionId === sectionId)?.firstShownAt) state = await call('consultation.markSectionShown', { ...id, sectionId })
    switch (step.step) {
      case 'discuss_section':
        state = await call('consultation.markSectionDiscussed', { ...id, sectionId: step.sectionId })
        break
      case 'answer_screening': {
        const q = questions.find((x) => x.id === step.questionId)!
        state = await call('consultation.recordScreeningAnswer', { ...id, questionId: q.id, answer: q.rules.some((r) => r.when === 'no') ? 'yes' : 'no', details: '' })
        break
      }
      case 'decide_caution': {
        const q = questions.find((x) => x.id === step.questionId)!
        const option = q.rules.flatMap((r) => r.decisionOptions ?? []).find((d) => d.allowsTreatment)!
        state = await call('consultation.recordCautionDecision', { ...id, questionId: q.id, optionId: option.id, note: 'Discussed.' })
        break
      }
      case 'offer_medication_guide':
        state = await call('consultation.recordMedicationGuideOffer', { ...id, accepted: true })
        break
      case 'save_expectations': {
        const sec = script.sections.find((s) => s.kind === 'expectations')
        const areaIds = sec?.kind === 'expectations' ? sec.areas.slice(0, 1).map((a) => a.id) : []
        state = await call('consultation.saveExpectations', { ...id, goals: 'Softer frown lines.', areaIds, otherAreas: '', timelineAcknowledged: true })
        break
      }
      case 'save_treatment_plan': {
        const sec = script.sections.find((s) => s.kind === 'treatment_plan')
        const productId = sec?.kind === 'treatment_plan' ? sec.products[0]!.id : 'onabotulinumtoxina'
        const expiryDate = new Date(core.ctx.now().getTime() + 365 * 86_400_000).toISOString().slice(0, 10)
        state = await call('consultation.saveTreatmentPlan', {
          ...id,
          productId,
          lotNumber: 'C4417A2',
          expiryDate,
          dilution: { vialUnits: 100, diluentMl: 2.5 },
          sites: [{ site: 'Procerus', units: 4 }, { site: 'Left corrugator', units: 8 }, { site: 'Right corrugator', units: 8 }],
        })
        break
      }
      case 'enter_patient_mode':
        state = await call('consultation.enterPatientMode', id)
        break
      default:
        throw new Error(`unexpected step ${step.step} before the acknowledgments`)
    }
  }
  if (state.progress.current?.step !== 'acknowledge_section') throw new Error(`consultation ${state.id} did not reach the acknowledgments`)
  return { host, call, state }
}
