// The declarations and signatures (drawn from the recorded pen strokes, or
// blank lines for ink on the paper route), then any later entries.
import type { RecordSignature, SignatureRole } from '../../../../shared/consultation'
import { FONT } from '../fonts'
import type { DocFormat } from '../format'
import type { ConsentPhrases } from '../phrases'
import { patientFullName } from '../running'
import { drawSignatureStrokes } from '../signature-drawing'
import { COLOR, type DocumentWriter } from '../writer'
import type { SectionContext } from './context'

function signatureBlock(w: DocumentWriter, f: DocFormat, p: ConsentPhrases, role: SignatureRole, sig: RecordSignature | null, o: { name?: string; note?: string } = {}): void {
  const t = p.signatures
  const boxH = 62
  const meaning = sig?.meaning ?? t.meanings[role]
  const infoW = w.width * 0.52
  const boxW = w.width - infoW - 14
  const name = sig?.name ?? o.name ?? ''
  const infoH =
    w.measure(t.roles[role], FONT.bold, 10, infoW) +
    w.measure(p.quote(meaning), FONT.italic, 9, infoW) +
    w.measure(t.printedName(name || t.blankName), FONT.regular, 9, infoW) +
    w.measure(t.dateAndTime(t.blankDateTime), FONT.regular, 9, infoW) +
    (o.note ? w.measure(o.note, FONT.regular, 8, infoW) : 0) +
    18
  const h = Math.max(boxH + 16, infoH)
  w.ensureSpace(h + 8)
  const y0 = w.y
  const boxX = w.left + infoW + 14
  w.group('Div', () => {
    w.text(t.roles[role], { font: FONT.bold, size: 10, width: infoW })
    w.text(p.quote(meaning), { font: FONT.italic, size: 9, width: infoW })
    w.y += 3
    w.text(t.printedName(name || t.blankName), { size: 9, width: infoW })
    w.text(t.dateAndTime(sig ? f.dateTime(sig.at) : t.blankDateTime), { size: 9, width: infoW })
    if (o.note) w.text(o.note, { size: 8, color: COLOR.muted, width: infoW })
    if (sig) {
      w.tag('Figure', () => {
        drawSignatureStrokes(w.doc, sig.strokes, { x: boxX, y: y0 + 2, width: boxW, height: boxH })
      })
    }
  })
  w.artifact(() => {
    const lineY = y0 + boxH + 4
    w.doc
      .moveTo(boxX, lineY)
      .lineTo(boxX + boxW, lineY)
      .lineWidth(0.7)
      .strokeColor(COLOR.text)
      .stroke()
    w.font(FONT.regular, 7)
      .doc.fillColor(COLOR.muted)
      .text(sig ? t.signedOnScreen : t.signHereInInk, boxX, lineY + 3, { width: boxW, lineBreak: false })
    w.doc.fillColor(COLOR.text)
  })
  w.y = y0 + h + 8
}

export function declarationsAndSignatures({ w, r, f, p }: SectionContext): void {
  const t = p.signatures
  const patientSig = r.signatures.find((s) => s.role === 'patient') ?? null
  const witnessSig = r.signatures.find((s) => s.role === 'witness') ?? null
  const clinicianSig = r.signatures.find((s) => s.role === 'clinician') ?? null
  // The declarations and every signature block on one page where they fit.
  const blocks = r.paper ? 3 : 1 + (witnessSig ? 1 : 0) + 1
  w.heading(t.heading, 2, Math.min(blocks * 100 + 90, w.contentHeight - 60))
  if (r.review) w.text(t.reviewed(f.dateTime(r.review.at), r.review.statement), { size: 9 })
  if (r.esignature)
    w.text(
      r.esignature.choice === 'agree' ? t.agreedToSignElectronically(f.dateTime(r.esignature.at), r.esignature.statement) : t.choseToSignOnPaper(f.dateTime(r.esignature.at)),
      { size: 9 },
    )
  w.y += 8
  if (r.paper) {
    signatureBlock(w, f, p, 'patient', null, { name: patientFullName(r) })
    signatureBlock(w, f, p, 'witness', null, { note: t.witnessOptional })
  } else {
    signatureBlock(w, f, p, 'patient', patientSig)
    if (witnessSig) signatureBlock(w, f, p, 'witness', witnessSig)
  }
  signatureBlock(w, f, p, 'clinician', clinicianSig, {
    name: r.clinician.displayName,
    note: clinicianSig ? t.clinicianDigitalSignature : undefined,
  })
}

export function laterEntries({ w, r, f, p }: SectionContext): void {
  if (!(r.withdrawal || r.addenda.length > 0 || r.endedReason)) return
  const t = p.later
  w.heading(t.heading)
  if (r.endedReason) w.text(t.endedWithoutTreatment(r.endedReason), { size: 9 })
  if (r.withdrawal) w.text(t.withdrawn(f.dateTime(r.withdrawal.at), r.withdrawal.by.displayName, r.withdrawal.reason), { size: 9 })
  for (const a of r.addenda) w.text(t.addendum(f.dateTime(a.at), a.by.displayName, a.text), { size: 9 })
}
