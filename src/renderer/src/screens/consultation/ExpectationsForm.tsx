// Expectations: the patient's goals in their own words, the areas they are
// concerned about, and their acknowledgment of the realistic timeline (when
// the effect starts, peaks and wears off, and that results vary).
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../shared/consultation'
import type { SectionOfKind } from '../../../../shared/script/schema'
import { call } from '../../api'
import { formatDateTime } from '../../i18n'
import { SaveStatus, useSaving } from './saving'

interface Props {
  state: ConsultationState
  section: SectionOfKind<'expectations'>
  onSaved: (s: ConsultationState) => void
  readOnly: boolean
}

export function ExpectationsForm({ state, section, onSaved, readOnly }: Props) {
  const { t } = useTranslation('consultation')
  const saved = state.expectations
  const saving = useSaving()
  const [goals, setGoals] = useState(saved?.goals ?? '')
  const [areaIds, setAreaIds] = useState<string[]>(saved?.areaIds ?? [])
  const [otherAreas, setOtherAreas] = useState(saved?.otherAreas ?? '')
  const [timeline, setTimeline] = useState(Boolean(saved?.timelineAcknowledged))
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})
  const goalsId = useId()
  const otherId = useId()
  const timelineId = useId()
  const errors = { ...saving.fields, ...localErrors }

  const toggleArea = (id: string) => setAreaIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))

  const save = async () => {
    const problems: Record<string, string> = {}
    if (!goals.trim()) problems.goals = t('expectations.goalsRequired')
    if (!timeline) problems.timelineAcknowledged = t('expectations.timelineRequired')
    setLocalErrors(problems)
    if (Object.keys(problems).length > 0) return
    const s = await saving.run(() =>
      call('consultation.saveExpectations', {
        consultationId: state.id,
        goals,
        areaIds: section.areas.filter((a) => areaIds.includes(a.id)).map((a) => a.id),
        otherAreas,
        timelineAcknowledged: true,
      }),
    )
    if (s) onSaved(s)
  }

  return (
    <div className="cn-expectations">
      <div className="cn-field">
        <label htmlFor={goalsId}>{t('expectations.goals')}</label>
        <p className="cn-field__hint">{t('expectations.goalsHint')}</p>
        <textarea id={goalsId} value={goals} onChange={(e) => setGoals(e.target.value)} rows={3} disabled={readOnly} aria-invalid={errors.goals ? true : undefined} />
        {errors.goals ? <p className="cn-field-error">{errors.goals}</p> : null}
      </div>
      <fieldset className="cn-fieldset">
        <legend>{t('expectations.areas')}</legend>
        {section.areas.map((a) => (
          <label key={a.id} className="cn-choice">
            <input type="checkbox" checked={areaIds.includes(a.id)} onChange={() => toggleArea(a.id)} disabled={readOnly} />
            <span>{a.label}</span>
          </label>
        ))}
        <div className="cn-field">
          <label htmlFor={otherId}>{t('expectations.otherAreas')}</label>
          <input id={otherId} type="text" value={otherAreas} onChange={(e) => setOtherAreas(e.target.value)} disabled={readOnly} />
        </div>
        {errors.areaIds ? <p className="cn-field-error">{t('expectations.areasRequired')}</p> : null}
      </fieldset>
      <div className="cn-field">
        <label className="cn-choice" htmlFor={timelineId}>
          <input
            id={timelineId}
            type="checkbox"
            checked={timeline}
            onChange={(e) => setTimeline(e.target.checked)}
            disabled={readOnly}
            aria-invalid={errors.timelineAcknowledged ? true : undefined}
          />
          <span>{t('expectations.timelineAcknowledged')}</span>
        </label>
        {errors.timelineAcknowledged ? <p className="cn-field-error">{errors.timelineAcknowledged}</p> : null}
      </div>
      {!readOnly ? (
        <div className="cn-actions">
          <button type="button" className="cn-button cn-button--secondary" onClick={save} disabled={saving.saving}>
            {t('expectations.save')}
          </button>
          {saved ? <span className="cn-done-mark">{t('recordedAt', { at: formatDateTime(saved.at) })}</span> : null}
        </div>
      ) : null}
      <SaveStatus state={saving.state} />
    </div>
  )
}
