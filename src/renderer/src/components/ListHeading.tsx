// The top of a list screen (patients, users): its h1 and the "＋ Add …" button
// beside it that opens the form for a new record.
import { ScreenHeading } from './ScreenHeading'
import { useNavigation, type Route } from '../navigation'

export function ListHeading({ title, addLabel, addTo }: { title: string; addLabel: string; addTo: Route }) {
  const { navigate } = useNavigation()
  return (
    <div className="screen__header">
      <ScreenHeading>{title}</ScreenHeading>
      <button type="button" className="button button--primary" onClick={() => navigate(addTo)}>
        <span aria-hidden="true">＋ </span>
        {addLabel}
      </button>
    </div>
  )
}
