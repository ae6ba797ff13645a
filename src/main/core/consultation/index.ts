// The consultation's public face inside the core (for the consent PDF and the hosts).
export { buildConsentRecord, canonicalRecordHash, signedOffRecordHolds, type PendingSignOff, type RecordOptions } from './record'
export { checkSignOff, composeSignOff, commitSignOff, signOff, type ComposedSignOff } from './sign-off'
export { getState } from './record-step'
