// The buttons under a form: the one that sends it (disabled while it is being
// sent; with `busyLabel`, it also says so and is marked aria-busy) and, where
// the form can be left unsaved, "Cancel".
import { useTranslation } from 'react-i18next'

interface Props {
  submitLabel: string
  busy: boolean
  busyLabel?: string
  onCancel?: () => void
}

export function FormActions({ submitLabel, busy, busyLabel, onCancel }: Props) {
  const { t } = useTranslation()
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={busy} aria-busy={busyLabel !== undefined ? busy || undefined : undefined}>
        {busy && busyLabel !== undefined ? busyLabel : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common:form.cancel')}
        </button>
      ) : null}
    </div>
  )
}
