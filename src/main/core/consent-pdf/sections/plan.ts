// Goals and expectations, the treatment plan and the understanding check.
import { FONT } from '../fonts'
import { COLOR } from '../writer'
import type { SectionContext } from './context'

export function goalsAndExpectations({ w, r, f, p }: SectionContext): void {
  const t = p.goals
  w.heading(t.heading)
  if (!r.expectations) {
    w.text(t.none, { size: 9 })
    return
  }
  const e = r.expectations
  w.text(t.ownWords, { font: FONT.bold, size: 8.5, color: COLOR.muted })
  w.text(e.goals, { size: 9 })
  w.y += 4
  w.fields([
    [t.areas, [...e.areaLabels, e.otherAreas].filter(Boolean).join(', ')],
    [t.onset, e.timeline.onset],
    [t.fullEffect, e.timeline.peak],
    [t.duration, e.timeline.duration],
    [t.variability, e.timeline.variability],
    [t.timelineAccepted, t.timelineAcceptedValue(f.dateTime(e.at))],
  ])
}

export function treatmentPlan({ w, r, f, p }: SectionContext): void {
  const t = p.plan
  w.heading(t.heading, 2, 110)
  if (!r.plan) {
    w.text(t.none, { size: 9 })
    return
  }
  const plan = r.plan
  w.fields([
    [t.product, plan.productName],
    [t.lotNumber, plan.lotNumber],
    [t.expiryDate, f.date(plan.expiryDate)],
    [t.dilution, t.dilutionValue(f.number(plan.dilution.vialUnits), f.number(plan.dilution.diluentMl), f.number(plan.dilution.unitsPerMl))],
    [t.planned, f.dateTime(plan.at)],
  ])
  w.y += 2
  w.table(
    [
      { header: t.columns.site, weight: 6 },
      { header: t.columns.units, weight: 1.4, align: 'right' },
    ],
    plan.sites.map((s) => [s.site, f.number(s.units)]),
    { footer: [t.total, t.totalUnits(f.number(plan.totalUnits))] },
  )
  w.text(t.notInterchangeable, { size: 8, color: COLOR.muted })
}

export function understandingCheck({ w, r, f, p }: SectionContext): void {
  const t = p.understanding
  w.heading(t.heading)
  if (r.comprehension.length === 0) {
    w.text(t.none, { size: 9 })
    return
  }
  w.table(
    [
      { header: t.columns.question, weight: 4 },
      { header: t.columns.answers, weight: 4.5 },
      { header: t.columns.result, weight: 1.5 },
    ],
    r.comprehension.map((c) => [
      c.question,
      c.attempts.map((a, i) => t.attempt(i + 1, a.optionText, a.correct, f.dateTime(a.at))).join('\n'),
      t.result(c.passed, c.attempts.length),
    ]),
  )
}
