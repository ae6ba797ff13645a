// The search-as-you-type text box of the patient list and the staff desk:
// a label, a hint tied to the input, and an input that leaves typing alone
// (no autocomplete, no spell-check). The caller places it and owns the query.
interface Props {
  id: string
  label: string
  hint: string
  value: string
  onChange(value: string): void
}

export function SearchBox({ id, label, hint, value, onChange }: Props) {
  return (
    <>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <input
        id={id}
        className="input input--search"
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
      />
    </>
  )
}
