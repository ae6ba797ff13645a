// The consultation calls, bound to their services.
import type { consultationCalls } from '../../../shared/contract/consultation'
import type { HandlersFor } from '../dispatch/types'
import { buildConsentRecord } from './record'
import { signOff } from './sign-off'
import { acknowledgeSection, answerComprehension, confirmReview, enterPatientMode, exitPatientMode, flagQuestion, recordElectronicSignatureChoice } from './patient-mode'
import { addAddendum, endNotTreated, withdraw } from './ending'
import {
  answerFlag,
  markSectionDiscussed,
  markSectionShown,
  recordCautionDecision,
  recordMedicationGuideOffer,
  recordScreeningAnswer,
  saveExpectations,
  saveTreatmentPlan,
  startConsultation,
} from './clinician-phase'
import { getForCaller, listForPatient, listInProgress } from './reading'
import { signAsPatient, signAsWitness } from './signatures'
import { readEvents } from './events'
import { getConsultationRow } from './events'
import { withFollowUpDocument } from '../consents/follow-up'

export const consultationHandlers = {
  'consultation.start': (input, call) => startConsultation(call, input),
  'consultation.get': (input, call) => getForCaller(call, input.consultationId),
  'consultation.listForPatient': (input, { ctx }) => listForPatient(ctx, input.patientId),
  'consultation.listInProgress': (_i, { ctx }) => listInProgress(ctx),
  'consultation.history': (input, { ctx }) => {
    getConsultationRow(ctx, input.consultationId)
    return readEvents(ctx, input.consultationId)
  },
  'consultation.record': (input, { ctx }) => buildConsentRecord(ctx, input.consultationId),

  'consultation.markSectionShown': (input, call) => markSectionShown(call, input),
  'consultation.markSectionDiscussed': (input, call) => markSectionDiscussed(call, input),
  'consultation.recordScreeningAnswer': (input, call) => recordScreeningAnswer(call, input),
  'consultation.recordCautionDecision': (input, call) => recordCautionDecision(call, input),
  'consultation.recordMedicationGuideOffer': (input, call) => recordMedicationGuideOffer(call, input),
  'consultation.saveExpectations': (input, call) => saveExpectations(call, input),
  'consultation.saveTreatmentPlan': (input, call) => saveTreatmentPlan(call, input),
  'consultation.answerFlag': (input, call) => answerFlag(call, input),
  'consultation.enterPatientMode': (input, call) => enterPatientMode(call, input),
  'consultation.exitPatientMode': (input, call) => exitPatientMode(call, input),

  'consultation.acknowledgeSection': (input, call) => acknowledgeSection(call, input),
  'consultation.flagQuestion': (input, call) => flagQuestion(call, input),
  'consultation.answerComprehension': (input, call) => answerComprehension(call, input),
  'consultation.confirmReview': (input, call) => confirmReview(call, input),
  'consultation.recordElectronicSignatureChoice': (input, call) => recordElectronicSignatureChoice(call, input),
  'consultation.signAsPatient': (input, call) => signAsPatient(call, input),
  'consultation.signAsWitness': (input, call) => signAsWitness(call, input),

  'consultation.signOff': (input, call) => signOff(call, input),
  'consultation.endNotTreated': (input, call) => endNotTreated(call, input),
  // Each later entry also gets its own PDF (never an edit of the signed consent); see consents/follow-up.ts.
  'consultation.withdraw': async (input, call) => withFollowUpDocument(call, input.consultationId, withdraw(call, input)),
  'consultation.addAddendum': async (input, call) => withFollowUpDocument(call, input.consultationId, addAddendum(call, input)),
} satisfies HandlersFor<keyof typeof consultationCalls>
