// The consultation calls, bound to their services.
import type { consultationCalls } from '../../../shared/contract/consultation'
import type { HandlersFor } from '../dispatch/types'
import { buildConsentRecord } from './record'
import { signOff } from './sign-off'
import * as steps from './steps'
import { readEvents } from './events'
import { getConsultationRow } from './events'
import { withFollowUpDocument } from '../consents/follow-up'

export const consultationHandlers = {
  'consultation.start': (input, call) => steps.startConsultation(call, input),
  'consultation.get': (input, call) => steps.getForCaller(call, input.consultationId),
  'consultation.listForPatient': (input, { ctx }) => steps.listForPatient(ctx, input.patientId),
  'consultation.listInProgress': (_i, { ctx }) => steps.listInProgress(ctx),
  'consultation.history': (input, { ctx }) => {
    getConsultationRow(ctx, input.consultationId)
    return readEvents(ctx, input.consultationId)
  },
  'consultation.record': (input, { ctx }) => buildConsentRecord(ctx, input.consultationId),

  'consultation.markSectionShown': (input, call) => steps.markSectionShown(call, input),
  'consultation.markSectionDiscussed': (input, call) => steps.markSectionDiscussed(call, input),
  'consultation.recordScreeningAnswer': (input, call) => steps.recordScreeningAnswer(call, input),
  'consultation.recordCautionDecision': (input, call) => steps.recordCautionDecision(call, input),
  'consultation.recordMedicationGuideOffer': (input, call) => steps.recordMedicationGuideOffer(call, input),
  'consultation.saveExpectations': (input, call) => steps.saveExpectations(call, input),
  'consultation.saveTreatmentPlan': (input, call) => steps.saveTreatmentPlan(call, input),
  'consultation.answerFlag': (input, call) => steps.answerFlag(call, input),
  'consultation.enterPatientMode': (input, call) => steps.enterPatientMode(call, input),
  'consultation.exitPatientMode': (input, call) => steps.exitPatientMode(call, input),

  'consultation.acknowledgeSection': (input, call) => steps.acknowledgeSection(call, input),
  'consultation.flagQuestion': (input, call) => steps.flagQuestion(call, input),
  'consultation.answerComprehension': (input, call) => steps.answerComprehension(call, input),
  'consultation.confirmReview': (input, call) => steps.confirmReview(call, input),
  'consultation.recordElectronicSignatureChoice': (input, call) => steps.recordElectronicSignatureChoice(call, input),
  'consultation.signAsPatient': (input, call) => steps.signAsPatient(call, input),
  'consultation.signAsWitness': (input, call) => steps.signAsWitness(call, input),

  'consultation.signOff': (input, call) => signOff(call, input),
  'consultation.endNotTreated': (input, call) => steps.endNotTreated(call, input),
  // Each later entry also gets its own PDF (never an edit of the signed consent); see consent-pdf/follow-up.ts.
  'consultation.withdraw': async (input, call) => withFollowUpDocument(call, input.consultationId, steps.withdraw(call, input)),
  'consultation.addAddendum': async (input, call) => withFollowUpDocument(call, input.consultationId, steps.addAddendum(call, input)),
} satisfies HandlersFor<keyof typeof consultationCalls>
