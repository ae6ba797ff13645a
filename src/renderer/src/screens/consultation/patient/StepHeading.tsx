// The heading of a patient step. It takes focus when the step appears, so a
// screen reader (and the keyboard) start at the top of the new step, as they
// would on a new page.
import { useEffect, useRef } from 'react'

/** The step heading takes focus when the step appears, as a new page would. */
export function StepHeading({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <h2 ref={ref} tabIndex={-1}>
      {children}
    </h2>
  )
}
