// The shapes of a consultation as the contract returns them: the script it
// pins, every recorded event, the progress derived from them, and the
// complete record of a finished consultation (`ConsentRecord`) that the PDF
// lays out and the UI shows. Plain data only.
import type { PatientSummary } from './domain'
import type { ConsultationScript, FrequencyBand, SectionKind } from './script/schema'

export const CONSULTATION_STATUSES = ['in_progress', 'signed_off', 'not_treated'] as const
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number]

/** Who gave a step: the clinician at the controls, or the patient holding the screen. */
export const EVENT_BY = ['clinician', 'patient', 'witness'] as const
export type EventBy = (typeof EVENT_BY)[number]

/** A screening answer. */
export const SCREENING_ANSWERS = ['yes', 'no'] as const
export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number]

/** A script version as stored (once per version, with the SHA-256 of its canonical JSON). */
export interface ScriptSummary {
  /** Row id of this stored version; what `consultation.start` takes. */
  storedId: number
  scriptId: string
  version: number
  language: string
  title: string
  notice: string
  sha256: string
  source: 'shipped' | 'imported'
  storedAt: string
  /** True for the highest version of this script id and language. */
  latest: boolean
  /** True for the version `consultation.start` uses when no script is chosen. */
  isDefault: boolean
}

export interface StoredScript extends ScriptSummary {
  content: ConsultationScript
  /** SHA-256 of each section's canonical JSON, by section id: what each acknowledgment points at. */
  sectionHashes: Record<string, string>
}

export interface ScriptImportResult {
  script: ScriptSummary
  /** False when exactly this content was already stored (nothing new written). */
  created: boolean
}

/** The identity of the script a record was made against, stored on every event that concerns a section. */
export interface ScriptRef {
  scriptId: string
  version: number
  language: string
  sha256: string
}

export interface PersonRef {
  id: number
  displayName: string
}

// ---- Recorded events (append-only; one per call that records something) ----

interface EventBase {
  id: number
  at: string
  by: EventBy
  /** The logged-in user whose session made the call (the clinician, also while the patient holds the screen). */
  sessionUser: PersonRef
  /** The section concerned, and the SHA-256 of the section text as shown. */
  sectionId: string | null
  sectionHash: string | null
}

export type ConsultationEventData =
  | { kind: 'started'; scriptStoredId: number }
  | { kind: 'section_shown' }
  | { kind: 'section_discussed' }
  | { kind: 'acknowledged'; initials: string; statement: string }
  | { kind: 'flagged'; question: string }
  | { kind: 'flag_answered'; flagEventId: number; note: string }
  | {
      kind: 'screening_answered'
      questionId: string
      answer: ScreeningAnswer
      details: string
      raised: 'contraindication' | 'caution' | null
      explanation: string | null
    }
  | { kind: 'caution_decided'; questionId: string; optionId: string; optionLabel: string; allowsTreatment: boolean; note: string }
  | { kind: 'medication_guide_offered'; accepted: boolean }
  | { kind: 'expectations_saved'; expectations: Expectations }
  | { kind: 'treatment_plan_saved'; plan: TreatmentPlan }
  | { kind: 'comprehension_answered'; questionId: string; optionId: string; correct: boolean; revisitSectionId: string | null }
  | { kind: 'patient_mode_entered' }
  | { kind: 'patient_mode_exited' }
  | { kind: 'review_confirmed'; statement: string }
  | { kind: 'esignature_choice'; choice: 'agree' | 'decline'; statement: string }
  | { kind: 'signed'; signatureId: number; role: SignatureRole }
  | { kind: 'ended_not_treated'; reason: string }
  | { kind: 'withdrawn'; reason: string }
  | { kind: 'addendum'; text: string }

export type ConsultationEventKind = ConsultationEventData['kind']
export type ConsultationEvent = EventBase & ConsultationEventData

// ---- What the clinician records ----

export interface Expectations {
  /** The patient's goals in their own words. */
  goals: string
  /** Area ids from the script's expectations section. */
  areaIds: string[]
  /** Any other area, in words. */
  otherAreas: string
  /** The patient heard and accepts the realistic timeline (onset, peak, duration, variability). */
  timelineAcknowledged: true
}

export interface InjectionSite {
  /** Where, in words: "glabella, procerus", "left lateral canthus". */
  site: string
  units: number
}

export interface TreatmentPlan {
  productId: string
  /** The product name as the script lists it, copied so the record reads on its own. */
  productName: string
  lotNumber: string
  /** YYYY-MM-DD; must not be before the core's today. */
  expiryDate: string
  dilution: { vialUnits: number; diluentMl: number; unitsPerMl: number }
  sites: InjectionSite[]
  /** Sum of the sites' units, computed by the core (never taken from input). */
  totalUnits: number
}

// ---- Signatures ----

export const SIGNATURE_ROLES = ['patient', 'witness', 'clinician'] as const
export type SignatureRole = (typeof SIGNATURE_ROLES)[number]

export interface StrokePoint {
  x: number
  y: number
  /** Milliseconds since the first point of the signature. */
  t: number
  pressure?: number
}
export type Stroke = StrokePoint[]

export interface SignatureSummary {
  id: number
  role: SignatureRole
  /** The printed name under the signature. */
  name: string
  /** What the signature means, in the words printed beside it. */
  meaning: string
  at: string
  /** The user whose session captured it (clinician for all three roles; the signer for sign-off). */
  capturedBy: PersonRef
  strokeCount: number
  pointCount: number
}

export interface Signature extends SignatureSummary {
  strokes: Stroke[]
  /** data:image/png;base64,... as drawn on the screen. */
  imagePng: string
}

export type RecordSignature = Omit<Signature, 'id'>

// ---- Derived views ----

export interface SectionProgress {
  sectionId: string
  kind: SectionKind
  title: string
  sectionHash: string
  firstShownAt: string | null
  discussedAt: string | null
  /** Null when the section asks for no acknowledgment. */
  needsAcknowledgment: boolean
  acknowledgedAt: string | null
  initials: string | null
  /** Milliseconds from first shown to discussed (clinician) when both are known. */
  discussionMs: number | null
}

export interface FlagView {
  flagEventId: number
  sectionId: string
  question: string
  at: string
  answer: { note: string; at: string; by: PersonRef } | null
}

export interface ScreeningAnswerView {
  questionId: string
  text: string
  answer: ScreeningAnswer
  details: string
  at: string
  raised: 'contraindication' | 'caution' | null
  explanation: string | null
  /** The latest decision for a caution; null if none yet (blocks going on). */
  decision: { optionId: string; optionLabel: string; allowsTreatment: boolean; note: string; at: string; by: PersonRef } | null
}

/** Why the path to signing is closed. */
export interface Block {
  kind: 'contraindication' | 'caution_declined'
  questionId: string
  explanation: string
}

export interface ComprehensionView {
  questionId: string
  question: string
  attempts: { optionId: string; optionText: string; correct: boolean; at: string }[]
  passed: boolean
  /** Set after a wrong answer until the section has been shown again. */
  mustRevisitSectionId: string | null
}

/**
 * One step of the guided flow. The derived progress lists them in order; the
 * first one not done is where the consultation resumes.
 */
export type ProgressStepKey =
  | { step: 'discuss_section'; sectionId: string }
  | { step: 'answer_screening'; questionId: string }
  | { step: 'decide_caution'; questionId: string }
  | { step: 'offer_medication_guide'; sectionId: string }
  | { step: 'save_expectations'; sectionId: string }
  | { step: 'save_treatment_plan'; sectionId: string }
  | { step: 'enter_patient_mode' }
  | { step: 'acknowledge_section'; sectionId: string }
  | { step: 'answer_comprehension'; questionId: string }
  | { step: 'answer_flags' }
  | { step: 'confirm_review' }
  | { step: 'esignature_choice' }
  | { step: 'patient_signature' }
  | { step: 'exit_patient_mode' }
  | { step: 'sign_off' }

export type ProgressStep = ProgressStepKey & {
  phase: 'clinician' | 'patient' | 'sign_off'
  done: boolean
}

export interface ConsultationProgress {
  steps: ProgressStep[]
  /** The first step not done; null once the consultation is finished. */
  current: ProgressStep | null
  doneCount: number
  totalCount: number
}

export interface ConsultationSummary {
  id: number
  status: ConsultationStatus
  patient: PatientSummary
  clinician: PersonRef
  script: ScriptRef & { title: string }
  startedAt: string
  endedAt: string | null
  withdrawnAt: string | null
}

/** Everything `consultation.get` returns: enough to render any step and to resume. */
export interface ConsultationState extends ConsultationSummary {
  script: ScriptRef & { title: string; storedId: number; content: ConsultationScript; sectionHashes: Record<string, string> }
  events: ConsultationEvent[]
  sections: SectionProgress[]
  screening: ScreeningAnswerView[]
  blocks: Block[]
  flags: FlagView[]
  medicationGuide: { accepted: boolean; at: string } | null
  expectations: (Expectations & { at: string }) | null
  plan: (TreatmentPlan & { at: string }) | null
  comprehension: ComprehensionView[]
  review: { at: string; statement: string } | null
  esignature: { choice: 'agree' | 'decline'; at: string } | null
  /** Paper route: the patient declined e-signature and signs a printed form. */
  paper: boolean
  signatures: SignatureSummary[]
  progress: ConsultationProgress
  /** True when the calling session has this consultation in patient mode. */
  inPatientMode: boolean
  /** True when everything needed for sign-off is in place (still needs the clinician's password and signature). */
  readyForSignOff: boolean
  /** Milliseconds from the first section shown to the patient's signature (or review, on paper). */
  firstSectionToSignatureMs: number | null
  endedReason: string | null
  withdrawal: { reason: string; at: string } | null
  addenda: { text: string; at: string; by: PersonRef }[]
}

/** The signing statements, fixed words printed with each signature. */
export const SIGNATURE_MEANINGS: Record<SignatureRole, string> = {
  patient: 'I consent to the treatment described in this record.',
  witness: "I witnessed the patient's signature.",
  clinician: "I have explained the risks and answered the patient's questions.",
}

export const REVIEW_STATEMENT = 'What this summary says is true, and I had time to ask questions and have them answered.'

export const ESIGNATURE_STATEMENT = 'I agree to sign this consent electronically on this screen. I may ask for a paper copy.'

/**
 * The complete, plain record of a consultation, made for the consent PDF and
 * for the record view: everything needed to print it without another query.
 * `canonicalRecordHash` (core) is the SHA-256 of its canonical JSON.
 */
export interface ConsentRecord {
  recordVersion: 1
  consultationId: number
  status: ConsultationStatus
  clinic: { name: string; address: string }
  patient: PatientSummary
  clinician: PersonRef
  script: ScriptRef & { title: string; notice: string }
  startedAt: string
  endedAt: string | null
  sections: (SectionProgress & {
    /** The text shown to the patient (the pinned script's words). */
    body: string[]
    acknowledgment: string | null
    risks: { text: string; band: FrequencyBand; frequency: string; source: string }[]
    boxedWarning: { title: string; body: string[] } | null
  })[]
  flags: FlagView[]
  screening: ScreeningAnswerView[]
  blocks: Block[]
  medicationGuide: { accepted: boolean; at: string } | null
  expectations: (Expectations & { at: string; areaLabels: string[]; timeline: { onset: string; peak: string; duration: string; variability: string } }) | null
  plan: (TreatmentPlan & { at: string }) | null
  comprehension: ComprehensionView[]
  review: { at: string; statement: string } | null
  esignature: { choice: 'agree' | 'decline'; at: string; statement: string } | null
  paper: boolean
  /** Without database ids, so the record (and its hash) can be composed before the sign-off row exists. */
  signatures: RecordSignature[]
  endedReason: string | null
  withdrawal: { reason: string; at: string; by: PersonRef } | null
  addenda: { text: string; at: string; by: PersonRef }[]
  timings: {
    firstSectionShownAt: string | null
    patientSignedAt: string | null
    signedOffAt: string | null
    firstSectionToSignatureMs: number | null
  }
  /** Aftercare paragraphs from the pinned script, for the take-home page. */
  aftercare: string[]
}
