// The consultation's history: every recorded event in order, with who gave it
// and when. Withdrawal of consent and addenda appear here like every other
// event, because after sign-off they are the only way the record grows.
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { ConsultationEvent, ConsultationState, SignatureRole } from '../../../../shared/consultation'
import { formatDateTime } from '../../i18n'
import { formatUnits, sectionById } from './model'

export function History({ state, events }: { state: ConsultationState; events: ConsultationEvent[] }) {
  const { t } = useTranslation('consultation')
  return (
    <ol className="cn-history" aria-label={t('history.title')}>
      {events.map((ev) => (
        <li key={ev.id}>
          <time dateTime={ev.at}>
            {formatDateTime(ev.at)} · {t(`history.by.${ev.by}`)} ({ev.sessionUser.displayName})
          </time>
          <span>{describeEvent(t, state, ev)}</span>
        </li>
      ))}
    </ol>
  )
}

/** Who signed, as literal keys so the catalog check sees them. */
const SIGNED_TEXT: Record<SignatureRole, string> = {
  patient: 'consultation:history.signed_patient',
  witness: 'consultation:history.signed_witness',
  clinician: 'consultation:history.signed_clinician',
}

export function describeEvent(t: TFunction, state: ConsultationState, ev: ConsultationEvent): string {
  const section = ev.sectionId ? (sectionById(state, ev.sectionId)?.title ?? ev.sectionId) : ''
  switch (ev.kind) {
    case 'started':
      return t('history.started', { script: state.script.title, version: state.script.version })
    case 'section_shown':
      return t('history.section_shown', { section })
    case 'section_discussed':
      return t('history.section_discussed', { section })
    case 'acknowledged':
      return t('history.acknowledged', { section, initials: ev.initials })
    case 'flagged':
      return ev.question ? t('history.flagged', { section, question: ev.question }) : t('history.flaggedNoText', { section })
    case 'flag_answered':
      return t('history.flag_answered', { section, note: ev.note })
    case 'screening_answered': {
      const q = state.screening.find((a) => a.questionId === ev.questionId)?.text ?? ev.questionId
      return t('history.screening_answered', { question: q, answer: t(`answer.${ev.answer}`) }) + (ev.details ? ` (${ev.details})` : '')
    }
    case 'caution_decided':
      return t('history.caution_decided', { decision: ev.optionLabel }) + (ev.note ? ` (${ev.note})` : '')
    case 'medication_guide_offered':
      return ev.accepted ? t('history.medication_guide_accepted') : t('history.medication_guide_declined')
    case 'expectations_saved':
      return t('history.expectations_saved')
    case 'treatment_plan_saved':
      return t('history.treatment_plan_saved', { product: ev.plan.productName, lot: ev.plan.lotNumber, total: formatUnits(ev.plan.totalUnits) })
    case 'comprehension_answered': {
      const q = state.comprehension.find((c) => c.questionId === ev.questionId)?.question ?? ev.questionId
      return ev.correct ? t('history.comprehension_right', { question: q }) : t('history.comprehension_wrong', { question: q })
    }
    case 'patient_mode_entered':
      return t('history.patient_mode_entered')
    case 'patient_mode_exited':
      return t('history.patient_mode_exited')
    case 'review_confirmed':
      return t('history.review_confirmed')
    case 'esignature_choice':
      return ev.choice === 'agree' ? t('history.esignature_agree') : t('history.esignature_decline')
    case 'signed':
      return t(SIGNED_TEXT[ev.role])
    case 'ended_not_treated':
      return t('history.ended_not_treated', { reason: ev.reason })
    case 'withdrawn':
      return t('history.withdrawn', { reason: ev.reason })
    case 'addendum':
      return t('history.addendum', { text: ev.text })
  }
}
