// A part of a screen with its own h2 that names it for assistive technology
// (aria-labelledby): the cards of a detail screen ("Details", "Next steps")
// and the sections under them ("History"). `id` must be unique on the screen.
import type { ReactNode } from 'react'

export function TitledSection({ id, title, className, children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className="section__title">
        {title}
      </h2>
      {children}
    </section>
  )
}
