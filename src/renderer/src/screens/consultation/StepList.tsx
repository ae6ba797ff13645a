// The consultation's progress: its steps in order, each done, current, still
// to come or blocked (a contraindication stops the path to signing). It is an
// ordered list; the current step carries aria-current="step" so a
// screen-reader user hears where they are. Steps already reached can be
// opened again (that is how "Back" to an earlier section works).
import { useTranslation } from 'react-i18next'

export type StepState = 'done' | 'current' | 'todo' | 'blocked'

/** What each state is called, as literal keys so the catalog check sees them. */
const STATE_TEXT: Record<StepState, string> = {
  done: 'consultation:steps.state.done',
  current: 'consultation:steps.state.current',
  todo: 'consultation:steps.state.todo',
  blocked: 'consultation:steps.state.blocked',
}

export interface StepItem {
  key: string
  title: string
  state: StepState
  /** Whether the clinician may open this step from the list. */
  reachable: boolean
}

interface Props {
  steps: StepItem[]
  label: string
  onOpen?: (key: string) => void
  /** The step shown now, if different from the first not-yet-done one. */
  openKey?: string
}

export function StepList({ steps, label, onOpen, openKey }: Props) {
  const { t } = useTranslation('consultation')
  const done = steps.filter((s) => s.state === 'done').length
  return (
    <nav className="cn-steps" aria-label={label}>
      <p className="cn-steps__progress">{t('steps.progress', { done, total: steps.length })}</p>
      <progress className="cn-steps__bar" max={steps.length} value={done} aria-label={t('steps.progress', { done, total: steps.length })} />
      <ol className="cn-steps__list">
        {steps.map((s, i) => {
          const isOpen = openKey ? s.key === openKey : s.state === 'current'
          const stateText = t(STATE_TEXT[s.state])
          const body = (
            <>
              <span className="cn-steps__marker" aria-hidden="true">
                {s.state === 'done' ? '✓' : s.state === 'blocked' ? '!' : i + 1}
              </span>
              <span className="cn-steps__title">{s.title}</span>
              <span className="cn-steps__state">{stateText}</span>
            </>
          )
          return (
            <li key={s.key} className={`cn-steps__item cn-steps__item--${s.state}${isOpen ? ' cn-steps__item--open' : ''}`} aria-current={isOpen ? 'step' : undefined}>
              {onOpen && s.reachable && !isOpen ? (
                <button type="button" className="cn-steps__button" onClick={() => onOpen(s.key)}>
                  {body}
                </button>
              ) : (
                <span className="cn-steps__static">{body}</span>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
