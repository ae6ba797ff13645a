// A read-only summary of everything recorded in a consultation: what the
// patient acknowledged (with initials and time), the questions they asked and
// the answers, the screening answers and decisions, the Medication Guide
// offer, the expectations and the treatment plan. The patient reviews it
// before signing; the clinician sees it on a finished consultation.
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../shared/consultation'
import { formatDate, formatDateTime } from '../../i18n'
import { formatUnits, sectionById } from './model'

interface Props {
  state: ConsultationState
  /** On the patient's screen: no clinician-only detail such as talking points or timings. */
  forPatient?: boolean
  headingLevel?: 2 | 3
}

export function RecordSummary({ state, forPatient = false, headingLevel = 2 }: Props) {
  const { t } = useTranslation('consultation')
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const acknowledged = state.sections.filter((s) => s.needsAcknowledgment)
  const expectationAreas = state.expectations
    ? [
        ...state.expectations.areaIds.map((id) => {
          const sec = state.script.content.sections.find((s) => s.kind === 'expectations')
          return sec?.kind === 'expectations' ? (sec.areas.find((a) => a.id === id)?.label ?? id) : id
        }),
        ...(state.expectations.otherAreas ? [state.expectations.otherAreas] : []),
      ]
    : []

  return (
    <div className="cn-record-summary">
      <H>{t('summary.who')}</H>
      <dl className="cn-summary">
        <dt>{t('summary.patient')}</dt>
        <dd>
          {state.patient.givenName} {state.patient.familyName} ({t('summary.born', { date: formatDate(state.patient.dateOfBirth) })})
        </dd>
        <dt>{t('summary.clinician')}</dt>
        <dd>{state.clinician.displayName}</dd>
        <dt>{t('summary.script')}</dt>
        <dd>{t('summary.scriptVersion', { title: state.script.title, version: state.script.version })}</dd>
        <dt>{t('summary.started')}</dt>
        <dd>{formatDateTime(state.startedAt)}</dd>
      </dl>

      {acknowledged.length > 0 ? (
        <>
          <H>{t('summary.acknowledged')}</H>
          <ul className="cn-list-plain cn-risks">
            {acknowledged.map((s) => (
              <li key={s.sectionId} className="cn-risk">
                <p className="cn-risk__what">{s.title}</p>
                <p className="cn-risk__how-often">
                  {s.acknowledgedAt ? t('summary.acknowledgedWith', { initials: s.initials ?? '', at: formatDateTime(s.acknowledgedAt) }) : t('summary.notAcknowledged')}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {state.flags.length > 0 ? (
        <>
          <H>{t('summary.questions')}</H>
          <ul className="cn-list-plain cn-risks">
            {state.flags.map((f) => (
              <li key={f.flagEventId} className="cn-risk">
                <p className="cn-risk__what">
                  {t('summary.questionAbout', { section: sectionById(state, f.sectionId)?.title ?? f.sectionId })}
                  {f.question ? `: ${f.question}` : ''}
                </p>
                <p className="cn-risk__how-often">{f.answer ? t('summary.answer', { note: f.answer.note, by: f.answer.by.displayName }) : t('summary.notAnswered')}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {state.screening.length > 0 ? (
        <>
          <H>{t('summary.screening')}</H>
          <ul className="cn-list-plain cn-risks">
            {state.screening.map((a) => (
              <li key={a.questionId} className="cn-risk">
                <p className="cn-risk__what">{a.text}</p>
                <p className="cn-risk__how-often">
                  {t(`answer.${a.answer}`)}
                  {a.details ? ` (${a.details})` : ''}
                </p>
                {a.raised ? (
                  <p className="cn-risk__source">
                    {a.explanation}
                    {a.decision ? ` ${t('summary.decision', { decision: a.decision.optionLabel })}` : ''}
                    {a.decision?.note ? ` (${a.decision.note})` : ''}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {state.medicationGuide ? (
        <>
          <H>{t('summary.medicationGuide')}</H>
          <p>{state.medicationGuide.accepted ? t('summary.medicationGuideAccepted') : t('summary.medicationGuideDeclined')}</p>
        </>
      ) : null}

      {state.expectations ? (
        <>
          <H>{t('summary.expectations')}</H>
          <dl className="cn-summary">
            <dt>{t('summary.goals')}</dt>
            <dd>{state.expectations.goals}</dd>
            <dt>{t('summary.areas')}</dt>
            <dd>{expectationAreas.join(', ') || t('summary.none')}</dd>
            <dt>{t('summary.timeline')}</dt>
            <dd>{t('summary.timelineAcknowledged')}</dd>
          </dl>
        </>
      ) : null}

      {state.plan ? (
        <>
          <H>{t('summary.plan')}</H>
          <dl className="cn-summary">
            <dt>{t('plan.product')}</dt>
            <dd>{state.plan.productName}</dd>
            <dt>{t('plan.lot')}</dt>
            <dd>
              {state.plan.lotNumber} · {t('summary.expires', { date: formatDate(state.plan.expiryDate) })}
            </dd>
            <dt>{t('plan.dilution')}</dt>
            <dd>
              {t('summary.dilution', {
                vialUnits: formatUnits(state.plan.dilution.vialUnits),
                diluentMl: state.plan.dilution.diluentMl,
                unitsPerMl: formatUnits(state.plan.dilution.unitsPerMl),
              })}
            </dd>
          </dl>
          <table className="cn-table">
            <caption className="cn-visually-hidden">{t('plan.sitesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.site')}</th>
                <th scope="col">{t('plan.units')}</th>
              </tr>
            </thead>
            <tbody>
              {state.plan.sites.map((s, i) => (
                <tr key={i}>
                  <td>{s.site}</td>
                  <td>{formatUnits(s.units)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('plan.total')}</th>
                <td>{formatUnits(state.plan.totalUnits)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      ) : null}

      {!forPatient && state.comprehension.length > 0 ? (
        <>
          <H>{t('summary.comprehension')}</H>
          <ul className="cn-list-plain cn-risks">
            {state.comprehension.map((c) => (
              <li key={c.questionId} className="cn-risk">
                <p className="cn-risk__what">{c.question}</p>
                <p className="cn-risk__how-often">
                  {c.attempts.map((a) => `${a.optionText} (${a.correct ? t('summary.right') : t('summary.wrong')})`).join(' → ') || t('summary.notAnswered')}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
