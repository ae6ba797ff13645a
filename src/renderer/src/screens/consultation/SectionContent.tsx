// What a script section says to the patient: its paragraphs, a boxed warning,
// the risk lines (how often, in plain words, the frequency band and where the
// figure comes from), the alternatives and the realistic timeline. The same
// component draws it for the clinician, on the patient's screen and when a
// wrong comprehension answer sends the patient back to the section, so what
// the patient sees is always exactly what the pinned script says.
import { useTranslation } from 'react-i18next'
import type { RiskLine, ScriptSection } from '../../../../shared/script/schema'

export function SectionContent({ section, headingLevel = 3 }: { section: ScriptSection; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('consultation')
  const H = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <div className="cn-section-content">
      {section.kind === 'risk' && section.boxedWarning ? (
        <div className="cn-notice cn-notice--stop" role="note" aria-label={t('section.boxedWarning')}>
          <H>{section.boxedWarning.title}</H>
          {section.boxedWarning.body.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : null}
      <div className="cn-patient-text">
        {section.body.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      {section.kind === 'risk' ? <RiskLines risks={section.risks} heading={t('section.risksHeading')} H={H} /> : null}
      {section.kind === 'expectations' ? (
        <>
          <H>{t('section.timelineHeading')}</H>
          <dl className="cn-summary">
            <dt>{t('section.timeline.onset')}</dt>
            <dd>{section.timeline.onset}</dd>
            <dt>{t('section.timeline.peak')}</dt>
            <dd>{section.timeline.peak}</dd>
            <dt>{t('section.timeline.duration')}</dt>
            <dd>{section.timeline.duration}</dd>
            <dt>{t('section.timeline.variability')}</dt>
            <dd>{section.timeline.variability}</dd>
          </dl>
        </>
      ) : null}
      {section.kind === 'alternatives' ? (
        <ul className="cn-risks">
          {section.alternatives.map((a) => (
            <li key={a.title} className="cn-risk">
              <p className="cn-risk__what">{a.title}</p>
              <p className="cn-risk__how-often">{a.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export function RiskLines({ risks, heading, H = 'h3' }: { risks: RiskLine[]; heading: string; H?: 'h2' | 'h3' }) {
  const { t } = useTranslation('consultation')
  return (
    <>
      <H>{heading}</H>
      <ul className="cn-risks">
        {risks.map((r) => (
          <li key={r.id} className="cn-risk">
            <p className="cn-risk__what">{r.text}</p>
            <p className="cn-risk__how-often">
              <span className={`cn-band cn-band--${r.band}`}>{t(`band.${r.band}`)}</span>
              {r.frequency}
            </p>
            <p className="cn-risk__source">{t('section.source', { source: r.source })}</p>
          </li>
        ))}
      </ul>
    </>
  )
}

/** Talking points are for the clinician only; never drawn in patient mode. */
export function TalkingPoints({ points }: { points: string[] | undefined }) {
  const { t } = useTranslation('consultation')
  if (!points || points.length === 0) return null
  return (
    <aside className="cn-talking-points" aria-label={t('section.talkingPoints')}>
      <h3>{t('section.talkingPoints')}</h3>
      <ul>
        {points.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </aside>
  )
}
