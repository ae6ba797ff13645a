// Runs one whole consultation, from start to sign-off, through the same
// entrance the app's screens use (the dispatcher, with a clinician's session),
// following the core's own `progress.current` step by step. It is how the demo
// clinic gets a real signed consent to open, and how the consent tests get
// real records: nothing is written behind the core's back.
import { deflateSync, crc32 } from 'node:zlib'
import type { CallInput, CallName, CallOutput } from '../../shared/contract'
import type { ConsultationState, Stroke } from '../../shared/consultation'
import { AppError } from '../../shared/errors'
import type { Core } from '../core/core'
import type { HostLink } from '../core/dispatch/types'
import { findUserByUsername } from '../core/users/users'

export interface CompleteConsultationOptions {
  patientId: number
  clinician: { username: string; password: string }
  /** A witness also signs. */
  witness?: { name: string }
  /** The patient declines to sign on screen: the paper route. */
  paper?: boolean
  /** The patient flags a question on the first risk section, answered by the clinician. */
  question?: string
  /** The first comprehension question is first answered wrongly (the section is shown again). */
  wrongFirstAnswer?: boolean
  /** Free text of the goals (e.g. to test the longest the form accepts). */
  goals?: string
}

/** A handwriting-like stroke set: a slanted loop-and-wave name and an underline. */
export function demoSignatureStrokes(seed = 0): Stroke[] {
  const word: Stroke = []
  let t = 0
  for (let i = 0; i <= 160; i++) {
    const a = i / 8
    word.push({ x: 30 + i * 2.2 + Math.cos(a + seed) * 9, y: 70 - Math.abs(Math.sin(a * 0.9 + seed)) * 34 + Math.sin(i / 23) * 6, t: (t += 9) })
  }
  const underline: Stroke = []
  for (let i = 0; i <= 40; i++) underline.push({ x: 24 + i * 9, y: 92 + Math.sin(i / 5) * 2, t: (t += 7) })
  return [word, underline]
}

/** A real (small, grey-scale) PNG of the strokes: what a signature pad hands over as its image. */
export function strokesToPngDataUrl(strokes: Stroke[], width = 420, height = 120): string {
  const px = Buffer.alloc((width + 1) * height, 255)
  for (let y = 0; y < height; y++) px[y * (width + 1)] = 0 // filter byte: none
  const plot = (x: number, y: number) => {
    const xi = Math.round(x)
    const yi = Math.round(y)
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const X = xi + dx
        const Y = yi + dy
        if (X >= 0 && X < width && Y >= 0 && Y < height) px[Y * (width + 1) + 1 + X] = 20
      }
  }
  for (const s of strokes)
    for (let i = 0; i < s.length; i++) {
      const a = s[i]!
      const b = s[i + 1] ?? a
      const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y)))
      for (let k = 0; k <= n; k++) plot(a.x + ((b.x - a.x) * k) / n, a.y + ((b.y - a.y) * k) / n)
    }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td) >>> 0)
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // grey-scale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(px)),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => Array.from(w)[0]!.toUpperCase())
    .slice(0, 5)
    .join('')
}

export async function completeConsultation(core: Core, o: CompleteConsultationOptions): Promise<{ consultationId: number; state: ConsultationState }> {
  const user = findUserByUsername(core.ctx, o.clinician.username)
  if (!user || user.role !== 'clinician') throw new AppError('not_found', `There is no clinician "${o.clinician.username}".`)
  const session = core.sessions.create({ id: user.id, username: user.username, displayName: user.display_name, role: user.role })
  const host: HostLink = { sessionId: session.id, setSessionId: (id) => void (host.sessionId = id) }
  const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const r = await core.dispatch(name, input, host)
    if (!r.ok) throw new AppError(r.error.code, `${name}: ${r.error.message}`, { fields: r.error.fields })
    return r.value as CallOutput<N>
  }
  try {
    let state = await call('consultation.start', { patientId: o.patientId })
    const consultationId = state.id
    const script = state.script.content
    const patientName = `${state.patient.givenName} ${state.patient.familyName}`
    let flagged = false
    let wrongGiven = false
    for (let guard = 0; guard < 500 && state.progress.current; guard++) {
      const step = state.progress.current
      const id = { consultationId }
      // A section is shown before anything is recorded against it, as the screens do.
      const sectionOfStep =
        'sectionId' in step
          ? step.sectionId
          : 'questionId' in step && step.step !== 'answer_comprehension'
            ? script.sections.find((s) => s.kind === 'screening' && s.questions.some((q) => q.id === step.questionId))?.id
            : undefined
      if (sectionOfStep && step.step !== 'discuss_section' && step.step !== 'acknowledge_section' && !state.sections.find((s) => s.sectionId === sectionOfStep)?.firstShownAt)
        state = await call('consultation.markSectionShown', { ...id, sectionId: sectionOfStep })
      switch (step.step) {
        case 'discuss_section':
          await call('consultation.markSectionShown', { ...id, sectionId: step.sectionId })
          state = await call('consultation.markSectionDiscussed', { ...id, sectionId: step.sectionId })
          break
        case 'answer_screening': {
          const q = script.sections.flatMap((s) => (s.kind === 'screening' ? s.questions : [])).find((x) => x.id === step.questionId)!
          const answer = q.rules.some((r) => r.when === 'no') ? 'yes' : 'no'
          state = await call('consultation.recordScreeningAnswer', { ...id, questionId: q.id, answer, details: '' })
          break
        }
        case 'decide_caution': {
          const q = script.sections.flatMap((s) => (s.kind === 'screening' ? s.questions : [])).find((x) => x.id === step.questionId)!
          const option = q.rules.flatMap((r) => r.decisionOptions ?? []).find((d) => d.allowsTreatment)!
          state = await call('consultation.recordCautionDecision', { ...id, questionId: q.id, optionId: option.id, note: 'Discussed with the patient.' })
          break
        }
        case 'offer_medication_guide':
          state = await call('consultation.recordMedicationGuideOffer', { ...id, accepted: true })
          break
        case 'save_expectations': {
          const sec = script.sections.find((s) => s.kind === 'expectations')
          const areaIds = sec?.kind === 'expectations' ? sec.areas.slice(0, 1).map((a) => a.id) : []
          state = await call('consultation.saveExpectations', {
            ...id,
            goals: o.goals ?? 'Softer frown lines between the eyebrows, while still looking like myself.',
            areaIds,
            otherAreas: '',
            timelineAcknowledged: true,
          })
          break
        }
        case 'save_treatment_plan': {
          const sec = script.sections.find((s) => s.kind === 'treatment_plan')
          const productId = sec?.kind === 'treatment_plan' ? sec.products[0]!.id : 'onabotulinumtoxina'
          const expiry = new Date(core.ctx.now().getTime() + 365 * 86_400_000).toISOString().slice(0, 10)
          state = await call('consultation.saveTreatmentPlan', {
            ...id,
            productId,
            lotNumber: 'C4417A2',
            expiryDate: expiry,
            dilution: { vialUnits: 100, diluentMl: 2.5 },
            sites: [
              { site: 'Procerus', units: 4 },
              { site: 'Left corrugator, medial', units: 4 },
              { site: 'Left corrugator, lateral', units: 4 },
              { site: 'Right corrugator, medial', units: 4 },
              { site: 'Right corrugator, lateral', units: 4 },
            ],
          })
          break
        }
        case 'enter_patient_mode':
          state = await call('consultation.enterPatientMode', id)
          break
        case 'acknowledge_section':
          if (o.question && !flagged) {
            flagged = true
            await call('consultation.flagQuestion', { ...id, sectionId: step.sectionId, question: o.question })
            state = await call('consultation.exitPatientMode', { ...id, password: o.clinician.password })
            const flag = state.flags.find((f) => !f.answer)!
            await call('consultation.answerFlag', { ...id, flagEventId: flag.flagEventId, note: 'Answered in the room; the patient is satisfied with the answer.' })
            state = await call('consultation.enterPatientMode', id)
            break
          }
          state = await call('consultation.acknowledgeSection', { ...id, sectionId: step.sectionId, initials: initialsOf(patientName) })
          break
        case 'answer_comprehension': {
          const q = script.sections.flatMap((s) => (s.kind === 'comprehension' ? s.questions : [])).find((x) => x.id === step.questionId)!
          if (o.wrongFirstAnswer && !wrongGiven) {
            wrongGiven = true
            const wrong = q.options.find((x) => x.id !== q.correctOptionId)!
            const r = await call('consultation.answerComprehension', { ...id, questionId: q.id, optionId: wrong.id })
            if (r.revisitSectionId) await call('consultation.markSectionShown', { ...id, sectionId: r.revisitSectionId })
          }
          state = (await call('consultation.answerComprehension', { ...id, questionId: q.id, optionId: q.correctOptionId })).state
          break
        }
        case 'answer_flags':
          throw new AppError('invalid_state', 'A flagged question is waiting for an answer.')
        case 'confirm_review':
          state = await call('consultation.confirmReview', { ...id, confirmed: true })
          break
        case 'esignature_choice':
          state = await call('consultation.recordElectronicSignatureChoice', { ...id, choice: o.paper ? 'decline' : 'agree' })
          break
        case 'patient_signature': {
          const strokes = demoSignatureStrokes(0)
          state = await call('consultation.signAsPatient', { ...id, typedName: patientName, strokes, imagePng: strokesToPngDataUrl(strokes) })
          if (o.witness) {
            const w = demoSignatureStrokes(1.7)
            state = await call('consultation.signAsWitness', { ...id, witnessName: o.witness.name, strokes: w, imagePng: strokesToPngDataUrl(w) })
          }
          break
        }
        case 'exit_patient_mode':
          state = await call('consultation.exitPatientMode', { ...id, password: o.clinician.password })
          break
        case 'sign_off': {
          const strokes = demoSignatureStrokes(3.1)
          state = await call('consultation.signOff', { ...id, password: o.clinician.password, strokes, imagePng: strokesToPngDataUrl(strokes), statementConfirmed: true })
          break
        }
      }
    }
    if (state.status !== 'signed_off') throw new AppError('invalid_state', `The consultation did not reach sign-off (status ${state.status}).`)
    return { consultationId, state }
  } finally {
    if (host.sessionId) core.sessions.end(host.sessionId)
  }
}
