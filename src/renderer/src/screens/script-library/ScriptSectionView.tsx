// One section of a stored script, read-only, for the administrator reviewing
// it: the patient-facing text drawn by the consultation's own component (so
// this is exactly what a patient sees), then what the clinician sees and what
// the script decides: the acknowledgment, talking points, screening questions
// with the answers that raise a contraindication or a caution, comprehension
// questions with the right answer and where a wrong one sends the patient,
// products, typical doses and the areas a patient may name.
import { useTranslation } from 'react-i18next'
import type { ConsultationScript, ScriptSection } from '../../../../shared/script/schema'
import { SectionContent, TalkingPoints } from '../consultation/SectionContent'
import '../consultation/consultation.css'
import { formatNumber } from '../../i18n'
import { SECTION_KIND_KEYS } from './problems'

const ANSWER_KEYS = { yes: 'script-library:view.answers.yes', no: 'script-library:view.answers.no' } as const
const ANSWER_TYPE_KEYS = { yes_no: 'script-library:view.answerType.yes_no', yes_no_details: 'script-library:view.answerType.yes_no_details' } as const

export function ScriptSectionView({ section, number, script }: { section: ScriptSection; number: number; script: ConsultationScript }) {
  const { t } = useTranslation('script-library')
  return (
    <details className="sc-section">
      <summary className="sc-section__summary">
        <span className="sc-section__title">{t('view.sectionSummary', { number, title: section.title })}</span>
        <span className="sc-section__kind">{t(SECTION_KIND_KEYS[section.kind])}</span>
      </summary>
      <div className="sc-section__body">
        <p className="muted sc-section__meta">
          {t('view.kind', { kind: t(SECTION_KIND_KEYS[section.kind]) })} · {t('view.sectionId')} <span className="mono">{section.id}</span>
        </p>
        <SectionContent section={section} headingLevel={3} />
        {section.acknowledgment ? (
          <div className="sc-block">
            <h3>{t('view.acknowledgment')}</h3>
            <blockquote className="sc-quote">{section.acknowledgment}</blockquote>
          </div>
        ) : null}
        {section.kind === 'screening' ? (
          <div className="sc-block">
            <h3>{t('view.questions')}</h3>
            <ol className="sc-questions">
              {section.questions.map((q) => (
                <li key={q.id}>
                  <p className="sc-question">{q.text}</p>
                  {q.help ? <p className="muted">{t('view.helpText', { help: q.help })}</p> : null}
                  <p className="muted">{t(ANSWER_TYPE_KEYS[q.answerType])}</p>
                  {q.rules.length === 0 ? <p className="muted">{t('view.noRules')}</p> : null}
                  {q.rules.map((r) => (
                    <div key={r.when} className={r.raises === 'contraindication' ? 'sc-rule sc-rule--stop' : 'sc-rule sc-rule--caution'}>
                      <p className="sc-rule__title">{t(r.raises === 'contraindication' ? 'view.ruleContraindication' : 'view.ruleCaution', { when: t(ANSWER_KEYS[r.when]) })}</p>
                      <p>{r.explanation}</p>
                      {r.decisionOptions ? (
                        <>
                          <p className="sc-rule__title">{t('view.decisionOptions')}</p>
                          <ul>
                            {r.decisionOptions.map((o) => (
                              <li key={o.id}>
                                {o.label} ({o.allowsTreatment ? t('view.allowsTreatment') : t('view.stopsTreatment')})
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                    </div>
                  ))}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        {section.kind === 'comprehension' ? (
          <div className="sc-block">
            <h3>{t('view.comprehension')}</h3>
            <ol className="sc-questions">
              {section.questions.map((q) => {
                const revisit = script.sections.find((s) => s.id === q.revisitSectionId)
                return (
                  <li key={q.id}>
                    <p className="sc-question">{q.question}</p>
                    <ul>
                      {q.options.map((o) => (
                        <li key={o.id}>
                          {o.text}
                          {o.id === q.correctOptionId ? <strong className="sc-correct"> ({t('view.correct')})</strong> : null}
                        </li>
                      ))}
                    </ul>
                    <p className="muted">{t('view.revisit', { section: revisit?.title ?? q.revisitSectionId })}</p>
                  </li>
                )
              })}
            </ol>
          </div>
        ) : null}
        {section.kind === 'expectations' ? (
          <div className="sc-block">
            <h3>{t('view.areas')}</h3>
            <ul>
              {section.areas.map((a) => (
                <li key={a.id}>{a.label}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {section.kind === 'treatment_plan' ? (
          <div className="sc-block">
            <h3>{t('view.products')}</h3>
            <ul>
              {section.products.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.brandNames.length > 0 ? ` (${p.brandNames.join(', ')})` : ''}
                </li>
              ))}
            </ul>
            {section.typicalDoses.length > 0 ? (
              <>
                <h3>{t('view.doses')}</h3>
                <ul>
                  {section.typicalDoses.map((d, i) => (
                    <li key={i}>
                      {d.injectionPoints
                        ? t('view.dosePoints', { area: d.area, units: formatNumber(d.units), points: d.injectionPoints })
                        : t('view.dose', { area: d.area, units: formatNumber(d.units) })}{' '}
                      <span className="muted">{d.note}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        <TalkingPoints points={section.talkingPoints} />
      </div>
    </details>
  )
}
