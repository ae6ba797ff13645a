// Clinic settings (administrators only): the clinic's name and address, which
// every consent prints, and how many quiet minutes before the app locks itself.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { TextAreaField, TextField } from '../../components/Field'
import { FormActions } from '../../components/FormActions'
import { useLoadOnOpen } from '../../components/loadOnOpen'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { useFormSubmission } from '../../components/forms'
import { errorText } from '../../errors'
import { useSession } from '../../session'

export function SettingsScreen() {
  const { t } = useTranslation('settings')
  const announce = useAnnounce()
  const { settingsChanged } = useSession()
  const [v, setV] = useState<{ name: string; address: string; idleLockMinutes: string } | null>(null)
  const [saved, setSaved] = useState(false)
  const { form, fields, setFields, problem, setProblem, busy, send, refusedAsUsual } = useFormSubmission()

  useLoadOnOpen(
    () => call('settings.get', {}),
    (s) => setV({ name: s.clinic.name, address: s.clinic.address, idleLockMinutes: String(s.idleLockMinutes) }),
    (e) => setProblem(errorText(t, e)),
    [t],
  )

  const set = (k: 'name' | 'address' | 'idleLockMinutes') => (value: string) => {
    setSaved(false)
    setV((old) => (old ? { ...old, [k]: value } : old))
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy || !v) return
    setProblem(null)
    setSaved(false)
    await send(
      async () => {
        const minutes = v.idleLockMinutes.trim() === '' ? Number.NaN : Number(v.idleLockMinutes)
        const s = await call('settings.update', {
          clinic: { name: v.name, address: v.address },
          // A non-number goes to the core as is, so its message is the core's.
          idleLockMinutes: Number.isFinite(minutes) ? minutes : (v.idleLockMinutes as unknown as number),
        })
        setFields({})
        setV({ name: s.clinic.name, address: s.clinic.address, idleLockMinutes: String(s.idleLockMinutes) })
        settingsChanged({ clinicName: s.clinic.name, idleLockMinutes: s.idleLockMinutes })
        setSaved(true)
        announce(t('saved'))
      },
      refusedAsUsual(t, { announce }),
    )
  }

  return (
    <section className="screen-section screen-section--form">
      <ScreenHeading>{t('title')}</ScreenHeading>
      {saved ? <Notice kind="success">{t('saved')}</Notice> : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {v ? (
        <form ref={form} onSubmit={submit} noValidate className="form card">
          <fieldset className="fieldset">
            <legend>{t('clinic.legend')}</legend>
            <TextField name="clinicName" label={t('clinic.name')} value={v.name} onChange={set('name')} error={fields['clinic.name']} required />
            <TextAreaField
              name="address"
              label={t('clinic.address')}
              hint={t('clinic.addressHint')}
              value={v.address}
              onChange={set('address')}
              error={fields['clinic.address']}
              required
            />
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('lock.legend')}</legend>
            <TextField
              name="idleLockMinutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              label={t('lock.minutes')}
              hint={t('lock.hint')}
              value={v.idleLockMinutes}
              onChange={set('idleLockMinutes')}
              error={fields.idleLockMinutes}
              width="narrow"
              required
            />
          </fieldset>
          <FormActions submitLabel={t('save')} busy={busy} />
        </form>
      ) : null}
    </section>
  )
}
