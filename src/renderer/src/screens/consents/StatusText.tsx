// A consent's status in words: signed on screen, signed on paper, or withdrawn (with the date).
import { useTranslation } from 'react-i18next'
import type { ConsentListItem } from '../../../../shared/contract/consents'
import { formatDate } from '../../i18n'

export function StatusText({ item }: { item: Pick<ConsentListItem, 'withdrawnAt'> & { document?: { kind: string }; documents?: { kind: string }[] } }) {
  const { t } = useTranslation('consents')
  const kind = item.document?.kind ?? item.documents?.[0]?.kind
  if (item.withdrawnAt) return <span className="consent-status consent-status--withdrawn">{t('status.withdrawn', { date: formatDate(item.withdrawnAt) })}</span>
  return <span className="consent-status consent-status--signed">{kind === 'paper_consent' ? t('status.paper') : t('status.signed')}</span>
}
