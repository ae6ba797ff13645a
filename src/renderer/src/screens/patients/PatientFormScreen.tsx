// Adding a patient, or editing one (when `id` is given). The core checks every
// field; what it refuses is shown beside the field, focus goes to the first
// one, and nothing is saved until all of it is right.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { TextField } from '../../components/Field'
import { FormActions } from '../../components/FormActions'
import { useLoadOnOpen } from '../../components/loadOnOpen'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { useFormSubmission } from '../../components/forms'
import { errorText } from '../../errors'
import { useNavigation } from '../../navigation'

/** Today as YYYY-MM-DD in local time (the contract's own helper would pull zod into the bundle). */
function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

const EMPTY = { givenName: '', familyName: '', dateOfBirth: '', recordNumber: '', phone: '', email: '' }
type Values = typeof EMPTY

export function PatientFormScreen({ id }: { id?: number }) {
  const { t } = useTranslation('patients')
  const { navigate } = useNavigation()
  const announce = useAnnounce()
  const [values, setValues] = useState<Values | null>(id === undefined ? EMPTY : null)
  // An update's fields come back as `patient.<field>`; show them at the same fields.
  const { form, fields, problem, setProblem, busy, send, refusedAsUsual } = useFormSubmission({ fieldName: (path) => path.replace(/^patient\./, '') })

  useLoadOnOpen(
    id === undefined ? null : () => call('patients.get', { id }),
    (p) => setValues({ givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, recordNumber: p.recordNumber, phone: p.phone, email: p.email }),
    (e) => setProblem(errorText(t, e)),
    [id, t],
  )

  const set = (k: keyof Values) => (v: string) => setValues((old) => (old ? { ...old, [k]: v } : old))

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy || !values) return
    setProblem(null)
    await send(
      async () => {
        const saved = id === undefined ? await call('patients.create', values) : await call('patients.update', { id, patient: values })
        navigate({ name: 'patient', id: saved.id, notice: id === undefined ? 'created' : 'updated' })
      },
      refusedAsUsual(t, { announce }),
    )
  }

  const cancel = () => navigate(id === undefined ? { name: 'patients' } : { name: 'patient', id })

  return (
    <section className="screen-section screen-section--form">
      <ScreenHeading>{id === undefined ? t('form.addTitle') : t('form.editTitle')}</ScreenHeading>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {values ? (
        <form ref={form} onSubmit={submit} noValidate className="form card">
          <div className="form__row">
            <TextField name="givenName" label={t('fields.givenName')} value={values.givenName} onChange={set('givenName')} error={fields.givenName} autoComplete="off" required />
            <TextField
              name="familyName"
              label={t('fields.familyName')}
              value={values.familyName}
              onChange={set('familyName')}
              error={fields.familyName}
              autoComplete="off"
              required
            />
          </div>
          <div className="form__row">
            <TextField
              name="dateOfBirth"
              type="date"
              label={t('fields.dateOfBirth')}
              value={values.dateOfBirth}
              onChange={set('dateOfBirth')}
              error={fields.dateOfBirth}
              min="1900-01-01"
              max={todayIso()}
              width="medium"
              required
            />
            <TextField
              name="recordNumber"
              label={t('fields.recordNumber')}
              hint={t('form.recordNumberHint')}
              value={values.recordNumber}
              onChange={set('recordNumber')}
              error={fields.recordNumber}
              spellCheck={false}
              width="medium"
              required
            />
          </div>
          <div className="form__row">
            <TextField
              name="phone"
              type="tel"
              label={t('fields.phone')}
              hint={t('common:form.optional')}
              value={values.phone}
              onChange={set('phone')}
              error={fields.phone}
              inputMode="tel"
            />
            <TextField
              name="email"
              type="email"
              label={t('fields.email')}
              hint={t('common:form.optional')}
              value={values.email}
              onChange={set('email')}
              error={fields.email}
              inputMode="email"
              spellCheck={false}
            />
          </div>
          <FormActions submitLabel={id === undefined ? t('form.create') : t('form.save')} busy={busy} onCancel={cancel} />
        </form>
      ) : null}
    </section>
  )
}
