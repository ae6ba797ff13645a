// What was discussed: every section with when it was shown, discussed and
// acknowledged; the words the patient saw; the questions they asked.
import type { ConsentRecord } from '../../../../shared/consultation'
import { FONT } from '../fonts'
import type { DocFormat } from '../format'
import type { ConsentPhrases } from '../phrases'
import { COLOR } from '../writer'
import type { SectionContext } from './context'

type RecordSection = ConsentRecord['sections'][number]

function shownWords(f: DocFormat, p: ConsentPhrases, s: RecordSection): string {
  const t = p.discussed
  return [s.firstShownAt ? t.shown(f.dateTime(s.firstShownAt)) : t.notShown, s.discussedAt ? t.discussed(f.dateTime(s.discussedAt)) : ''].filter(Boolean).join('\n')
}

function acknowledgedWords(f: DocFormat, p: ConsentPhrases, s: RecordSection): string {
  if (!s.needsAcknowledgment) return p.discussed.noAcknowledgmentAsked
  return s.acknowledgedAt ? f.dateTime(s.acknowledgedAt) : p.discussed.notAcknowledged
}

export function discussedAndAcknowledged({ w, r, f, p }: SectionContext): void {
  const t = p.discussed
  w.heading(t.heading)
  w.text(t.intro, { size: 8.5, color: COLOR.muted })
  w.y += 4
  w.table(
    [
      { header: t.columns.section, weight: 2.7 },
      { header: t.columns.shownAndDiscussed, weight: 3.5 },
      { header: t.columns.acknowledged, weight: 2.5 },
      { header: t.columns.initials, weight: 1 },
    ],
    r.sections.map((s) => [s.title, shownWords(f, p, s), acknowledgedWords(f, p, s), s.initials ?? '']),
  )
}

export function whatThePatientWasShown({ w, r, f, p }: SectionContext): void {
  const t = p.shownWords
  w.heading(t.heading, 2, 90)
  w.text(t.intro(r.script.scriptId, r.script.version), { size: 8.5, color: COLOR.muted })
  for (const s of r.sections) {
    w.group('Sect', () => {
      w.heading(s.title, 3, 50)
      if (s.boxedWarning) w.box(s.boxedWarning.title, s.boxedWarning.body, { warn: true })
      for (const para of s.body) {
        w.text(para, { size: 8.5 })
        w.y += 2.5
      }
      if (s.risks.length > 0) {
        w.table(
          [
            { header: t.columns.possibleEffect, weight: 5 },
            { header: t.columns.howOften, weight: 2.6 },
            { header: t.columns.source, weight: 2.4 },
          ],
          s.risks.map((k) => [k.text, t.frequency(t.bands[k.band] ?? k.band, k.frequency), k.source]),
          { size: 8 },
        )
      }
      if (s.acknowledgment) {
        w.text(s.acknowledgedAt ? t.acknowledged(s.initials ?? '', f.dateTime(s.acknowledgedAt), s.acknowledgment) : t.notAcknowledged(s.acknowledgment), {
          size: 8.5,
          font: FONT.italic,
          color: COLOR.accent,
        })
        w.y += 2
      }
    })
  }
}

export function patientQuestions({ w, r, f, p }: SectionContext): void {
  const t = p.questions
  w.heading(t.heading)
  if (r.flags.length === 0) w.text(t.none, { size: 9 })
  for (const q of r.flags) {
    const section = r.sections.find((s) => s.sectionId === q.sectionId)?.title ?? q.sectionId
    w.group('Div', () => {
      w.text(t.askedDuring(section, f.dateTime(q.at)), { font: FONT.bold, size: 8.5, color: COLOR.muted })
      w.text(q.question ? p.quote(q.question) : t.talkAboutSection, { size: 9 })
      w.text(q.answer ? t.answerBy(q.answer.by.displayName, f.dateTime(q.answer.at)) : t.notAnswered, { font: FONT.bold, size: 8.5 })
      if (q.answer) w.text(q.answer.note, { size: 9 })
      w.y += 5
    })
  }
}
