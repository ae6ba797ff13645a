// Closing the app in the middle of a consultation loses nothing that was
// given: every step was committed before its call returned. After reopening
// the core on the same folder, the consultation is listed as in progress and
// resumes at the first step not done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Core, resourcesDir } from '../../src/main/core'
import { Client } from '../support/core'
import { clinicianPhase, current, openClinic, PASSWORDS, patientPhase, type Clinic } from './fixture'

let k: Clinic
let reopened: Core | null = null
beforeAll(async () => {
  k = await openClinic()
})
afterAll(() => {
  k.core.close()
  reopened?.close()
})

describe('resume after the app is closed', () => {
  it('keeps every step given and resumes at the first one not done', async () => {
    let s = await k.beer.call('consultation.start', { patientId: k.patient.id })
    const id = s.id
    s = await clinicianPhase(k.beer, s)
    s = await k.beer.call('consultation.enterPatientMode', { consultationId: id })
    s = await patientPhase(k.beer, s, { stopAt: 'acknowledge_section:allergic-reactions' })
    s = await k.beer.call('consultation.flagQuestion', { consultationId: id, sectionId: 'allergic-reactions', question: 'Is my hay fever a problem?' })
    const before = s
    expect(current(before)).toBe('acknowledge_section:long-term')

    // The host goes away mid-consultation (its sessions with it).
    k.core.close()
    reopened = Core.open({ dataDir: k.dir, resourcesDir, now: k.clock.now })
    const c = new Client(reopened)
    await c.call('session.login', { username: 'vbeer', password: PASSWORDS.beer })
    expect((await c.call('session.current', {}))?.patientModeConsultationId).toBeNull()

    const open = await c.call('consultation.listInProgress', {})
    expect(open.map((x) => x.id)).toEqual([id])
    const after = await c.call('consultation.get', { consultationId: id })
    expect(after.status).toBe('in_progress')
    expect(after.events).toEqual(before.events)
    expect(after.sections).toEqual(before.sections)
    expect(after.flags).toEqual(before.flags)
    expect(after.plan).toEqual(before.plan)
    expect(after.screening).toEqual(before.screening)
    expect(current(after)).toBe('acknowledge_section:long-term')
    expect(after.progress.current?.phase).toBe('patient')
    expect(after.inPatientMode).toBe(false)

    // The clinician hands the screen back over and the patient carries on where they were.
    let t = await c.call('consultation.enterPatientMode', { consultationId: id })
    t = await patientPhase(c, t)
    expect(current(t)).toBe('answer_flags')
    expect(t.sections.filter((x) => x.acknowledgedAt).length).toBe(t.sections.filter((x) => x.needsAcknowledgment).length - 1)
  })

  it('does not store the shipped script a second time when the core opens again', () => {
    const n = (reopened!.ctx.db.prepare("SELECT count(*) AS n FROM scripts WHERE script_id = 'botox-cosmetic'").get() as { n: number }).n
    expect(n).toBe(1)
  })
})
