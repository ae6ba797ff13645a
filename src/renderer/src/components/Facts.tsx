// The facts of one record on a detail screen (date of birth, record number,
// status…) as a description list: a label and its value per row.
import type { ReactNode } from 'react'

export function Facts({ className, children }: { className?: string; children: ReactNode }) {
  return <dl className={className ? `facts ${className}` : 'facts'}>{children}</dl>
}

interface FactProps {
  label: ReactNode
  /** On the value (e.g. `mono` for a record number). */
  valueClassName?: string
  /** On the row (e.g. a row that spans the width). */
  className?: string
  testId?: string
  children: ReactNode
}

export function Fact({ label, valueClassName, className, testId, children }: FactProps) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd className={valueClassName} data-testid={testId}>
        {children}
      </dd>
    </div>
  )
}
