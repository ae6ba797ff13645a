// A whole consultation through the core's single entrance with real sessions
// (the clinician's, and the same session handed to the patient), and every
// refusal along the way: wrong role, wrong state, patient-mode isolation,
// flags, comprehension, names and signatures, sign-off and freezing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE_NAME, verifyAuditChain, buildConsentRecord } from '../../src/main/core'
import { canonicalRecordHash, signedOffRecordHolds } from '../../src/main/core/testing'
import type { ConsultationState } from '../../src/shared/consultation'
import { Client } from '../support/core'
import { clinicianPhase, current, drawnSignature, openClinic, PASSWORDS, patientPhase, pngDataUrl, type Clinic } from './fixture'

let k: Clinic
beforeAll(async () => {
  k = await openClinic()
})
afterAll(() => k.core.close())

const sig = () => ({ strokes: drawnSignature(), imagePng: pngDataUrl() })

describe('a whole consultation, from start to sign-off and afterwards', () => {
  let s: ConsultationState
  let id: number

  it('only a clinician can start one; it pins the stored script version', async () => {
    expect((await k.staff.fail('consultation.start', { patientId: k.patient.id })).code).toBe('forbidden')
    expect((await k.admin.fail('consultation.start', { patientId: k.patient.id })).code).toBe('forbidden')
    s = await k.beer.call('consultation.start', { patientId: k.patient.id })
    id = s.id
    const scripts = await k.beer.call('scriptLibrary.list', {})
    const shipped = scripts.find((x) => x.scriptId === 'botox-cosmetic' && x.version === 1)!
    expect(s.status).toBe('in_progress')
    expect(s.script).toMatchObject({ storedId: shipped.storedId, sha256: shipped.sha256, version: 1, language: 'en' })
    expect(s.events.map((e) => e.kind)).toEqual(['started'])
    expect(current(s)).toBe('discuss_section:welcome')
  })

  it('refuses recording a section before it is shown, and steps for a section the script does not have', async () => {
    expect((await k.beer.fail('consultation.markSectionDiscussed', { consultationId: id, sectionId: 'welcome' })).code).toBe('invalid_state')
    expect((await k.beer.fail('consultation.recordScreeningAnswer', { consultationId: id, questionId: 'allergy-toxin', answer: 'no' })).code).toBe('invalid_state')
    const e = await k.beer.fail('consultation.markSectionShown', { consultationId: id, sectionId: 'no-such-part' })
    expect(e).toMatchObject({ code: 'validation', fields: [{ path: 'sectionId', code: 'no_such_section' }] })
  })

  it('lets only the clinician who started it lead it; staff can read it, administrators cannot', async () => {
    expect((await k.other.fail('consultation.markSectionShown', { consultationId: id, sectionId: 'welcome' })).code).toBe('forbidden')
    expect((await k.staff.fail('consultation.markSectionShown', { consultationId: id, sectionId: 'welcome' })).code).toBe('forbidden')
    expect((await k.staff.call('consultation.get', { consultationId: id })).id).toBe(id)
    expect((await k.admin.fail('consultation.get', { consultationId: id })).code).toBe('forbidden')
  })

  it('records the first showing and the discussion of each section with their times', async () => {
    s = await k.beer.call('consultation.markSectionShown', { consultationId: id, sectionId: 'welcome' })
    k.clock.advance(30_000)
    s = await k.beer.call('consultation.markSectionShown', { consultationId: id, sectionId: 'welcome' })
    s = await k.beer.call('consultation.markSectionDiscussed', { consultationId: id, sectionId: 'welcome' })
    const w = s.sections.find((x) => x.sectionId === 'welcome')!
    expect(w.firstShownAt).toBeTruthy()
    expect(w.discussionMs).toBeGreaterThan(30_000)
    expect(s.events.filter((e) => e.kind === 'section_shown')).toHaveLength(2)
    const ev = s.events.find((e) => e.kind === 'section_discussed')!
    expect(ev).toMatchObject({ by: 'clinician', sectionId: 'welcome', sectionHash: s.script.sectionHashes.welcome, sessionUser: { displayName: 'Dr. Victor Beer' } })
    // Marking it again records nothing new.
    s = await k.beer.call('consultation.markSectionDiscussed', { consultationId: id, sectionId: 'welcome' })
    expect(s.events.filter((e) => e.kind === 'section_discussed')).toHaveLength(1)
  })

  it('does not hand the screen over before the clinician part is done', async () => {
    expect((await k.beer.fail('consultation.enterPatientMode', { consultationId: id })).code).toBe('invalid_state')
  })

  it('goes through the clinician part, step by step as progress asks', async () => {
    s = await clinicianPhase(k.beer, s)
    expect(current(s)).toBe('enter_patient_mode')
    expect(s.blocks).toEqual([])
    expect(s.plan).toMatchObject({ totalUnits: 20.5, productName: 'onabotulinumtoxinA', dilution: { unitsPerMl: 40 } })
    expect(s.medicationGuide).toMatchObject({ accepted: true })
    expect(s.screening).toHaveLength(13)
  })

  it('refuses patient steps while the clinician holds the screen', async () => {
    const e = await k.beer.fail('consultation.acknowledgeSection', { consultationId: id, sectionId: 'side-effects', initials: 'ZN' })
    expect(e.code).toBe('invalid_state')
  })

  it('in patient mode, refuses everything but this consultation’s patient steps', async () => {
    const other = await k.beer.call('consultation.start', { patientId: k.patient2.id }) // started before handing over
    s = await k.beer.call('consultation.enterPatientMode', { consultationId: id })
    expect(s.inPatientMode).toBe(true)
    expect((await k.beer.call('session.current', {}))?.patientModeConsultationId).toBe(id)
    expect((await k.beer.fail('patients.search', { query: '' })).code).toBe('patient_mode')
    expect((await k.beer.fail('consultation.get', { consultationId: other.id })).code).toBe('patient_mode')
    expect((await k.beer.fail('consultation.markSectionShown', { consultationId: other.id, sectionId: 'welcome' })).code).toBe('patient_mode')
    expect((await k.beer.fail('consultation.markSectionDiscussed', { consultationId: id, sectionId: 'goals' })).code).toBe('patient_mode')
    expect((await k.beer.fail('consultation.saveTreatmentPlan', { consultationId: id, productId: 'x' })).code).toBe('patient_mode')
    expect((await k.beer.fail('consultation.signOff', { consultationId: id })).code).toBe('patient_mode')
    expect((await k.beer.fail('session.logout', {})).code).toBe('patient_mode')
    expect((await k.beer.call('consultation.get', { consultationId: id })).id).toBe(id)
    // Another clinician's own session is not affected.
    expect((await k.other.call('patients.search', { query: '' })).length).toBeGreaterThan(0)
  })

  it('lets the patient flag a question, which must be answered before they can go on to sign', async () => {
    s = await k.beer.call('consultation.markSectionShown', { consultationId: id, sectionId: 'injection-errors' })
    s = await k.beer.call('consultation.acknowledgeSection', { consultationId: id, sectionId: 'injection-errors', initials: 'Z.Ñ.' })
    const ack = s.events.find((e) => e.kind === 'acknowledged')!
    expect(ack).toMatchObject({ by: 'patient', sectionId: 'injection-errors', sectionHash: s.script.sectionHashes['injection-errors'], initials: 'Z.Ñ.' })
    expect((await k.beer.fail('consultation.acknowledgeSection', { consultationId: id, sectionId: 'injection-errors', initials: 'ZN' })).code).toBe('invalid_state')
    expect((await k.beer.fail('consultation.acknowledgeSection', { consultationId: id, sectionId: 'safety', initials: '12' })).fields?.[0]).toMatchObject({
      path: 'initials',
      code: 'invalid_initials',
    })
    s = await k.beer.call('consultation.flagQuestion', { consultationId: id, sectionId: 'side-effects', question: 'How long does bruising last?' })
    expect(s.flags).toMatchObject([{ sectionId: 'side-effects', question: 'How long does bruising last?', answer: null }])
    expect((await k.beer.fail('consultation.acknowledgeSection', { consultationId: id, sectionId: 'side-effects', initials: 'ZN' })).code).toBe('invalid_state')
  })

  it('after a wrong comprehension answer, asks for the section again before the next attempt; keeps every attempt', async () => {
    const r = await k.beer.call('consultation.answerComprehension', { consultationId: id, questionId: 'q-onset', optionId: 'same-day' })
    expect(r).toMatchObject({ correct: false, revisitSectionId: 'goals' })
    expect(r.state.comprehension.find((c) => c.questionId === 'q-onset')?.mustRevisitSectionId).toBe('goals')
    const again = await k.beer.fail('consultation.answerComprehension', { consultationId: id, questionId: 'q-onset', optionId: 'two-weeks' })
    expect(again.code).toBe('invalid_state')
    s = await k.beer.call('consultation.markSectionShown', { consultationId: id, sectionId: 'goals' })
    expect(s.events[s.events.length - 1]).toMatchObject({ kind: 'section_shown', by: 'patient', sectionId: 'goals' })
    const r2 = await k.beer.call('consultation.answerComprehension', { consultationId: id, questionId: 'q-onset', optionId: 'two-weeks' })
    expect(r2.correct).toBe(true)
    expect(r2.state.comprehension.find((c) => c.questionId === 'q-onset')).toMatchObject({ passed: true, attempts: [{ correct: false }, { correct: true }] })
    expect((await k.beer.fail('consultation.answerComprehension', { consultationId: id, questionId: 'q-onset', optionId: 'two-weeks' })).code).toBe('invalid_state')
  })

  it('stops at the unanswered flag; the clinician takes the screen back only with their password', async () => {
    s = await patientPhase(k.beer, await k.beer.call('consultation.get', { consultationId: id }))
    expect(current(s)).toBe('answer_flags')
    expect((await k.beer.fail('consultation.confirmReview', { consultationId: id, confirmed: true })).code).toBe('invalid_state')
    const wrong = await k.beer.fail('consultation.exitPatientMode', { consultationId: id, password: 'not my password' })
    expect(wrong.code).toBe('wrong_password')
    expect((await k.beer.call('session.current', {}))?.patientModeConsultationId).toBe(id)
    expect((await k.beer.fail('consultation.answerFlag', { consultationId: id, flagEventId: s.flags[0]!.flagEventId, note: 'x' })).code).toBe('patient_mode')
    s = await k.beer.call('consultation.exitPatientMode', { consultationId: id, password: PASSWORDS.beer })
    expect(s.inPatientMode).toBe(false)
    expect((await k.beer.call('session.current', {}))?.patientModeConsultationId).toBeNull()
    s = await k.beer.call('consultation.answerFlag', {
      consultationId: id,
      flagEventId: s.flags[0]!.flagEventId,
      note: 'Usually a few days; a cold pack helps.',
    })
    expect(s.flags[0]?.answer).toMatchObject({ note: 'Usually a few days; a cold pack helps.', by: { displayName: 'Dr. Victor Beer' } })
    expect(current(s)).toBe('acknowledge_section:side-effects')
    s = await k.beer.call('consultation.enterPatientMode', { consultationId: id })
    s = await patientPhase(k.beer, s)
    expect(current(s)).toBe('confirm_review')
  })

  it('takes the review, the e-signature choice, then the patient’s own name and a real signature', async () => {
    expect((await k.beer.fail('consultation.signAsPatient', { consultationId: id, typedName: 'Zoë Ñúñez-Øberg', ...sig() })).code).toBe('invalid_state')
    s = await k.beer.call('consultation.confirmReview', { consultationId: id, confirmed: true })
    expect((await k.beer.fail('consultation.confirmReview', { consultationId: id, confirmed: false })).fields?.[0]?.code).toBe('must_confirm')
    s = await k.beer.call('consultation.recordElectronicSignatureChoice', { consultationId: id, choice: 'agree' })
    expect(current(s)).toBe('patient_signature')

    const mismatch = await k.beer.fail('consultation.signAsPatient', { consultationId: id, typedName: 'Hans Müller', ...sig() })
    expect(mismatch).toMatchObject({ code: 'validation', fields: [{ path: 'typedName', code: 'name_mismatch' }] })
    const short = await k.beer.fail('consultation.signAsPatient', {
      consultationId: id,
      typedName: 'Zoë Ñúñez-Øberg',
      strokes: drawnSignature(1, 8),
      imagePng: pngDataUrl(),
    })
    expect(short.fields?.[0]).toMatchObject({ path: 'strokes', code: 'signature_too_short' })
    const tiny = await k.beer.fail('consultation.signAsPatient', {
      consultationId: id,
      typedName: 'Zoë Ñúñez-Øberg',
      strokes: [Array.from({ length: 30 }, (_, i) => ({ x: 100 + (i % 5), y: 100 + (i % 3), t: i * 10 }))],
      imagePng: pngDataUrl(),
    })
    expect(tiny.fields?.[0]).toMatchObject({ path: 'strokes', code: 'signature_too_small' })
    const empty = await k.beer.fail('consultation.signAsPatient', { consultationId: id, typedName: 'Zoë Ñúñez-Øberg', strokes: [], imagePng: pngDataUrl() })
    expect(empty.fields?.[0]).toMatchObject({ path: 'strokes', code: 'signature_empty' })
    const notPng = await k.beer.fail('consultation.signAsPatient', {
      consultationId: id,
      typedName: 'Zoë Ñúñez-Øberg',
      strokes: drawnSignature(),
      imagePng: 'data:image/png;base64,' + Buffer.from('GIF89a not a png at all, really not').toString('base64'),
    })
    expect(notPng.fields?.[0]).toMatchObject({ path: 'imagePng', code: 'signature_image_invalid' })
    expect((await k.beer.call('consultation.get', { consultationId: id })).signatures).toEqual([])

    // Case, accents and spacing do not matter; family name first is accepted.
    s = await k.beer.call('consultation.signAsPatient', { consultationId: id, typedName: '  zoe   NUNEZ-oberg ', ...sig() })
    expect(s.signatures).toMatchObject([{ role: 'patient', name: 'Zoë Ñúñez-Øberg', strokeCount: 2, pointCount: 50 }])
    expect(s.firstSectionToSignatureMs).toBeGreaterThan(0)
    expect(current(s)).toBe('exit_patient_mode')
    expect((await k.beer.fail('consultation.signAsPatient', { consultationId: id, typedName: 'Zoë Ñúñez-Øberg', ...sig() })).code).toBe('invalid_state')
  })

  it('accepts an optional witness, who must not be the patient', async () => {
    expect((await k.beer.fail('consultation.signAsWitness', { consultationId: id, witnessName: 'zoe nunez-oberg', ...sig() })).fields?.[0]?.code).toBe('witness_is_patient')
    s = await k.beer.call('consultation.signAsWitness', { consultationId: id, witnessName: 'Nina Nurse', ...sig() })
    expect(s.signatures.map((x) => x.role)).toEqual(['patient', 'witness'])
  })

  it('is signed off only by its own clinician, with password, signature and statement; then frozen', async () => {
    s = await k.beer.call('consultation.exitPatientMode', { consultationId: id, password: PASSWORDS.beer })
    expect(s.readyForSignOff).toBe(true)
    expect(current(s)).toBe('sign_off')
    const input = { consultationId: id, password: PASSWORDS.beer, statementConfirmed: true as const, ...sig() }
    expect((await k.other.fail('consultation.signOff', { ...input, password: PASSWORDS.other })).code).toBe('forbidden')
    expect((await k.staff.fail('consultation.signOff', input)).code).toBe('forbidden')
    expect((await k.beer.fail('consultation.signOff', { ...input, statementConfirmed: false })).fields?.[0]?.code).toBe('must_confirm')
    expect((await k.beer.fail('consultation.signOff', { ...input, password: 'wrong' })).code).toBe('wrong_password')
    expect((await k.beer.fail('consultation.signOff', { ...input, strokes: drawnSignature(1, 5) })).code).toBe('validation')
    s = await k.beer.call('consultation.signOff', input)
    expect(s.status).toBe('signed_off')
    expect(s.progress.current).toBeNull()
    expect(s.signatures.map((x) => x.role)).toEqual(['patient', 'witness', 'clinician'])

    const record = buildConsentRecord(k.core.ctx, id)
    const row = k.core.ctx.db.prepare('SELECT record_sha256, ended_at FROM consultations WHERE id = ?').get(id) as { record_sha256: string; ended_at: string }
    // The hash fixed at sign-off is the hash of the record as stored.
    expect(canonicalRecordHash(record)).toBe(row.record_sha256)
    expect(record.timings.signedOffAt).toBe(row.ended_at)
    expect(record).toMatchObject({
      status: 'signed_off',
      clinic: { name: 'Harbour Skin Clinic' },
      patient: { givenName: 'Zoë', familyName: 'Ñúñez-Øberg', recordNumber: 'MRN-1001' },
      clinician: { displayName: 'Dr. Victor Beer' },
      script: { scriptId: 'botox-cosmetic', version: 1, sha256: s.script.sha256 },
      esignature: { choice: 'agree' },
      paper: false,
      plan: { totalUnits: 20.5, lotNumber: 'C3709C3' },
    })
    expect(record.signatures.map((x) => [x.role, x.meaning])).toEqual([
      ['patient', 'I consent to the treatment described in this record.'],
      ['witness', "I witnessed the patient's signature."],
      ['clinician', "I have explained the risks and answered the patient's questions."],
    ])
    expect(record.signatures[0]!.strokes).toHaveLength(2)
    expect(record.signatures[0]!.imagePng).toMatch(/^data:image\/png;base64,/)
    expect(record.sections.find((x) => x.sectionId === 'side-effects')).toMatchObject({
      initials: 'Z.Ñ.',
      risks: expect.arrayContaining([expect.objectContaining({ band: 'common' })]),
    })
    expect(record.sections.find((x) => x.sectionId === 'spread-warning')?.boxedWarning?.title).toMatch(/spread/)
    expect(record.flags).toHaveLength(1)
    expect(record.comprehension.find((c) => c.questionId === 'q-onset')?.attempts).toHaveLength(2)
    expect(record.aftercare.length).toBeGreaterThan(3)
  })

  it('refuses every change through the API after sign-off', async () => {
    const tries: [string, unknown][] = [
      ['consultation.markSectionShown', { consultationId: id, sectionId: 'welcome' }],
      ['consultation.recordScreeningAnswer', { consultationId: id, questionId: 'allergy-toxin', answer: 'yes', details: 'x' }],
      [
        'consultation.saveTreatmentPlan',
        {
          consultationId: id,
          productId: 'onabotulinumtoxina',
          lotNumber: 'A1',
          expiryDate: '2030-01-01',
          dilution: { vialUnits: 100, diluentMl: 2.5 },
          sites: [{ site: 'x', units: 4 }],
        },
      ],
      ['consultation.endNotTreated', { consultationId: id, reason: 'changed my mind' }],
      ['consultation.enterPatientMode', { consultationId: id }],
    ]
    for (const [name, input] of tries) expect((await k.beer.fail(name as 'consultation.get', input)).code, name).toBe('frozen')
    expect((await k.beer.fail('consultation.signOff', { consultationId: id, password: PASSWORDS.beer, statementConfirmed: true, ...sig() })).code).toBe('frozen')
  })

  it('refuses changes made straight in SQLite: triggers protect the frozen row and all its events and signatures', () => {
    const db = new Database(join(k.dir, DB_FILE_NAME))
    try {
      expect(() => db.prepare("UPDATE consultations SET status = 'in_progress' WHERE id = ?").run(id)).toThrow(/frozen/)
      expect(() => db.prepare('UPDATE consultations SET ended_reason = ? WHERE id = ?').run('x', id)).toThrow(/frozen/)
      expect(() => db.prepare('DELETE FROM consultations WHERE id = ?').run(id)).toThrow(/append-only/)
      expect(() => db.prepare("UPDATE consultation_events SET data = '{}' WHERE consultation_id = ?").run(id)).toThrow(/append-only/)
      expect(() => db.prepare('DELETE FROM consultation_events WHERE consultation_id = ?').run(id)).toThrow(/append-only/)
      expect(() => db.prepare("UPDATE consultation_signatures SET name = 'Someone Else' WHERE consultation_id = ?").run(id)).toThrow(/append-only/)
      expect(() => db.prepare('DELETE FROM consultation_signatures WHERE consultation_id = ?').run(id)).toThrow(/append-only/)
      expect(() =>
        db
          .prepare(
            `INSERT INTO consultation_events (consultation_id, kind, at, by_role, session_user_id, script_id, script_version, script_language, script_sha256, data)
             SELECT id, 'acknowledged', '2026-01-01', 'patient', clinician_id, 'botox-cosmetic', 1, 'en', script_sha256, '{}' FROM consultations WHERE id = ?`,
          )
          .run(id),
      ).toThrow(/frozen/)
      expect(() => db.prepare('DELETE FROM scripts').run()).toThrow(/append-only/)
    } finally {
      db.close()
    }
  })

  it('after sign-off takes only withdrawal (once, with a reason) and addenda, as new dated events in the history', async () => {
    expect((await k.beer.fail('consultation.withdraw', { consultationId: id, reason: '' })).fields?.[0]).toMatchObject({ path: 'reason', code: 'required' })
    s = await k.other.call('consultation.withdraw', { consultationId: id, reason: 'The patient decided against treatment on reflection.' })
    expect(s.withdrawal?.reason).toBe('The patient decided against treatment on reflection.')
    expect(s.status).toBe('signed_off')
    expect((await k.beer.fail('consultation.withdraw', { consultationId: id, reason: 'again' })).code).toBe('invalid_state')
    s = await k.beer.call('consultation.addAddendum', { consultationId: id, text: 'Patient called on day 3: mild bruising, settling.' })
    expect(s.addenda).toMatchObject([{ text: 'Patient called on day 3: mild bruising, settling.', by: { displayName: 'Dr. Victor Beer' } }])
    const history = await k.staff.call('consultation.history', { consultationId: id })
    expect(history.slice(-2).map((e) => e.kind)).toEqual(['withdrawn', 'addendum'])
    expect((await k.staff.fail('consultation.addAddendum', { consultationId: id, text: 'x' })).code).toBe('forbidden')
    const record = await k.staff.call('consultation.record', { consultationId: id })
    expect(record.withdrawal?.by.displayName).toBe('Dr. Olive Other')
    // What was signed off still hashes to the value fixed at sign-off.
    expect(signedOffRecordHolds(k.core.ctx, id)).toMatchObject({ holds: true })
  })

  it('keeps the audit chain whole, with one audit row per recorded step', () => {
    expect(verifyAuditChain(k.core.ctx.db, k.core.ctx.auditKey).ok).toBe(true)
    const n = (k.core.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity_type = 'consultation' AND entity_id = ?").get(String(id)) as { n: number }).n
    const events = (k.core.ctx.db.prepare("SELECT count(*) AS n FROM consultation_events WHERE consultation_id = ? AND kind <> 'signed'").get(id) as { n: number }).n
    expect(n).toBeGreaterThanOrEqual(events)
  })
})

describe('an edit made behind the app’s back', () => {
  it('is detected: the signed-off record no longer hashes to the value fixed at sign-off', async () => {
    const [signed] = (await k.staff.call('consultation.listForPatient', { patientId: k.patient.id })).filter((c) => c.status === 'signed_off')
    const id = signed!.id
    expect(signedOffRecordHolds(k.core.ctx, id).holds).toBe(true)
    const db = new Database(join(k.dir, DB_FILE_NAME))
    try {
      db.exec('DROP TRIGGER consultation_events_no_update')
      db.prepare(`UPDATE consultation_events SET data = json_set(data, '$.initials', 'XX') WHERE consultation_id = ? AND kind = 'acknowledged'`).run(id)
    } finally {
      db.close()
    }
    expect(signedOffRecordHolds(k.core.ctx, id).holds).toBe(false)
  })
})

describe('screening', () => {
  it('a contraindication blocks the path to signing; the only way on is ending as not treated, with a reason', async () => {
    let s = await k.beer.call('consultation.start', { patientId: k.patient2.id })
    const id = s.id
    expect((await k.beer.fail('consultation.recordScreeningAnswer', { consultationId: id, questionId: 'allergy-ingredient', answer: 'yes' })).code).toBe('invalid_state') // not shown yet
    await k.beer.call('consultation.markSectionShown', { consultationId: id, sectionId: 'health-check' })
    const noDetails = await k.beer.fail('consultation.recordScreeningAnswer', { consultationId: id, questionId: 'allergy-ingredient', answer: 'yes' })
    expect(noDetails.fields?.[0]).toMatchObject({ path: 'details', code: 'required' })
    s = await k.beer.call('consultation.recordScreeningAnswer', {
      consultationId: id,
      questionId: 'allergy-ingredient',
      answer: 'yes',
      details: 'Hives after a milk-containing product',
    })
    expect(s.blocks).toMatchObject([{ kind: 'contraindication', questionId: 'allergy-ingredient', explanation: expect.stringMatching(/must not/) }])
    s = await clinicianPhase(k.beer, s)
    expect(s.blocks).toHaveLength(1)
    expect((await k.beer.fail('consultation.enterPatientMode', { consultationId: id })).code).toBe('invalid_state')
    expect((await k.beer.fail('consultation.signOff', { consultationId: id, password: PASSWORDS.beer, statementConfirmed: true, ...sig() })).code).toBe('invalid_state')
    expect((await k.beer.fail('consultation.endNotTreated', { consultationId: id, reason: '' })).fields?.[0]?.code).toBe('required')
    expect((await k.other.fail('consultation.endNotTreated', { consultationId: id, reason: 'Allergy' })).code).toBe('forbidden')
    expect((await k.beer.fail('consultation.withdraw', { consultationId: id, reason: 'x' })).code).toBe('invalid_state')
    s = await k.beer.call('consultation.endNotTreated', { consultationId: id, reason: 'Allergy to an ingredient (cow’s milk protein).' })
    expect(s).toMatchObject({ status: 'not_treated', endedReason: 'Allergy to an ingredient (cow’s milk protein).' })
    expect(s.progress.current).toBeNull()
    expect((await k.beer.fail('consultation.markSectionShown', { consultationId: id, sectionId: 'welcome' })).code).toBe('frozen')
    s = await k.beer.call('consultation.addAddendum', { consultationId: id, text: 'Referred to allergy clinic.' })
    expect(s.addenda).toHaveLength(1)
    const list = await k.staff.call('consultation.listForPatient', { patientId: k.patient2.id })
    expect(list.find((c) => c.id === id)?.status).toBe('not_treated')
  })

  it('a caution needs the clinician’s recorded decision before going on; a decision not to treat blocks', async () => {
    let s = await k.beer.call('consultation.start', { patientId: k.patient.id })
    const id = s.id
    s = await clinicianPhase(k.beer, s, { pregnancy: { answer: 'yes' } })
    expect(current(s)).toBe('decide_caution:pregnancy')
    expect(s.screening.find((a) => a.questionId === 'pregnancy')).toMatchObject({ raised: 'caution', decision: null })
    expect((await k.beer.fail('consultation.enterPatientMode', { consultationId: id })).code).toBe('invalid_state')
    expect(
      (await k.beer.fail('consultation.recordCautionDecision', { consultationId: id, questionId: 'pregnancy', optionId: 'treat-as-planned', note: 'x' })).fields?.[0],
    ).toMatchObject({ path: 'optionId', code: 'no_such_option' })
    expect((await k.beer.fail('consultation.recordCautionDecision', { consultationId: id, questionId: 'dry-eye', optionId: 'treat-as-planned', note: 'x' })).code).toBe(
      'invalid_state',
    )
    s = await k.beer.call('consultation.recordCautionDecision', { consultationId: id, questionId: 'pregnancy', optionId: 'defer', note: 'Breastfeeding; wait.' })
    expect(s.blocks).toMatchObject([{ kind: 'caution_declined', questionId: 'pregnancy' }])
    s = await k.beer.call('consultation.recordCautionDecision', {
      consultationId: id,
      questionId: 'pregnancy',
      optionId: 'treat-after-discussion',
      note: 'No adequate data explained; patient chooses treatment.',
    })
    expect(s.blocks).toEqual([])
    s = await clinicianPhase(k.beer, s)
    expect(current(s)).toBe('enter_patient_mode')
    // Changing the answer later needs a new decision: the old one was for the old answer.
    s = await k.beer.call('consultation.recordScreeningAnswer', { consultationId: id, questionId: 'pregnancy', answer: 'yes', details: '' })
    expect(current(s)).toBe('decide_caution:pregnancy')
    await k.beer.call('consultation.endNotTreated', { consultationId: id, reason: 'Test ends here.' })
  })
})

describe('treatment plan', () => {
  let id: number
  beforeAll(async () => {
    const s = await k.beer.call('consultation.start', { patientId: k.patient.id })
    id = s.id
    await k.beer.call('consultation.markSectionShown', { consultationId: id, sectionId: 'plan' })
  })
  const plan = (over: Record<string, unknown>) => ({
    consultationId: id,
    productId: 'incobotulinumtoxina',
    lotNumber: 'B-20931',
    expiryDate: '2026-12-31',
    dilution: { vialUnits: 50, diluentMl: 1.25 },
    sites: [{ site: 'procerus', units: 4 }],
    ...over,
  })

  it('refuses an expired lot against the core’s clock, and a missing lot', async () => {
    // The test clock is at 2026-03-02.
    expect((await k.beer.fail('consultation.saveTreatmentPlan', plan({ expiryDate: '2026-03-01' }))).fields?.[0]).toMatchObject({
      path: 'expiryDate',
      code: 'lot_expired',
    })
    expect((await k.beer.fail('consultation.saveTreatmentPlan', plan({ lotNumber: '  ' }))).fields?.[0]).toMatchObject({ path: 'lotNumber', code: 'required' })
    expect((await k.beer.fail('consultation.saveTreatmentPlan', plan({ lotNumber: '#$%' }))).fields?.[0]?.code).toBe('invalid_lot_number')
    expect((await k.beer.fail('consultation.saveTreatmentPlan', plan({ expiryDate: '2026-02-30' }))).fields?.[0]?.code).toBe('invalid_date')
    expect((await k.beer.fail('consultation.saveTreatmentPlan', plan({ productId: 'snake-oil' }))).fields?.[0]?.code).toBe('no_such_product')
    const s = await k.beer.call('consultation.saveTreatmentPlan', plan({ expiryDate: '2026-03-02' })) // expires today: still usable
    expect(s.plan?.expiryDate).toBe('2026-03-02')
  })

  it('computes the total in the core and never takes it from input', async () => {
    expect((await k.beer.fail('consultation.saveTreatmentPlan', { ...plan({}), totalUnits: 999 })).fields?.[0]?.code).toBe('unexpected_field')
    expect((await k.beer.fail('consultation.saveTreatmentPlan', plan({ sites: [{ site: 'x', units: 2.25 }] }))).fields?.[0]?.code).toBe('units_in_half_steps')
    const s = await k.beer.call('consultation.saveTreatmentPlan', plan({ sites: [0.5, 2.5, 2.5, 4, 4, 4, 12, 0.5].map((units, i) => ({ site: `point ${i + 1}`, units })) }))
    expect(s.plan).toMatchObject({ totalUnits: 30, productName: 'incobotulinumtoxinA', dilution: { unitsPerMl: 40 } })
    // A new plan supersedes the old one; both stay in the record.
    expect(s.events.filter((e) => e.kind === 'treatment_plan_saved')).toHaveLength(2)
  })
})

describe('the e-signature choice', () => {
  it('a patient who declines goes to paper: no on-screen signature, the clinician still signs off', async () => {
    const c = k.beer
    let s = await c.call('consultation.start', { patientId: k.patient.id })
    const id = s.id
    s = await clinicianPhase(c, s)
    s = await c.call('consultation.enterPatientMode', { consultationId: id })
    s = await patientPhase(c, s)
    s = await c.call('consultation.confirmReview', { consultationId: id, confirmed: true })
    s = await c.call('consultation.recordElectronicSignatureChoice', { consultationId: id, choice: 'decline' })
    expect(s.paper).toBe(true)
    expect((await c.fail('consultation.signAsPatient', { consultationId: id, typedName: 'Zoë Ñúñez-Øberg', ...sig() })).code).toBe('invalid_state')
    expect(current(s)).toBe('exit_patient_mode')
    s = await c.call('consultation.exitPatientMode', { consultationId: id, password: PASSWORDS.beer })
    s = await c.call('consultation.signOff', { consultationId: id, password: PASSWORDS.beer, statementConfirmed: true, ...sig() })
    expect(s.status).toBe('signed_off')
    const record = await c.call('consultation.record', { consultationId: id })
    expect(record).toMatchObject({ paper: true, esignature: { choice: 'decline' } })
    expect(record.signatures.map((x) => x.role)).toEqual(['clinician'])
  })

  it('a change to the plan after the review makes the patient review again', async () => {
    const c = k.beer
    let s = await c.call('consultation.start', { patientId: k.patient.id })
    const id = s.id
    s = await clinicianPhase(c, s)
    s = await c.call('consultation.enterPatientMode', { consultationId: id })
    s = await patientPhase(c, s)
    s = await c.call('consultation.confirmReview', { consultationId: id, confirmed: true })
    s = await c.call('consultation.exitPatientMode', { consultationId: id, password: PASSWORDS.beer })
    s = await c.call('consultation.saveTreatmentPlan', {
      consultationId: id,
      productId: 'onabotulinumtoxina',
      lotNumber: 'C3709C3',
      expiryDate: '2027-01-31',
      dilution: { vialUnits: 100, diluentMl: 2.5 },
      sites: [{ site: 'procerus', units: 4 }],
    })
    expect(s.review).toBeNull()
    expect(current(s)).toBe('confirm_review')
    await c.call('consultation.endNotTreated', { consultationId: id, reason: 'Test ends here.' })
  })
})

describe('patient mode across clients', () => {
  it('is a property of the session that handed over: another login of the same clinician is not in patient mode', async () => {
    let s = await k.beer.call('consultation.start', { patientId: k.patient2.id })
    s = await clinicianPhase(k.beer, s)
    await k.beer.call('consultation.enterPatientMode', { consultationId: s.id })
    const second = new Client(k.core)
    await second.call('session.login', { username: 'vbeer', password: PASSWORDS.beer })
    expect((await second.fail('consultation.acknowledgeSection', { consultationId: s.id, sectionId: 'side-effects', initials: 'HM' })).code).toBe('invalid_state')
    await k.beer.call('consultation.exitPatientMode', { consultationId: s.id, password: PASSWORDS.beer })
    const open = await second.call('consultation.listInProgress', {})
    expect(open.map((x) => x.id)).toContain(s.id)
  })
})
