// The h1 of a screen. It takes focus when the screen appears, so keyboard and
// screen-reader users start at the top of the new content (as a page load would).
import { useEffect, useRef, type ReactNode } from 'react'

export function ScreenHeading({ children, focus = true }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focus) ref.current?.focus()
  }, [focus])
  return (
    <h1 ref={ref} tabIndex={-1} className="screen__title">
      {children}
    </h1>
  )
}
