// The tables of the list and detail screens (patients found, signed consents,
// users, scripts, backups, a consent's history): one header row of column
// names, a caption that names the table (hidden unless `showCaption`), and the
// rows the screen draws. `SearchResults` adds what the two search screens
// share: the heading, and the "nothing found" line in place of an empty table;
// `RowLink` is the row's first cell that opens the record.
import type { ReactNode } from 'react'

export type Column = ReactNode | { label: ReactNode; className: string }

interface TableProps {
  /** Names the table; omitted where the section heading already does. */
  caption?: ReactNode
  showCaption?: boolean
  columns: Column[]
  className?: string
  children: ReactNode
}

function isClassed(c: Column): c is { label: ReactNode; className: string } {
  return typeof c === 'object' && c !== null && 'className' in c && 'label' in c
}

export function ResultsTable({ caption, showCaption = false, columns, className = 'table table--rows', children }: TableProps) {
  return (
    <table className={className}>
      {caption === undefined ? null : showCaption ? <caption>{caption}</caption> : <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) =>
            isClassed(c) ? (
              <th key={i} scope="col" className={c.className}>
                {c.label}
              </th>
            ) : (
              <th key={i} scope="col">
                {c}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
}

/** What a search found: a heading that says which list this is, then the rows, or `empty` when there are none. */
export function SearchResults({ title, empty, count, columns, children }: { title: string; empty: string; count: number; columns: Column[]; children: ReactNode }) {
  return (
    <>
      <h2 className="section__title">{title}</h2>
      {count === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ResultsTable caption={title} columns={columns}>
          {children}
        </ResultsTable>
      )}
    </>
  )
}

/** The row's heading cell as a link to the record it names. */
export function RowLink({ onOpen, children }: { onOpen(): void; children: ReactNode }) {
  return (
    <th scope="row">
      <button type="button" className="link-button" onClick={onOpen}>
        {children}
      </button>
    </th>
  )
}
