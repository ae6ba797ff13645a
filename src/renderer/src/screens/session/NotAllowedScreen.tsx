// Shown if a route is opened that the person's role may not use. The menu
// never offers such a route; this is the honest answer if code navigates there.
import { useTranslation } from 'react-i18next'
import { ScreenHeading } from '../../components/ScreenHeading'

export function NotAllowedScreen() {
  const { t } = useTranslation('common')
  return (
    <section className="card">
      <ScreenHeading>{t('notAllowed.title')}</ScreenHeading>
      <p>{t('errors.forbidden')}</p>
    </section>
  )
}
