// First run: create the clinic and its first administrator, or load the demo
// clinic (and show its logins, which exist nowhere else on screen).
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../../shared/domain'
import type { Role } from '../../../../shared/roles'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { TextAreaField, TextField } from '../../components/Field'
import { FormActions } from '../../components/FormActions'
import { Notice } from '../../components/Notice'
import { ResultsTable } from '../../components/ResultsTable'
import { ScreenHeading } from '../../components/ScreenHeading'
import { useFormSubmission } from '../../components/forms'
import { errorText, roleText } from '../../errors'

interface DemoLogin {
  username: string
  password: string
  role: string
}

export function SetupScreen(props: { onCreated(s: SessionInfo, clinicName: string): void; onDemoLoaded(clinicName: string): void }) {
  const { t } = useTranslation('setup')
  const announce = useAnnounce()
  const [v, setV] = useState({ clinicName: '', address: '', username: '', displayName: '', password: '', confirm: '' })
  const { form, fields, setFields, problem, setProblem, busy, send, showFieldProblems, refusedAsUsual } = useFormSubmission()
  const [demo, setDemo] = useState<{ logins: DemoLogin[]; clinicName: string } | null>(null)
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }))

  async function createClinic(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setProblem(null)
    setFields({})
    if (v.password !== v.confirm) {
      showFieldProblems(t, { 'admin.confirm': 'password_mismatch' }, { announce })
      return
    }
    await send(
      async () => {
        const session = await call('setup.createClinic', {
          clinic: { name: v.clinicName, address: v.address },
          admin: { username: v.username, displayName: v.displayName, password: v.password },
        })
        props.onCreated(session, v.clinicName.trim())
      },
      refusedAsUsual(t, { announce }),
    )
  }

  async function loadDemo() {
    if (busy) return
    setProblem(null)
    await send(
      async () => {
        const { logins } = await call('setup.loadDemo', {})
        const status = await call('setup.status', {})
        setDemo({ logins, clinicName: status.clinicName ?? '' })
        announce(t('demo.loaded'))
      },
      (err) => setProblem(errorText(t, err)),
    )
  }

  if (demo)
    return (
      <main className="centered" id="main">
        <div className="card card--medium">
          <ScreenHeading>{t('demo.loadedTitle')}</ScreenHeading>
          <Notice kind="success">{t('demo.loaded')}</Notice>
          <p>{t('demo.loginsIntro')}</p>
          <ResultsTable className="table" caption={t('demo.loginsCaption')} columns={[t('demo.role'), t('demo.username'), t('demo.password')]}>
            {demo.logins.map((l) => (
              <tr key={l.username}>
                <td>{roleText(t, l.role as Role)}</td>
                <td className="mono">{l.username}</td>
                <td className="mono">{l.password}</td>
              </tr>
            ))}
          </ResultsTable>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={() => props.onDemoLoaded(demo.clinicName)}>
              {t('demo.continue')}
            </button>
          </div>
        </div>
      </main>
    )

  return (
    <main className="centered" id="main">
      <div className="card card--medium">
        <p className="eyebrow">{t('common:appName')}</p>
        <ScreenHeading>{t('title')}</ScreenHeading>
        <p className="lead">{t('intro')}</p>
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        <form ref={form} onSubmit={createClinic} noValidate className="form">
          <fieldset className="fieldset">
            <legend>{t('clinic.legend')}</legend>
            <TextField
              name="clinicName"
              label={t('clinic.name')}
              value={v.clinicName}
              onChange={set('clinicName')}
              error={fields['clinic.name']}
              autoComplete="organization"
              required
            />
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
            <legend>{t('admin.legend')}</legend>
            <p className="field__hint">{t('admin.intro')}</p>
            <TextField
              name="displayName"
              label={t('admin.displayName')}
              hint={t('admin.displayNameHint')}
              value={v.displayName}
              onChange={set('displayName')}
              error={fields['admin.displayName']}
              autoComplete="name"
              required
            />
            <TextField
              name="username"
              label={t('admin.username')}
              hint={t('common:form.usernameHint')}
              value={v.username}
              onChange={set('username')}
              error={fields['admin.username']}
              autoComplete="username"
              spellCheck={false}
              width="medium"
              required
            />
            <TextField
              name="password"
              type="password"
              label={t('admin.password')}
              hint={t('common:form.passwordHint')}
              value={v.password}
              onChange={set('password')}
              error={fields['admin.password']}
              autoComplete="new-password"
              width="medium"
              required
            />
            <TextField
              name="confirm"
              type="password"
              label={t('admin.confirm')}
              value={v.confirm}
              onChange={set('confirm')}
              error={fields['admin.confirm']}
              autoComplete="new-password"
              width="medium"
              required
            />
          </fieldset>
          <FormActions submitLabel={t('create')} busy={busy} />
        </form>
        <section className="aside-section" aria-labelledby="demo-title">
          <h2 id="demo-title" className="section__title">
            {t('demo.title')}
          </h2>
          <p>{t('demo.text')}</p>
          <button type="button" className="button button--secondary" onClick={loadDemo} disabled={busy}>
            {t('demo.load')}
          </button>
        </section>
      </div>
    </main>
  )
}
