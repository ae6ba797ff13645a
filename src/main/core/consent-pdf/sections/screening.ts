// Medical history and allergy screening, with every contraindication or
// caution and the clinician's decision; the offer of the Medication Guide.
import { FONT } from '../fonts'
import { COLOR } from '../writer'
import type { SectionContext } from './context'

export function screening({ w, r, f, p }: SectionContext): void {
  const t = p.screening
  w.heading(t.heading)
  if (r.screening.length === 0) w.text(t.none, { size: 9 })
  for (const a of r.screening) {
    w.group('Div', () => {
      w.text(a.text, { font: FONT.bold, size: 9 })
      w.text(t.answer(a.answer === 'yes', a.details, f.dateTime(a.at)), { size: 9 })
      if (a.raised) {
        w.text(t.raised(a.raised, a.explanation ?? ''), { size: 9, color: COLOR.warnRule, font: FONT.bold })
        if (a.decision) w.text(t.decision(a.decision.optionLabel, a.decision.allowsTreatment, a.decision.note, a.decision.by.displayName, f.dateTime(a.decision.at)), { size: 9 })
        else if (a.raised === 'caution') w.text(t.noDecision, { size: 9 })
      }
      w.y += 4
    })
  }
  if (r.blocks.length > 0)
    w.box(
      t.blocked,
      r.blocks.map((b) => b.explanation),
      { warn: true },
    )
}

export function medicationGuide({ w, r, f, p }: SectionContext): void {
  const t = p.medicationGuide
  w.heading(t.heading, 2, 40)
  w.text(r.medicationGuide ? t.offered(f.dateTime(r.medicationGuide.at), r.medicationGuide.accepted) : t.none, { size: 9 })
}
