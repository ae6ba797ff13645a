// Translation keys for codes the core sends (audit actions, document kinds),
// written out in full so the catalog check can see every one.
import type { ConsentDocumentKind, ConsentHistoryEntry } from '../../../../shared/contract/consents'

export const KIND_KEYS: Record<ConsentDocumentKind, string> = {
  consent: 'consents:kind.consent',
  paper_consent: 'consents:kind.paper_consent',
  withdrawal: 'consents:kind.withdrawal',
  addendum: 'consents:kind.addendum',
}

const HISTORY_KEYS: Record<string, string> = {
  'consultation.start': 'consents:history.consultation.start',
  'consultation.patient_mode_entered': 'consents:history.consultation.patient_mode_entered',
  'consultation.patient_mode_exited': 'consents:history.consultation.patient_mode_exited',
  'consultation.question_flagged': 'consents:history.consultation.question_flagged',
  'consultation.flag_answered': 'consents:history.consultation.flag_answered',
  'consultation.review_confirmed': 'consents:history.consultation.review_confirmed',
  'consultation.esignature_choice': 'consents:history.consultation.esignature_choice',
  'consultation.patient_signed': 'consents:history.consultation.patient_signed',
  'consultation.witness_signed': 'consents:history.consultation.witness_signed',
  'consultation.sign_off': 'consents:history.consultation.sign_off',
  'consultation.ended_not_treated': 'consents:history.consultation.ended_not_treated',
  'consultation.withdrawn': 'consents:history.consultation.withdrawn',
  'consultation.addendum': 'consents:history.consultation.addendum',
  'consent_document.store': 'consents:history.consent_document.store',
  'consent_document.store_withdrawal': 'consents:history.consent_document.store_withdrawal',
  'consent_document.store_addendum': 'consents:history.consent_document.store_addendum',
  'consent_document.save': 'consents:history.consent_document.save',
  'consent_document.print': 'consents:history.consent_document.print',
}

/** The key and values for one history line; falls back to the core's English for an action this version does not know. */
export function historyKey(h: ConsentHistoryEntry): { key: string; values: Record<string, string> } | null {
  if (h.action === 'consent_document.save' && h.how === 'download') return { key: 'consents:history.consent_document.download', values: {} }
  const key = HISTORY_KEYS[h.action]
  return key ? { key, values: { printer: h.printer ?? '' } } : null
}
