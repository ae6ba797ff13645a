// A step loads its consultation once: the state it returns is the loaded one
// brought up to date with what the step wrote (state.ts reloadAfterAppend),
// not a second full load after the commit. This checks that shortcut returns
// exactly what a full load returns, byte for byte as JSON (same values, same
// key order), after every kind of step: whole consultations with a flagged
// question, a wrong comprehension answer, a witness and the paper route;
// idempotent repeats; ending as not treated; withdrawal and an addendum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, resourcesDir, type HostLink } from '../../src/main/core'
import { seedClinicData, SEED_LOGINS } from '../../src/main/seed/seed'
import { Client } from '../../src/main/client/client'
import { completeConsultation } from '../../src/main/client/complete-consultation'
import type { ConsultationState } from '../../src/shared/consultation'
import type { ApiResult } from '../../src/shared/errors'

const clinician = SEED_LOGINS.find((u) => u.role === 'clinician')!

function stateIn(value: unknown): ConsultationState | null {
  if (!value || typeof value !== 'object') return null
  if ('progress' in value && 'events' in value) return value as ConsultationState
  if ('state' in value) return stateIn(value.state)
  return null
}

describe('a step returns the state a full load returns', () => {
  let core: Core
  const compared = new Map<string, number>()

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'derm-consent-one-load-'))
    await seedClinicData({ dataDir, resourcesDir, patients: 8, consultations: 0, seed: 'one-load' })
    core = Core.open({ dataDir, resourcesDir })
    // Every consultation call that returns a state is followed, on the same
    // session, by `consultation.get` (a full load), and the two must match.
    const dispatch = core.dispatch.bind(core)
    core.dispatch = async (name: string, input: unknown, host: HostLink): Promise<ApiResult<unknown>> => {
      const r = await dispatch(name, input, host)
      const state = r.ok && name !== 'consultation.get' ? stateIn(r.value) : null
      if (state) {
        const fresh = await dispatch('consultation.get', { consultationId: state.id }, host)
        if (!fresh.ok) throw new Error(`consultation.get after ${name}: ${fresh.error.message}`)
        expect(state, `the state ${name} returned`).toEqual(fresh.value)
        // Also the same key order, so what goes over the wire is identical.
        expect(JSON.stringify(state) === JSON.stringify(fresh.value), `the state ${name} returned, as JSON`).toBe(true)
        compared.set(name, (compared.get(name) ?? 0) + 1)
      }
      return r
    }
  })
  afterAll(() => core?.close())

  async function session(): Promise<Client> {
    return Client.login(core, clinician.username, clinician.password)
  }

  it('after every step of whole consultations, signed off, with a question, a wrong answer, a witness, or on paper', async () => {
    const who = { username: clinician.username, password: clinician.password }
    await completeConsultation(core, { patientId: 1, clinician: who, question: 'Will it hurt?', wrongFirstAnswer: true })
    await completeConsultation(core, { patientId: 2, clinician: who, witness: { name: 'Pat Witness' } })
    const { consultationId } = await completeConsultation(core, { patientId: 3, clinician: who, paper: true })

    // Afterwards: withdrawal and an addendum on the signed-off record.
    const desk = await session()
    const call = desk.call.bind(desk)
    await call('consultation.addAddendum', { consultationId, text: 'Follow-up call: no bruising.' })
    await call('consultation.withdraw', { consultationId, reason: 'Changed my mind.' })

    for (const step of [
      'consultation.start',
      'consultation.markSectionShown',
      'consultation.markSectionDiscussed',
      'consultation.recordScreeningAnswer',
      'consultation.recordMedicationGuideOffer',
      'consultation.saveExpectations',
      'consultation.saveTreatmentPlan',
      'consultation.enterPatientMode',
      'consultation.acknowledgeSection',
      'consultation.flagQuestion',
      'consultation.exitPatientMode',
      'consultation.answerFlag',
      'consultation.answerComprehension',
      'consultation.confirmReview',
      'consultation.recordElectronicSignatureChoice',
      'consultation.signAsPatient',
      'consultation.signAsWitness',
      'consultation.signOff',
      'consultation.addAddendum',
      'consultation.withdraw',
    ])
      expect(compared.get(step) ?? 0, step).toBeGreaterThan(0)
  })

  it('after an idempotent repeat and after ending as not treated', async () => {
    const desk = await session()
    const call = desk.call.bind(desk)
    const started = await call('consultation.start', { patientId: 4 })
    const risk = started.script.content.sections.find((s) => s.kind === 'risk')!
    await call('consultation.markSectionShown', { consultationId: started.id, sectionId: risk.id })
    const before = compared.get('consultation.markSectionDiscussed') ?? 0
    const once = await call('consultation.markSectionDiscussed', { consultationId: started.id, sectionId: risk.id })
    // The repeat records nothing and still answers with the state as it stands.
    const again = await call('consultation.markSectionDiscussed', { consultationId: started.id, sectionId: risk.id })
    expect(again.events.length).toBe(once.events.length)
    expect(compared.get('consultation.markSectionDiscussed')).toBe(before + 2)
    const ended = await call('consultation.endNotTreated', { consultationId: started.id, reason: 'The patient wants to think about it.' })
    expect(ended.status).toBe('not_treated')
    expect(ended.endedReason).toBe('The patient wants to think about it.')
    expect(compared.get('consultation.endNotTreated')).toBe(1)
  })
})
