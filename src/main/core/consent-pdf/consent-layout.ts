// The consent summary, laid out from the frozen record (`ConsentRecord`):
// who and where; what script, which version, which words; every section with
// when it was shown, discussed and acknowledged; the patient's questions and
// the answers; screening with every contraindication or caution and the
// clinician's decision; goals; the treatment plan; the understanding check
// with every attempt; the declarations and signatures; then the aftercare
// page to take home. Each page carries the patient's identifiers, "Page x of
// y", the record's SHA-256 and the audit chain head at sign-off.
//
// On the paper route (the patient declined to sign on screen) the same
// document carries blank lines for the wet-ink signatures instead.
import type { ConsentRecord, RecordSignature, SignatureRole } from '../../../shared/consultation'
import { SIGNATURE_MEANINGS } from '../../../shared/consultation'
import { FONT } from './fonts'
import { docFormat, type DocFormat } from './format'
import { drawSignatureStrokes } from './signature-drawing'
import { COLOR, DocumentWriter, PAGE, type RunningParts } from './writer'

/** What seals the document to the record and the audit trail (printed in every footer). */
export interface ConsentSeal {
  /** SHA-256 (hex) of the record's canonical form. */
  recordSha256: string
  /** The audit chain at sign-off: position (row id) and head hash. */
  auditPosition: number
  auditHead: string
}

export interface LayoutOptions {
  resourcesDir: string
  /** IANA zone for printed times; the machine's zone when absent. */
  timeZone?: string
}

export const DOCUMENT_TITLE = 'Consent summary'

const BAND_WORDS: Record<string, string> = { common: 'Common', uncommon: 'Uncommon', rare: 'Rare', very_rare: 'Very rare' }
const ROLE_WORDS: Record<SignatureRole, string> = { patient: 'Patient', witness: 'Witness', clinician: 'Treating clinician' }

export function patientFullName(r: ConsentRecord): string {
  return `${r.patient.givenName} ${r.patient.familyName}`
}

export interface RunningInput {
  clinicName: string
  /** Patient name, date of birth and record number, on every page. */
  idLine: string
  /** The document's short title at the top right. */
  title: string
  /** What seals the document, printed small at the foot of every page. */
  footerLines: string[]
}

export function patientIdLine(r: Pick<ConsentRecord, 'patient'>, f: DocFormat): string {
  return `${r.patient.givenName} ${r.patient.familyName}  ·  Date of birth ${f.date(r.patient.dateOfBirth)}  ·  Record no. ${r.patient.recordNumber}`
}

/** The running header and footer; their heights depend on how the text wraps (long names). */
export function runningParts(w: DocumentWriter, p: RunningInput): RunningParts {
  const half = w.width / 2 - 6
  const clinicName = p.clinicName || 'Clinic'
  const docTitle = p.title
  const idLine = p.idLine
  const clinicH = w.measure(clinicName, FONT.bold, 9.5, half)
  const titleH = w.measure(docTitle, FONT.regular, 8.5, half)
  const idH = w.measure(idLine, FONT.bold, 9, w.width)
  const headerTop = 26
  const headerHeight = headerTop + Math.max(clinicH, titleH) + 4 + idH + 10 + 14

  const footerLines = p.footerLines
  const footerWidth = w.width - 80
  const footerTextH = footerLines.reduce((s, l) => s + w.measure(l, FONT.mono, 6.5, footerWidth, 0.5), 0)
  const footerHeight = footerTextH + 34

  return {
    header: {
      height: headerHeight,
      draw(wr) {
        const d = wr.doc
        let y = headerTop
        wr.font(FONT.bold, 9.5)
        d.fillColor(COLOR.accent).text(clinicName, wr.left, y, { width: half, lineGap: 0.5 })
        wr.font(FONT.regular, 8.5)
        d.fillColor(COLOR.muted).text(docTitle, wr.left + wr.width - half, y, { width: half, align: 'right', lineGap: 0.5 })
        y += Math.max(clinicH, titleH) + 4
        wr.font(FONT.bold, 9)
        d.fillColor(COLOR.text).text(idLine, wr.left, y, { width: wr.width, lineGap: 1.5 })
        y += idH + 5
        d.moveTo(wr.left, y).lineTo(wr.left + wr.width, y).lineWidth(0.9).strokeColor(COLOR.accent).stroke()
        d.fillColor(COLOR.text)
      },
    },
    footer: {
      height: footerHeight,
      draw(wr, i, n) {
        const d = wr.doc
        let y = PAGE.height - footerHeight + 12
        d.moveTo(wr.left, y).lineTo(wr.left + wr.width, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke()
        y += 6
        const startY = y
        for (const l of footerLines) {
          wr.font(FONT.mono, 6.5)
          d.fillColor(COLOR.muted).text(l, wr.left, y, { width: footerWidth, lineGap: 0.5 })
          y = d.y
        }
        wr.font(FONT.bold, 8.5)
        d.fillColor(COLOR.text).text(`Page ${i + 1} of ${n}`, wr.left + wr.width - 76, startY, { width: 76, align: 'right', lineBreak: false })
        d.fillColor(COLOR.text)
      },
    },
  }
}

function signatureBlock(w: DocumentWriter, f: DocFormat, role: SignatureRole, sig: RecordSignature | null, o: { name?: string; note?: string } = {}): void {
  const boxH = 62
  const meaning = sig?.meaning ?? SIGNATURE_MEANINGS[role]
  const infoW = w.width * 0.52
  const boxW = w.width - infoW - 14
  const name = sig?.name ?? o.name ?? ''
  const infoH =
    w.measure(ROLE_WORDS[role], FONT.bold, 10, infoW) +
    w.measure(`“${meaning}”`, FONT.italic, 9, infoW) +
    w.measure(`Printed name: ${name || '______________________________'}`, FONT.regular, 9, infoW) +
    w.measure('Date and time: ______________________', FONT.regular, 9, infoW) +
    (o.note ? w.measure(o.note, FONT.regular, 8, infoW) : 0) +
    18
  const h = Math.max(boxH + 16, infoH)
  w.ensureSpace(h + 8)
  const y0 = w.y
  const boxX = w.left + infoW + 14
  w.group('Div', () => {
    w.text(ROLE_WORDS[role], { font: FONT.bold, size: 10, width: infoW })
    w.text(`“${meaning}”`, { font: FONT.italic, size: 9, width: infoW })
    w.y += 3
    w.text(`Printed name: ${name || '______________________________'}`, { size: 9, width: infoW })
    w.text(`Date and time: ${sig ? f.dateTime(sig.at) : '______________________'}`, { size: 9, width: infoW })
    if (o.note) w.text(o.note, { size: 8, color: COLOR.muted, width: infoW })
    if (sig) {
      w.tag('Figure', () => {
        drawSignatureStrokes(w.doc, sig.strokes, { x: boxX, y: y0 + 2, width: boxW, height: boxH })
      })
      // The element's alternative text, for a screen reader.
    }
  })
  w.artifact(() => {
    const lineY = y0 + boxH + 4
    w.doc.moveTo(boxX, lineY).lineTo(boxX + boxW, lineY).lineWidth(0.7).strokeColor(COLOR.text).stroke()
    w.font(FONT.regular, 7).doc.fillColor(COLOR.muted).text(sig ? 'Signed on screen; drawn from the recorded pen strokes' : 'Sign here in ink', boxX, lineY + 3, { width: boxW, lineBreak: false })
    w.doc.fillColor(COLOR.text)
  })
  w.y = y0 + h + 8
}

function shownWords(f: DocFormat, s: ConsentRecord['sections'][number]): string {
  return [s.firstShownAt ? `Shown ${f.dateTime(s.firstShownAt)}` : 'Not shown', s.discussedAt ? `Discussed ${f.dateTime(s.discussedAt)}` : ''].filter(Boolean).join('\n')
}

function acknowledgedWords(f: DocFormat, s: ConsentRecord['sections'][number]): string {
  if (!s.needsAcknowledgment) return 'No acknowledgment asked'
  return s.acknowledgedAt ? f.dateTime(s.acknowledgedAt) : 'Not acknowledged'
}

export async function layoutConsent(r: ConsentRecord, seal: ConsentSeal, o: LayoutOptions): Promise<{ pdf: Buffer; pageCount: number }> {
  const f = docFormat(r.script.language, o.timeZone)
  const signedOffAt = r.timings.signedOffAt ?? r.endedAt ?? r.startedAt
  const docTitle = `${DOCUMENT_TITLE}: ${r.script.title}`
  const runningTitle = `${DOCUMENT_TITLE}  ·  Consultation no. ${r.consultationId}`
  // Measure the running parts with a throwaway writer, then lay out for real with those margins.
  const probe = new DocumentWriter({ resourcesDir: o.resourcesDir, title: docTitle, author: '', subject: '', keywords: '', lang: r.script.language, createdAt: new Date(signedOffAt), headerHeight: 80, footerHeight: 60 })
  const running0: RunningInput = {
    clinicName: r.clinic.name,
    idLine: patientIdLine(r, f),
    title: runningTitle,
    footerLines: [
      `Record SHA-256 (canonical form)   ${seal.recordSha256}`,
      `Audit chain head at sign-off      ${seal.auditHead}`,
      `Audit chain position at sign-off  entry ${seal.auditPosition}`,
    ],
  }
  const sizes = runningParts(probe, running0)
  const w = new DocumentWriter({
    resourcesDir: o.resourcesDir,
    title: `${docTitle} (${patientFullName(r)}, ${r.patient.recordNumber})`,
    author: r.clinician.displayName,
    subject: `Consent record of consultation ${r.consultationId}, signed off ${signedOffAt}`,
    keywords: `consent; botulinum toxin; record ${r.patient.recordNumber}; record sha256 ${seal.recordSha256}`,
    lang: r.script.language,
    createdAt: new Date(signedOffAt),
    headerHeight: sizes.header.height,
    footerHeight: sizes.footer.height,
  })
  const running = runningParts(w, running0)
  const patientSig = r.signatures.find((s) => s.role === 'patient') ?? null
  const witnessSig = r.signatures.find((s) => s.role === 'witness') ?? null
  const clinicianSig = r.signatures.find((s) => s.role === 'clinician') ?? null

  // ---- Title ----
  w.heading(r.script.title, 1, 120)
  w.text(r.paper ? 'Consent summary for signature on paper' : 'Consent summary, signed electronically', { font: FONT.bold, size: 10.5, color: COLOR.muted, type: 'P' })
  w.y += 2
  w.text(
    r.status === 'signed_off'
      ? `Signed off by ${r.clinician.displayName} on ${f.dateTime(signedOffAt)}. This document is the record as it stood at sign-off; anything added later (a withdrawal of consent, an addendum) is a separate, dated document.`
      : `Status: ${r.status.replace('_', ' ')}.`,
    { size: 9, color: COLOR.muted },
  )

  // ---- Clinic, patient, consultation ----
  w.heading('Clinic and patient')
  w.fields([
    ['Clinic', [r.clinic.name, r.clinic.address].filter(Boolean).join('\n')],
    ['Patient', patientFullName(r)],
    ['Date of birth', f.date(r.patient.dateOfBirth)],
    ['Record number', r.patient.recordNumber],
  ])

  w.heading('Consultation')
  w.fields([
    ['Consultation', `No. ${r.consultationId}, ${f.date(r.startedAt)}`],
    ['Treating clinician', r.clinician.displayName],
    ['Started', f.dateTime(r.startedAt)],
    ['First section shown', f.dateTime(r.timings.firstSectionShownAt)],
    ['Patient signed', r.paper ? 'On paper (see the signature page)' : f.dateTime(r.timings.patientSignedAt)],
    ['Time from first section to signing', f.duration(r.timings.firstSectionToSignatureMs)],
    ['Signed off', f.dateTime(signedOffAt)],
    ['Script', r.script.title],
    ['Script id and version', `${r.script.scriptId}, version ${r.script.version}`],
    ['Script language', r.script.language],
    ['Script content SHA-256', r.script.sha256, FONT.mono],
  ])
  if (r.script.notice) w.box('About this script', [r.script.notice])

  // ---- Sections ----
  w.heading('What was discussed and acknowledged')
  w.text('Every section of the script in the order it was shown. Risk sections were acknowledged by the patient with their initials.', { size: 8.5, color: COLOR.muted })
  w.y += 4
  w.table(
    [
      { header: 'Section', weight: 2.7 },
      { header: 'Shown and discussed', weight: 3.5 },
      { header: 'Acknowledged', weight: 2.5 },
      { header: 'Initials', weight: 1 },
    ],
    r.sections.map((s) => [s.title, shownWords(f, s), acknowledgedWords(f, s), s.initials ?? '']),
  )

  w.heading('What the patient was shown', 2, 90)
  w.text(`The words of each section as the patient saw them (script ${r.script.scriptId}, version ${r.script.version}).`, { size: 8.5, color: COLOR.muted })
  for (const s of r.sections) {
    w.group('Sect', () => {
      w.heading(s.title, 3, 50)
      if (s.boxedWarning) w.box(s.boxedWarning.title, s.boxedWarning.body, { warn: true })
      for (const p of s.body) {
        w.text(p, { size: 8.5 })
        w.y += 2.5
      }
      if (s.risks.length > 0) {
        w.table(
          [
            { header: 'Possible effect', weight: 5 },
            { header: 'How often', weight: 2.6 },
            { header: 'Source of the figure', weight: 2.4 },
          ],
          s.risks.map((k) => [k.text, `${BAND_WORDS[k.band] ?? k.band}: ${k.frequency}`, k.source]),
          { size: 8 },
        )
      }
      if (s.acknowledgment) {
        w.text(
          s.acknowledgedAt
            ? `Acknowledged by the patient with the initials “${s.initials ?? ''}” on ${f.dateTime(s.acknowledgedAt)}: “${s.acknowledgment}”`
            : `Acknowledgment asked: “${s.acknowledgment}” (not given)`,
          { size: 8.5, font: FONT.italic, color: COLOR.accent },
        )
        w.y += 2
      }
    })
  }

  // ---- Questions the patient asked ----
  w.heading("The patient's questions")
  if (r.flags.length === 0) w.text('The patient did not flag any question.', { size: 9 })
  for (const q of r.flags) {
    const section = r.sections.find((s) => s.sectionId === q.sectionId)?.title ?? q.sectionId
    w.group('Div', () => {
      w.text(`Asked during “${section}”, ${f.dateTime(q.at)}`, { font: FONT.bold, size: 8.5, color: COLOR.muted })
      w.text(q.question ? `“${q.question}”` : '(The patient asked to talk about this section.)', { size: 9 })
      w.text(q.answer ? `Answer by ${q.answer.by.displayName}, ${f.dateTime(q.answer.at)}:` : 'Not answered.', { font: FONT.bold, size: 8.5 })
      if (q.answer) w.text(q.answer.note, { size: 9 })
      w.y += 5
    })
  }

  // ---- Screening ----
  w.heading('Medical history and allergy screening')
  if (r.screening.length === 0) w.text('No screening answers were recorded.', { size: 9 })
  for (const a of r.screening) {
    w.group('Div', () => {
      w.text(a.text, { font: FONT.bold, size: 9 })
      w.text(`Answer: ${a.answer === 'yes' ? 'Yes' : 'No'}${a.details ? `. Details: ${a.details}` : ''}  (${f.dateTime(a.at)})`, { size: 9 })
      if (a.raised) {
        w.text(`${a.raised === 'contraindication' ? 'Contraindication' : 'Caution'}: ${a.explanation ?? ''}`, { size: 9, color: COLOR.warnRule, font: FONT.bold })
        if (a.decision)
          w.text(
            `Clinician's decision: ${a.decision.optionLabel}${a.decision.allowsTreatment ? '' : ' (no treatment)'}. ${a.decision.note}  (${a.decision.by.displayName}, ${f.dateTime(a.decision.at)})`,
            { size: 9 },
          )
        else if (a.raised === 'caution') w.text("Clinician's decision: none recorded.", { size: 9 })
      }
      w.y += 4
    })
  }
  if (r.blocks.length > 0) w.box('Treatment could not go ahead', r.blocks.map((b) => b.explanation), { warn: true })

  // ---- Medication Guide ----
  w.heading('Medication Guide', 2, 40)
  w.text(
    r.medicationGuide
      ? `The product's Medication Guide was offered on ${f.dateTime(r.medicationGuide.at)}; the patient ${r.medicationGuide.accepted ? 'accepted a copy' : 'declined a copy'}.`
      : 'No offer of the Medication Guide was recorded.',
    { size: 9 },
  )

  // ---- Goals and expectations ----
  w.heading('Goals and expectations')
  if (!r.expectations) w.text('No goals or expectations were recorded.', { size: 9 })
  else {
    const e = r.expectations
    w.text("The patient's goals, in their own words", { font: FONT.bold, size: 8.5, color: COLOR.muted })
    w.text(e.goals, { size: 9 })
    w.y += 4
    w.fields([
      ['Areas of concern', [...e.areaLabels, e.otherAreas].filter(Boolean).join(', ')],
      ['Onset', e.timeline.onset],
      ['Full effect', e.timeline.peak],
      ['How long it lasts', e.timeline.duration],
      ['Variability', e.timeline.variability],
      ['Timeline accepted', `The patient heard and accepted this timeline (${f.dateTime(e.at)}).`],
    ])
  }

  // ---- Treatment plan ----
  w.heading('Treatment plan', 2, 110)
  if (!r.plan) w.text('No treatment plan was recorded.', { size: 9 })
  else {
    const p = r.plan
    w.fields([
      ['Product', p.productName],
      ['Lot number', p.lotNumber],
      ['Expiry date', f.date(p.expiryDate)],
      ['Dilution', `${f.number(p.dilution.vialUnits)} units in ${f.number(p.dilution.diluentMl)} mL (${f.number(p.dilution.unitsPerMl)} units per mL)`],
      ['Planned', f.dateTime(p.at)],
    ])
    w.y += 2
    w.table(
      [
        { header: 'Injection site', weight: 6 },
        { header: 'Units', weight: 1.4, align: 'right' },
      ],
      p.sites.map((s) => [s.site, f.number(s.units)]),
      { footer: ['Total', `${f.number(p.totalUnits)} units`] },
    )
    w.text('Units of different botulinum toxin products are not interchangeable.', { size: 8, color: COLOR.muted })
  }

  // ---- Comprehension ----
  w.heading('Understanding check')
  if (r.comprehension.length === 0) w.text('No understanding check was recorded.', { size: 9 })
  else
    w.table(
      [
        { header: 'Question', weight: 4 },
        { header: 'Answers given, in order', weight: 4.5 },
        { header: 'Result', weight: 1.5 },
      ],
      r.comprehension.map((c) => [
        c.question,
        c.attempts.map((a, i) => `${i + 1}. ${a.optionText} (${a.correct ? 'right' : 'wrong'}, ${f.dateTime(a.at)})`).join('\n'),
        `${c.passed ? 'Understood' : 'Not yet understood'}; ${c.attempts.length} ${c.attempts.length === 1 ? 'attempt' : 'attempts'}`,
      ]),
    )

  // ---- Declarations and signatures ----
  // The declarations and every signature block on one page where they fit.
  const blocks = r.paper ? 3 : 1 + (witnessSig ? 1 : 0) + 1
  w.heading('Declarations and signatures', 2, Math.min(blocks * 100 + 90, w.contentHeight - 60))
  if (r.review) w.text(`Before signing, the patient reviewed this summary and confirmed (${f.dateTime(r.review.at)}): “${r.review.statement}”`, { size: 9 })
  if (r.esignature)
    w.text(
      r.esignature.choice === 'agree'
        ? `The patient agreed to sign electronically (${f.dateTime(r.esignature.at)}): “${r.esignature.statement}”`
        : `The patient chose to sign on paper (${f.dateTime(r.esignature.at)}). The patient and any witness sign below in ink.`,
      { size: 9 },
    )
  w.y += 8
  if (r.paper) {
    signatureBlock(w, f, 'patient', null, { name: patientFullName(r) })
    signatureBlock(w, f, 'witness', null, { note: 'Optional.' })
  } else {
    signatureBlock(w, f, 'patient', patientSig)
    if (witnessSig) signatureBlock(w, f, 'witness', witnessSig)
  }
  signatureBlock(w, f, 'clinician', clinicianSig, {
    name: r.clinician.displayName,
    note: clinicianSig ? 'Confirmed with the clinician’s password; this PDF carries the clinician’s digital signature.' : undefined,
  })

  if (r.withdrawal || r.addenda.length > 0 || r.endedReason) {
    w.heading('Later entries')
    if (r.endedReason) w.text(`Ended without treatment: ${r.endedReason}`, { size: 9 })
    if (r.withdrawal) w.text(`Consent withdrawn on ${f.dateTime(r.withdrawal.at)} (recorded by ${r.withdrawal.by.displayName}): ${r.withdrawal.reason}`, { size: 9 })
    for (const a of r.addenda) w.text(`Addendum, ${f.dateTime(a.at)} by ${a.by.displayName}: ${a.text}`, { size: 9 })
  }

  // ---- Aftercare, on its own page ----
  w.newPage()
  w.group('Sect', () => {
    w.heading('Aftercare: please take this page home', 1, 100)
    w.text(
      `${patientFullName(r)}, treated on ${f.date(signedOffAt)}.`,
      { size: 10.5, font: FONT.bold },
    )
    w.text(
      [`Your clinician: ${r.clinician.displayName}.`, r.plan ? `Product: ${r.plan.productName}, ${f.number(r.plan.totalUnits)} units in total.` : '']
        .filter(Boolean)
        .join(' '),
      { size: 10 },
    )
    w.y += 6
    w.bullets(r.aftercare.length > 0 ? r.aftercare : ['Follow the aftercare advice your clinician gave you.'], { size: 10.5 })
    w.y += 6
    w.box('Questions or worries?', [
      `Call ${r.clinic.name || 'the clinic'}${r.clinic.address ? `, ${r.clinic.address.replace(/\n/g, ', ')}` : ''}.`,
      'If you have trouble swallowing, speaking or breathing, or signs of an allergic reaction, get emergency help at once.',
    ], { warn: true })
  })

  return w.finish(running)
}
