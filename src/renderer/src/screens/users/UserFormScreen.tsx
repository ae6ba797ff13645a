// Adding a user (administrators only): name, username, role and a first
// password that the person should then know. The core refuses a taken username.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ROLES, type Role } from '../../../../shared/roles'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { SelectField, TextField } from '../../components/Field'
import { FormActions } from '../../components/FormActions'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { useFormSubmission } from '../../components/forms'
import { roleText } from '../../errors'
import { useNavigation } from '../../navigation'

export function UserFormScreen() {
  const { t } = useTranslation('users')
  const { navigate } = useNavigation()
  const announce = useAnnounce()
  const [v, setV] = useState({ displayName: '', username: '', role: 'staff' as Role, password: '' })
  const { form, fields, problem, setProblem, busy, send, refusedAsUsual } = useFormSubmission()
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setProblem(null)
    await send(
      async () => {
        const user = await call('users.create', v)
        navigate({ name: 'users', added: user.displayName })
      },
      refusedAsUsual(t, { announce }),
    )
  }

  return (
    <section className="screen-section screen-section--form">
      <ScreenHeading>{t('form.title')}</ScreenHeading>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <form ref={form} onSubmit={submit} noValidate className="form card">
        <TextField
          name="displayName"
          label={t('fields.displayName')}
          hint={t('form.displayNameHint')}
          value={v.displayName}
          onChange={set('displayName')}
          error={fields.displayName}
          required
        />
        <TextField
          name="username"
          label={t('fields.username')}
          hint={t('common:form.usernameHint')}
          value={v.username}
          onChange={set('username')}
          error={fields.username}
          spellCheck={false}
          width="medium"
          required
        />
        <SelectField
          name="role"
          label={t('fields.role')}
          hint={t('form.roleHint')}
          value={v.role}
          onChange={set('role')}
          error={fields.role}
          options={ROLES.map((r) => ({ value: r, label: roleText(t, r) }))}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('fields.password')}
          hint={t('common:form.passwordHint')}
          value={v.password}
          onChange={set('password')}
          error={fields.password}
          autoComplete="new-password"
          width="medium"
          required
        />
        <FormActions submitLabel={t('form.create')} busy={busy} onCancel={() => navigate({ name: 'users' })} />
      </form>
    </section>
  )
}
