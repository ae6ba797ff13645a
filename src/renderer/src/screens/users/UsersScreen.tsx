// The people who may use the app (administrators only): who they are, their
// role, since when; and the way to add someone.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserSummary } from '../../../../shared/domain'
import { call } from '../../api'
import { ListHeading } from '../../components/ListHeading'
import { useLoadOnOpen } from '../../components/loadOnOpen'
import { Notice } from '../../components/Notice'
import { ResultsTable } from '../../components/ResultsTable'
import { errorText, roleText } from '../../errors'
import { formatDate } from '../../i18n'

export function UsersScreen({ added }: { added?: string }) {
  const { t } = useTranslation('users')
  const [users, setUsers] = useState<UserSummary[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useLoadOnOpen(
    () => call('users.list', {}),
    setUsers,
    (e) => setProblem(errorText(t, e)),
    [t],
  )

  return (
    <section className="screen-section">
      <ListHeading title={t('list.title')} addLabel={t('list.add')} addTo={{ name: 'userNew' }} />
      {added ? <Notice kind="success">{t('list.added', { name: added })}</Notice> : null}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {users ? (
        <ResultsTable caption={t('list.title')} columns={[t('fields.displayName'), t('fields.username'), t('fields.role'), t('list.since')]}>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.displayName}</th>
              <td className="mono">{u.username}</td>
              <td>
                <span className={`role-badge role-badge--${u.role}`}>{roleText(t, u.role)}</span>
              </td>
              <td>{formatDate(u.createdAt)}</td>
            </tr>
          ))}
        </ResultsTable>
      ) : null}
    </section>
  )
}
