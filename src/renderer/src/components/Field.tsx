// A labelled form field with its hint and its message. The message sits right
// under the label's field, is tied to it with aria-describedby, and the field
// is marked aria-invalid, so sighted, keyboard and screen-reader users all
// learn what to fix where.
import { useId, type ChangeEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrorText } from '../errors'

interface Common {
  label: string
  /** A field code from the core (`required`, `invalid_email`...), translated here. */
  error?: string
  hint?: string
  required?: boolean
  name: string
}

type InputProps = Common & {
  value: string
  onChange(value: string): void
  type?: 'text' | 'password' | 'email' | 'tel' | 'date' | 'number' | 'search'
  autoComplete?: string
  inputMode?: 'numeric' | 'text' | 'tel' | 'email'
  min?: number | string
  max?: number | string
  spellCheck?: boolean
  width?: 'narrow' | 'medium' | 'full'
}

function useFieldIds(error?: string, hint?: string) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return { id, hintId, errorId, describedBy }
}

// Most fields are required, so (as GOV.UK's design system advises) the few
// optional ones say "Optional" in their hint and required ones carry only
// aria-required.
function Frame({
  id,
  label,
  hint,
  hintId,
  error,
  errorId,
  children,
}: {
  id: string
  label: string
  hint?: string
  hintId?: string
  error?: string
  errorId?: string
  children: ReactNode
}) {
  const { t } = useTranslation('common')
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="field__error">
          <span aria-hidden="true" className="field__error-icon">
            !
          </span>{' '}
          {fieldErrorText(t, error)}
        </p>
      ) : null}
    </div>
  )
}

export function TextField(p: InputProps) {
  const ids = useFieldIds(p.error, p.hint)
  return (
    <Frame {...p} {...ids}>
      <input
        id={ids.id}
        name={p.name}
        className={`input input--${p.width ?? 'full'}`}
        type={p.type ?? 'text'}
        value={p.value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => p.onChange(e.target.value)}
        autoComplete={p.autoComplete ?? 'off'}
        inputMode={p.inputMode}
        min={p.min}
        max={p.max}
        spellCheck={p.spellCheck}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={p.required || undefined}
      />
    </Frame>
  )
}

export function TextAreaField(p: Common & { value: string; onChange(value: string): void; rows?: number }) {
  const ids = useFieldIds(p.error, p.hint)
  return (
    <Frame {...p} {...ids}>
      <textarea
        id={ids.id}
        name={p.name}
        className="input input--full"
        rows={p.rows ?? 3}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={p.required || undefined}
      />
    </Frame>
  )
}

export function SelectField(p: Common & { value: string; onChange(value: string): void; options: { value: string; label: string }[] }) {
  const ids = useFieldIds(p.error, p.hint)
  return (
    <Frame {...p} {...ids}>
      <select
        id={ids.id}
        name={p.name}
        className="input input--medium"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={p.required || undefined}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  )
}
