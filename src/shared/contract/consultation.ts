// The consultation and its script, as calls.
//
// THE FLOW (the core enforces it; `consultation.get` returns `progress.current`,
// the first step not yet done, which is where a screen resumes after a restart):
//
// Clinician phase (clinician's session, no patient mode):
//   consultation.start({patientId, scriptStoredId?}) pins the script version
//   (default: the newest stored version of the shipped default script).
//   For each section except the comprehension section, in script order:
//     markSectionShown when it appears (every showing is stored; the first one
//     times it), then markSectionDiscussed.
//   Screening section: recordScreeningAnswer for every question. An answer that
//     raises a contraindication closes the path to signing (`blocks`); the only
//     way on is endNotTreated({reason}). An answer that raises a caution needs
//     recordCautionDecision({optionId, note}) before the patient phase; an option
//     with allowsTreatment=false also blocks. Answers may be changed (a new row
//     supersedes) until the patient has signed.
//   Medication-guide section: recordMedicationGuideOffer({accepted}).
//   Expectations section: saveExpectations. Treatment-plan section:
//     saveTreatmentPlan (lot and expiry checked against the core's clock; total
//     units computed by the core).
//   enterPatientMode: refused until all of the above is done and nothing blocks.
//
// Patient phase (the session is pinned to this consultation; the core refuses
// every call not marked `patientMode` and every call for another consultation):
//   For each section with an `acknowledgment` (every risk section):
//     acknowledgeSection({initials}) or flagQuestion({question}).
//   Comprehension: answerComprehension for each question. Every attempt is
//     stored. A wrong answer returns `revisitSectionId`: show that section and
//     call markSectionShown for it, THEN the patient may answer again (the core
//     refuses a new attempt before the section was shown again).
//   Unanswered flags: the patient cannot confirm the review. The clinician takes
//     the screen back with exitPatientMode({password}) (a wrong password keeps
//     patient mode), answerFlag({flagEventId, note}), enterPatientMode again;
//     the patient then acknowledges the flagged section.
//   confirmReview({confirmed: true}) after a read-only summary.
//   recordElectronicSignatureChoice({choice}): 'decline' = paper route: no
//     on-screen patient signature; the clinician completes sign-off and the
//     consent PDF is printed for a wet-ink signature.
//   signAsPatient({typedName, strokes, imagePng}) ('agree' route only), then
//   optionally signAsWitness({witnessName, strokes, imagePng}).
//
// Sign-off (clinician): exitPatientMode({password}), then
//   signOff({password, strokes, imagePng, statementConfirmed: true}). Only the
//   consultation's clinician signs off. The consultation is then frozen.
//   Afterwards only withdraw({reason}) and addAddendum({text}) are possible.
//
// Resuming: `progress.current` is the first step not done. If its phase is
// 'patient' and `inPatientMode` is false (e.g. after a restart), offer the
// clinician enterPatientMode; if it is 'answer_flags' while in patient mode,
// ask the patient to hand the screen back. `blocks` non-empty: show the plain
// explanations and offer only endNotTreated.
//
// Every call that records something is one committed transaction with its
// audit row, and (except list/get/history/record) returns the fresh state.
// Refusals: 'forbidden' (role, or not this consultation's clinician),
// 'patient_mode' (screen is with a patient), 'invalid_state' (not at this
// step yet, with a plain reason), 'frozen' (signed off / not treated),
// 'validation' with `fields` (e.g. typedName name_mismatch, strokes
// signature_too_short, expiryDate lot_expired), 'wrong_password', 'rate_limited'.
import { z } from 'zod'
import { defineCall, roles, type Access } from './define'
import { id, isoDate, line, paragraph, password } from './fields'
import type { ConsentRecord, ConsultationEvent, ConsultationState, ConsultationSummary } from '../consultation'

// ---- Field schemas ----

const itemId = z
  .string({ error: 'required' })
  .max(60, 'invalid')
  .regex(/^[a-z][a-z0-9-]{0,59}$/, 'invalid')

const consultationId = id

/** The patient's initials: 1 to 5 letters, optionally with dots or spaces ("J.D.", "MdlC"). */
export const initials = line(12).check((ctx) => {
  const letters = ctx.value.replace(/[.\s'-]/g, '')
  if (ctx.value && !/^\p{L}{1,5}$/u.test(letters)) ctx.issues.push({ code: 'custom', message: 'invalid_initials', input: ctx.value })
})

const MAX_STROKES = 60
const MAX_POINTS_PER_STROKE = 3000
const MAX_POINTS = 12000
/** 600 KB of base64 is ~450 KB of PNG: a signature pad image is far smaller. */
export const MAX_SIGNATURE_IMAGE_CHARS = 600_000

const coordinate = z.number({ error: 'invalid' }).finite('invalid').min(-10_000, 'invalid').max(10_000, 'invalid')

export const strokePoint = z
  .object({
    x: coordinate,
    y: coordinate,
    t: z.number({ error: 'invalid' }).finite('invalid').min(0, 'invalid').max(3_600_000, 'invalid'),
    pressure: z.number().finite('invalid').min(0, 'invalid').max(1, 'invalid').optional(),
  })
  .strict()

export const strokes = z
  .array(z.array(strokePoint).min(1, 'signature_empty').max(MAX_POINTS_PER_STROKE, 'signature_too_large'), { error: 'required' })
  .max(MAX_STROKES, 'signature_too_large')
  .check((ctx) => {
    const n = ctx.value.reduce((s, st) => s + st.length, 0)
    if (n > MAX_POINTS) ctx.issues.push({ code: 'custom', message: 'signature_too_large', input: ctx.value })
  })

export const signatureImage = z
  .string({ error: 'required' })
  .max(MAX_SIGNATURE_IMAGE_CHARS, 'signature_image_too_large')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, 'signature_image_invalid')

const byConsultation = z.object({ consultationId }).strict()
const sectionStep = z.object({ consultationId, sectionId: itemId }).strict()

// ---- Access rules ----

const clinician = roles('clinician')
/** Calls the patient makes on the handed-over screen; the handler checks the pinned consultation. */
const patientStep: Access = { kind: 'user', roles: ['clinician'], patientMode: true }
/** Reading a consultation: the clinician (also in patient mode, for this one) and staff. */
const reader: Access = { kind: 'user', roles: ['clinician', 'staff'], patientMode: true }

export const consultationCalls = {
  // ---- Starting, reading, listing ----
  'consultation.start': defineCall<ConsultationState>()({
    input: z.object({ patientId: id, scriptStoredId: id.optional() }).strict(),
    access: clinician,
  }),
  'consultation.get': defineCall<ConsultationState>()({
    input: byConsultation,
    access: reader,
  }),
  'consultation.listForPatient': defineCall<ConsultationSummary[]>()({
    input: z.object({ patientId: id }).strict(),
    access: roles('clinician', 'staff'),
  }),
  /** Consultations still in progress (newest first): where a clinician resumes after a restart. */
  'consultation.listInProgress': defineCall<ConsultationSummary[]>()({
    input: z.object({}).strict(),
    access: clinician,
  }),
  'consultation.history': defineCall<ConsultationEvent[]>()({
    input: byConsultation,
    access: roles('clinician', 'staff'),
  }),
  /** The complete record (what the consent PDF prints). */
  'consultation.record': defineCall<ConsentRecord>()({
    input: byConsultation,
    access: roles('clinician', 'staff'),
  }),

  // ---- Clinician phase ----
  /** Also callable in patient mode: the revisit after a wrong comprehension answer. */
  'consultation.markSectionShown': defineCall<ConsultationState>()({
    input: sectionStep,
    access: { kind: 'user', roles: ['clinician'], patientMode: true },
  }),
  'consultation.markSectionDiscussed': defineCall<ConsultationState>()({
    input: sectionStep,
    access: clinician,
  }),
  'consultation.recordScreeningAnswer': defineCall<ConsultationState>()({
    input: z
      .object({
        consultationId,
        questionId: itemId,
        answer: z.enum(['yes', 'no'], { error: 'required' }),
        details: paragraph(1000, { required: false }).default(''),
      })
      .strict(),
    access: clinician,
  }),
  'consultation.recordCautionDecision': defineCall<ConsultationState>()({
    input: z.object({ consultationId, questionId: itemId, optionId: itemId, note: paragraph(1000) }).strict(),
    access: clinician,
  }),
  'consultation.recordMedicationGuideOffer': defineCall<ConsultationState>()({
    input: z.object({ consultationId, accepted: z.boolean({ error: 'required' }) }).strict(),
    access: clinician,
  }),
  'consultation.saveExpectations': defineCall<ConsultationState>()({
    input: z
      .object({
        consultationId,
        goals: paragraph(2000),
        areaIds: z.array(itemId).max(30, 'too_many').default([]),
        otherAreas: paragraph(500, { required: false }).default(''),
        timelineAcknowledged: z.literal(true, { error: 'must_acknowledge_timeline' }),
      })
      .strict()
      .check((ctx) => {
        if (ctx.value.areaIds.length === 0 && ctx.value.otherAreas === '') ctx.issues.push({ code: 'custom', path: ['areaIds'], message: 'required', input: ctx.value.areaIds })
      }),
    access: clinician,
  }),
  'consultation.saveTreatmentPlan': defineCall<ConsultationState>()({
    input: z
      .object({
        consultationId,
        productId: itemId,
        lotNumber: line(40),
        expiryDate: isoDate,
        dilution: z
          .object({
            vialUnits: z.number({ error: 'required' }).int('invalid').positive('invalid').max(1000, 'too_large'),
            diluentMl: z.number({ error: 'required' }).positive('invalid').max(20, 'too_large'),
          })
          .strict(),
        sites: z
          .array(
            z
              .object({
                site: line(120),
                /** Units in steps of 0.5. */
                units: z
                  .number({ error: 'required' })
                  .positive('invalid')
                  .max(500, 'too_large')
                  .refine((u) => Number.isInteger(u * 2), 'units_in_half_steps'),
              })
              .strict(),
          )
          .min(1, 'required')
          .max(40, 'too_many'),
      })
      .strict(),
    access: clinician,
  }),
  'consultation.answerFlag': defineCall<ConsultationState>()({
    input: z.object({ consultationId, flagEventId: id, note: paragraph(2000) }).strict(),
    access: clinician,
  }),
  'consultation.enterPatientMode': defineCall<ConsultationState>()({
    input: byConsultation,
    access: clinician,
  }),
  /** The clinician takes the screen back; a wrong password keeps patient mode. */
  'consultation.exitPatientMode': defineCall<ConsultationState>()({
    input: z.object({ consultationId, password }).strict(),
    access: patientStep,
  }),

  // ---- Patient phase (patient mode on this consultation) ----
  'consultation.acknowledgeSection': defineCall<ConsultationState>()({
    input: z.object({ consultationId, sectionId: itemId, initials }).strict(),
    access: patientStep,
  }),
  'consultation.flagQuestion': defineCall<ConsultationState>()({
    input: z.object({ consultationId, sectionId: itemId, question: paragraph(1000, { required: false }).default('') }).strict(),
    access: patientStep,
  }),
  'consultation.answerComprehension': defineCall<{ correct: boolean; revisitSectionId: string | null; state: ConsultationState }>()({
    input: z.object({ consultationId, questionId: itemId, optionId: itemId }).strict(),
    access: patientStep,
  }),
  'consultation.confirmReview': defineCall<ConsultationState>()({
    input: z.object({ consultationId, confirmed: z.literal(true, { error: 'must_confirm' }) }).strict(),
    access: patientStep,
  }),
  'consultation.recordElectronicSignatureChoice': defineCall<ConsultationState>()({
    input: z.object({ consultationId, choice: z.enum(['agree', 'decline'], { error: 'required' }) }).strict(),
    access: patientStep,
  }),
  'consultation.signAsPatient': defineCall<ConsultationState>()({
    input: z.object({ consultationId, typedName: line(250), strokes, imagePng: signatureImage }).strict(),
    access: patientStep,
  }),
  'consultation.signAsWitness': defineCall<ConsultationState>()({
    input: z.object({ consultationId, witnessName: line(200), strokes, imagePng: signatureImage }).strict(),
    access: patientStep,
  }),

  // ---- Ending ----
  'consultation.signOff': defineCall<ConsultationState>()({
    input: z
      .object({
        consultationId,
        password,
        strokes,
        imagePng: signatureImage,
        statementConfirmed: z.literal(true, { error: 'must_confirm' }),
      })
      .strict(),
    access: clinician,
  }),
  'consultation.endNotTreated': defineCall<ConsultationState>()({
    input: z.object({ consultationId, reason: paragraph(1000) }).strict(),
    access: clinician,
  }),
  /** After sign-off: the patient withdraws consent (their reason, recorded by the clinician). */
  'consultation.withdraw': defineCall<ConsultationState>()({
    input: z.object({ consultationId, reason: paragraph(1000) }).strict(),
    access: clinician,
  }),
  /** After sign-off or not-treated: a dated note added to the record. */
  'consultation.addAddendum': defineCall<ConsultationState>()({
    input: z.object({ consultationId, text: paragraph(4000) }).strict(),
    access: clinician,
  }),
}
