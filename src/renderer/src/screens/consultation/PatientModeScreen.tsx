// What the patient does on the handed-over screen, one step at a time, in
// large plain type: read each risk section and confirm it with initials (or
// ask a question), answer the comprehension questions (a wrong answer shows
// the section again first), review everything recorded, choose how to sign,
// and sign. The step shown is always the core's first step not yet done.
// Nothing else of the app is drawn while the screen is with the patient.
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ESIGNATURE_STATEMENT, REVIEW_STATEMENT, SIGNATURE_MEANINGS, type ConsultationState } from '../../../../shared/consultation'
import { signatureProblem } from '../../../../shared/signature-rules'
import type { SectionOfKind } from '../../../../shared/script/schema'
import { call } from '../../api'
import { patientSteps, sectionById } from './model'
import { PatientModeShell, useOpenHandBack } from './PatientModeShell'
import { RecordSummary } from './RecordSummary'
import { SectionContent } from './SectionContent'
import { SaveStatus, useSaving } from './saving'
import { SIGNATURE_PROBLEM_TEXT, SignaturePadField, type DrawnSignature } from './SignaturePadField'
import { useConsultation } from './useConsultation'
import './consultation.css'

interface Props {
  consultationId: number
  /** The clinician has taken the screen back (password checked by the core). */
  onHandedBack: (s: ConsultationState) => void
}

export function PatientModeScreen({ consultationId, onHandedBack }: Props) {
  const { t } = useTranslation('consultation')
  const { state, setState, problem } = useConsultation(consultationId)

  const handBack = async (password: string) => {
    const s = await call('consultation.exitPatientMode', { consultationId, password })
    onHandedBack(s)
  }

  return (
    <PatientModeShell title={state ? t('patient.title', { name: state.patient.givenName }) : t('patient.titlePlain')} onHandBack={handBack}>
      {problem && !state ? <p className="cn-error">{problem}</p> : null}
      {state ? <PatientSteps state={state} setState={setState} /> : null}
    </PatientModeShell>
  )
}

function PatientSteps({ state, setState }: { state: ConsultationState; setState: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  // A wrong comprehension answer sends the patient back to a section; the
  // core's state says so too (after a reload), until it has been shown again.
  const pendingRevisit = state.comprehension.find((c) => c.mustRevisitSectionId)?.mustRevisitSectionId ?? null
  const [revisit, setRevisit] = useState<string | null>(pendingRevisit)
  const steps = patientSteps(state)
  const cur = state.progress.current
  const position = cur && cur.phase === 'patient' ? steps.findIndex((s) => s === cur || JSON.stringify(s) === JSON.stringify(cur)) : steps.length - 1

  let body: React.ReactNode
  if (revisit) {
    body = <RevisitSection key={`revisit-${revisit}`} state={state} sectionId={revisit} onShown={setState} onDone={() => setRevisit(null)} />
  } else if (!cur || cur.phase !== 'patient' || cur.step === 'exit_patient_mode') {
    body = <AllDone state={state} setState={setState} />
  } else if (cur.step === 'acknowledge_section') {
    body = <AcknowledgeStep key={cur.sectionId} state={state} sectionId={cur.sectionId} onSaved={setState} />
  } else if (cur.step === 'answer_comprehension') {
    body = (
      <ComprehensionStep
        key={cur.questionId}
        state={state}
        questionId={cur.questionId}
        onAnswered={(s, revisitSectionId) => {
          setState(s)
          if (revisitSectionId) setRevisit(revisitSectionId)
        }}
      />
    )
  } else if (cur.step === 'answer_flags') {
    body = <AskClinician state={state} />
  } else if (cur.step === 'confirm_review') {
    body = <ReviewStep state={state} onSaved={setState} />
  } else if (cur.step === 'esignature_choice') {
    body = <ESignatureChoice state={state} onSaved={setState} />
  } else if (cur.step === 'patient_signature') {
    body = <PatientSignature state={state} onSaved={setState} />
  } else {
    body = <AllDone state={state} setState={setState} />
  }

  return (
    <>
      <p className="cn-patient-progress">{t('patient.progress', { n: Math.min(position + 1, steps.length), count: steps.length })}</p>
      {body}
    </>
  )
}

/** The step heading takes focus when the step appears, as a new page would. */
function StepHeading({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <h2 ref={ref} tabIndex={-1}>
      {children}
    </h2>
  )
}

function AcknowledgeStep({ state, sectionId, onSaved }: { state: ConsultationState; sectionId: string; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const section = sectionById(state, sectionId)
  const saving = useSaving()
  const [initials, setInitials] = useState('')
  const [asking, setAsking] = useState(false)
  const [question, setQuestion] = useState('')
  const initialsId = useId()
  const questionId = useId()
  const statementId = useId()
  const openFlag = state.flags.find((f) => f.sectionId === sectionId && !f.answer)
  const answeredFlags = state.flags.filter((f) => f.sectionId === sectionId && f.answer)

  useEffect(() => {
    // Shown to the patient: stored like every showing.
    call('consultation.markSectionShown', { consultationId: state.id, sectionId }).then(onSaved, () => {})
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sectionId])

  if (!section) return null

  const acknowledge = async () => {
    const s = await saving.run(() => call('consultation.acknowledgeSection', { consultationId: state.id, sectionId, initials }))
    if (s) onSaved(s)
  }
  const flag = async () => {
    const s = await saving.run(() => call('consultation.flagQuestion', { consultationId: state.id, sectionId, question }))
    if (s) {
      setAsking(false)
      setQuestion('')
      onSaved(s)
    }
  }

  return (
    <section aria-labelledby={`cn-p-${sectionId}`}>
      <StepHeading>
        <span id={`cn-p-${sectionId}`}>{section.title}</span>
      </StepHeading>
      <SectionContent section={section} />
      {answeredFlags.map((f) => (
        <div key={f.flagEventId} className="cn-notice cn-notice--info">
          <p>
            <strong>{f.question ? t('patient.yourQuestion', { question: f.question }) : t('patient.yourQuestionNoText')}</strong>
          </p>
          <p>{t('patient.clinicianAnswered', { note: f.answer?.note ?? '' })}</p>
        </div>
      ))}
      {openFlag ? (
        <div className="cn-notice cn-notice--info">
          <p>{t('patient.questionSaved')}</p>
        </div>
      ) : null}
      {section.acknowledgment ? (
        <div className="cn-notice cn-notice--info" id={statementId}>
          <p>{t('patient.byInitials')}</p>
          <p>
            <strong>{section.acknowledgment}</strong>
          </p>
        </div>
      ) : null}
      <div className="cn-field">
        <label htmlFor={initialsId}>{t('patient.initials')}</label>
        <input
          id={initialsId}
          type="text"
          value={initials}
          onChange={(e) => setInitials(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={12}
          aria-describedby={statementId}
          aria-invalid={saving.fields.initials ? true : undefined}
          className="cn-initials"
        />
        {saving.fields.initials ? <p className="cn-field-error">{saving.fields.initials}</p> : null}
      </div>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={acknowledge} disabled={saving.saving}>
          {t('patient.understand')}
        </button>
        {!asking && !openFlag ? (
          <button type="button" className="cn-button cn-button--secondary" onClick={() => setAsking(true)}>
            {t('patient.haveQuestion')}
          </button>
        ) : null}
      </div>
      {asking ? (
        <div className="cn-fieldset">
          <div className="cn-field">
            <label htmlFor={questionId}>{t('patient.questionLabel')}</label>
            <p className="cn-field__hint">{t('patient.questionHint')}</p>
            <textarea id={questionId} value={question} onChange={(e) => setQuestion(e.target.value)} rows={3} autoFocus />
          </div>
          <div className="cn-actions">
            <button type="button" className="cn-button cn-button--primary" onClick={flag} disabled={saving.saving}>
              {t('patient.saveQuestion')}
            </button>
            <button type="button" className="cn-button cn-button--quiet" onClick={() => setAsking(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <SaveStatus state={saving.state} large />
    </section>
  )
}

function ComprehensionStep(props: {
  state: ConsultationState
  questionId: string
  onAnswered: (s: ConsultationState, revisitSectionId: string | null) => void
}) {
  const { state, questionId, onAnswered } = props
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [choice, setChoice] = useState('')
  const [missing, setMissing] = useState(false)
  const section = state.script.content.sections.find((s): s is SectionOfKind<'comprehension'> => s.kind === 'comprehension')
  const q = section?.questions.find((x) => x.id === questionId)
  const view = state.comprehension.find((c) => c.questionId === questionId)
  const tried = (view?.attempts.length ?? 0) > 0
  if (!q) return null

  const answer = async () => {
    if (!choice) {
      setMissing(true)
      return
    }
    setMissing(false)
    const r = await saving.run(() => call('consultation.answerComprehension', { consultationId: state.id, questionId, optionId: choice }))
    if (r) onAnswered(r.state, r.correct ? null : r.revisitSectionId)
  }

  return (
    <section>
      <StepHeading>{t('patient.checkTitle')}</StepHeading>
      <p>{tried ? t('patient.checkAgain') : t('patient.checkIntro')}</p>
      <fieldset className="cn-fieldset">
        <legend>{q.question}</legend>
        {q.options.map((o) => (
          <label key={o.id} className="cn-choice">
            <input type="radio" name={`comprehension-${q.id}`} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} />
            <span>{o.text}</span>
          </label>
        ))}
        {missing ? (
          <p className="cn-field-error" role="alert">
            {t('patient.chooseAnswer')}
          </p>
        ) : null}
      </fieldset>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={answer} disabled={saving.saving}>
          {t('patient.answer')}
        </button>
      </div>
      <SaveStatus state={saving.state} large />
    </section>
  )
}

function RevisitSection(props: { state: ConsultationState; sectionId: string; onShown: (s: ConsultationState) => void; onDone: () => void }) {
  const { state, sectionId, onShown, onDone } = props
  const { t } = useTranslation('consultation')
  const section = sectionById(state, sectionId)
  const [recorded, setRecorded] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  // The core refuses a new answer until it knows the section was shown again.
  useEffect(() => {
    call('consultation.markSectionShown', { consultationId: state.id, sectionId })
      .then((s) => {
        setRecorded(true)
        onShown(s)
      })
      .catch(() => setProblem(t('patient.revisitNotRecorded')))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sectionId])

  if (!section) return null
  return (
    <section>
      <div className="cn-notice cn-notice--info" role="status">
        <p>{t('patient.notQuite')}</p>
      </div>
      <StepHeading>{section.title}</StepHeading>
      <SectionContent section={section} />
      {problem ? <p className="cn-error">{problem}</p> : null}
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={onDone} disabled={!recorded}>
          {t('patient.readAgainDone')}
        </button>
      </div>
    </section>
  )
}

function AskClinician({ state }: { state: ConsultationState }) {
  const { t } = useTranslation('consultation')
  const open = state.flags.filter((f) => !f.answer)
  return (
    <section>
      <StepHeading>{t('patient.questionsTitle')}</StepHeading>
      <p>{t('patient.questionsExplain', { count: open.length })}</p>
      <ul>
        {open.map((f) => (
          <li key={f.flagEventId}>
            {sectionById(state, f.sectionId)?.title}
            {f.question ? `: “${f.question}”` : ''}
          </li>
        ))}
      </ul>
      <HandBackPrompt>{t('patient.pleaseHandBack')}</HandBackPrompt>
    </section>
  )
}

/** Asks the patient to give the screen back, with the button that starts the clinician's hand-back. */
function HandBackPrompt({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation('consultation')
  const openHandBack = useOpenHandBack()
  return (
    <>
      <p>
        <strong>{children}</strong>
      </p>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={openHandBack}>
          {t('patientMode.handBack')}
        </button>
      </div>
    </>
  )
}

function ReviewStep({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [ticked, setTicked] = useState(false)
  const [missing, setMissing] = useState(false)
  const tickId = useId()

  const confirm = async () => {
    if (!ticked) {
      setMissing(true)
      return
    }
    setMissing(false)
    const s = await saving.run(() => call('consultation.confirmReview', { consultationId: state.id, confirmed: true }))
    if (s) onSaved(s)
  }

  return (
    <section>
      <StepHeading>{t('patient.reviewTitle')}</StepHeading>
      <p>{t('patient.reviewIntro')}</p>
      <div className="cn-review">
        <RecordSummary state={state} forPatient headingLevel={3} />
      </div>
      <div className="cn-field">
        <label className="cn-choice" htmlFor={tickId}>
          <input id={tickId} type="checkbox" checked={ticked} onChange={(e) => setTicked(e.target.checked)} aria-invalid={missing ? true : undefined} />
          <span>{REVIEW_STATEMENT}</span>
        </label>
        {missing ? <p className="cn-field-error">{t('patient.tickFirst')}</p> : null}
      </div>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={confirm} disabled={saving.saving}>
          {t('patient.confirmReview')}
        </button>
      </div>
      <SaveStatus state={saving.state} large />
    </section>
  )
}

function ESignatureChoice({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const choose = async (choice: 'agree' | 'decline') => {
    const s = await saving.run(() => call('consultation.recordElectronicSignatureChoice', { consultationId: state.id, choice }))
    if (s) onSaved(s)
  }
  return (
    <section>
      <StepHeading>{t('patient.esignTitle')}</StepHeading>
      <p className="cn-patient-text">{ESIGNATURE_STATEMENT}</p>
      <p>{t('patient.paperCopy')}</p>
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={() => choose('agree')} disabled={saving.saving}>
          {t('patient.esignAgree')}
        </button>
        <button type="button" className="cn-button cn-button--secondary" onClick={() => choose('decline')} disabled={saving.saving}>
          {t('patient.esignDecline')}
        </button>
      </div>
      <SaveStatus state={saving.state} large />
    </section>
  )
}

function PatientSignature({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const signer = useDrawnSignature(onSaved, (name, drawn) =>
    call('consultation.signAsPatient', { consultationId: state.id, typedName: name, strokes: drawn.strokes, imagePng: drawn.pngDataUrl }),
  )

  return (
    <section>
      <StepHeading>{t('patient.signTitle')}</StepHeading>
      <p>{t('patient.signMeaning')}</p>
      <p className="cn-patient-text">
        <strong>{SIGNATURE_MEANINGS.patient}</strong>
      </p>
      <SignerNameField label={t('patient.fullName')} hint={t('patient.fullNameHint')} signer={signer} error={signer.saving.fields.typedName} />
      <SignWithPad padLabel={t('patient.yourSignature')} signLabel={t('patient.sign')} signer={signer} />
    </section>
  )
}

function AllDone({ state, setState }: { state: ConsultationState; setState: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const [witnessing, setWitnessing] = useState(false)
  const witnessSigned = state.signatures.some((s) => s.role === 'witness')
  const patientSigned = state.signatures.some((s) => s.role === 'patient')
  return (
    <section>
      <StepHeading>{t('patient.thankYou')}</StepHeading>
      <p>{state.paper ? t('patient.paperRoute') : t('patient.allDone')}</p>
      {patientSigned && !witnessSigned && !witnessing ? (
        <div className="cn-actions">
          <button type="button" className="cn-button cn-button--secondary" onClick={() => setWitnessing(true)}>
            {t('patient.addWitness')}
          </button>
        </div>
      ) : null}
      {witnessing && !witnessSigned ? <WitnessSignature state={state} onSaved={setState} /> : null}
      {witnessSigned ? <p className="cn-done-mark">{t('patient.witnessSigned')}</p> : null}
      <HandBackPrompt>{t('patient.pleaseHandBackNow')}</HandBackPrompt>
    </section>
  )
}

function WitnessSignature({ state, onSaved }: { state: ConsultationState; onSaved: (s: ConsultationState) => void }) {
  const { t } = useTranslation('consultation')
  const signer = useDrawnSignature(onSaved, (name, drawn) =>
    call('consultation.signAsWitness', { consultationId: state.id, witnessName: name, strokes: drawn.strokes, imagePng: drawn.pngDataUrl }),
  )

  return (
    <fieldset className="cn-fieldset">
      <legend>{t('patient.witnessTitle')}</legend>
      <p>{t('patient.witnessMeaning', { meaning: SIGNATURE_MEANINGS.witness })}</p>
      <SignerNameField label={t('patient.witnessName')} signer={signer} error={signer.saving.fields.witnessName} />
      <SignWithPad padLabel={t('patient.witnessSignature')} signLabel={t('patient.witnessSign')} signer={signer} />
    </fieldset>
  )
}

type DrawnSignatureForm = ReturnType<typeof useDrawnSignature>

/**
 * What the patient's and the witness's signing share: the typed name, the
 * drawing, and the check that the drawing is a usable signature before the
 * core is asked (the core checks it again). `send` makes the one call.
 */
function useDrawnSignature(onSaved: (s: ConsultationState) => void, send: (name: string, drawn: DrawnSignature) => Promise<ConsultationState>) {
  const { t } = useTranslation('consultation')
  const saving = useSaving()
  const [name, setName] = useState('')
  const [signature, setSignature] = useState<DrawnSignature | null>(null)
  const [padError, setPadError] = useState<string | null>(null)

  const sign = async () => {
    const problem = signatureProblem(signature?.strokes ?? [])
    setPadError(problem ? t(SIGNATURE_PROBLEM_TEXT[problem]) : null)
    if (problem || !signature) return
    const s = await saving.run(() => send(name, signature))
    if (s) onSaved(s)
  }

  return { saving, name, setName, setSignature, padError: padError ?? saving.fields.strokes ?? null, sign }
}

/** The signer's typed name, with the core's message for it tied to the input. */
function SignerNameField({ label, hint, error, signer }: { label: string; hint?: string; error?: string; signer: DrawnSignatureForm }) {
  const nameId = useId()
  const nameErrorId = useId()
  return (
    <div className="cn-field">
      <label htmlFor={nameId}>{label}</label>
      {hint ? <p className="cn-field__hint">{hint}</p> : null}
      <input
        id={nameId}
        type="text"
        value={signer.name}
        onChange={(e) => signer.setName(e.target.value)}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? nameErrorId : undefined}
      />
      {error ? (
        <p className="cn-field-error" id={nameErrorId}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** The drawing pad, the sign button and the saving status under them. */
function SignWithPad({ padLabel, signLabel, signer }: { padLabel: string; signLabel: string; signer: DrawnSignatureForm }) {
  return (
    <>
      <SignaturePadField label={padLabel} onChange={signer.setSignature} error={signer.padError} large />
      <div className="cn-actions">
        <button type="button" className="cn-button cn-button--primary" onClick={signer.sign} disabled={signer.saving.saving}>
          {signLabel}
        </button>
      </div>
      <SaveStatus state={signer.saving.state} large />
    </>
  )
}
