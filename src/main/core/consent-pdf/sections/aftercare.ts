// The aftercare page, on a page of its own for the patient to take home.
import { FONT } from '../fonts'
import { patientFullName } from '../running'
import type { SectionContext } from './context'

export function aftercare({ w, r, f, p, signedOffAt }: SectionContext): void {
  const t = p.aftercare
  w.newPage()
  w.group('Sect', () => {
    w.heading(t.heading, 1, 100)
    w.text(t.treatedOn(patientFullName(r), f.date(signedOffAt)), { size: 10.5, font: FONT.bold })
    w.text([t.yourClinician(r.clinician.displayName), r.plan ? t.product(r.plan.productName, f.number(r.plan.totalUnits)) : ''].filter(Boolean).join(' '), { size: 10 })
    w.y += 6
    w.bullets(r.aftercare.length > 0 ? r.aftercare : [t.fallbackAdvice], { size: 10.5 })
    w.y += 6
    w.box(t.questionsTitle, [t.call(r.clinic.name, r.clinic.address ? r.clinic.address.replace(/\n/g, ', ') : null), t.emergency], { warn: true })
  })
}
