// The front of the consent summary: the title, who and where, and the
// consultation with its script.
import { FONT } from '../fonts'
import { patientFullName } from '../running'
import { COLOR } from '../writer'
import type { SectionContext } from './context'

export function title({ w, r, f, p, signedOffAt }: SectionContext): void {
  w.heading(r.script.title, 1, 120)
  w.text(r.paper ? p.title.onPaper : p.title.signedElectronically, { font: FONT.bold, size: 10.5, color: COLOR.muted, type: 'P' })
  w.y += 2
  w.text(r.status === 'signed_off' ? p.title.signedOff(r.clinician.displayName, f.dateTime(signedOffAt)) : p.title.status(r.status), { size: 9, color: COLOR.muted })
}

export function clinicAndPatient({ w, r, f, p }: SectionContext): void {
  const t = p.clinicAndPatient
  w.heading(t.heading)
  w.fields([
    [t.clinic, [r.clinic.name, r.clinic.address].filter(Boolean).join('\n')],
    [t.patient, patientFullName(r)],
    [t.dateOfBirth, f.date(r.patient.dateOfBirth)],
    [t.recordNumber, r.patient.recordNumber],
  ])
}

export function consultation({ w, r, f, p, signedOffAt }: SectionContext): void {
  const t = p.consultation
  w.heading(t.heading)
  w.fields([
    [t.consultation, t.consultationValue(r.consultationId, f.date(r.startedAt))],
    [t.treatingClinician, r.clinician.displayName],
    [t.started, f.dateTime(r.startedAt)],
    [t.firstSectionShown, f.dateTime(r.timings.firstSectionShownAt)],
    [t.patientSigned, r.paper ? t.patientSignedOnPaper : f.dateTime(r.timings.patientSignedAt)],
    [t.firstSectionToSigning, f.duration(r.timings.firstSectionToSignatureMs)],
    [t.signedOff, f.dateTime(signedOffAt)],
    [t.script, r.script.title],
    [t.scriptIdAndVersion, t.scriptIdAndVersionValue(r.script.scriptId, r.script.version)],
    [t.scriptLanguage, r.script.language],
    [t.scriptSha256, r.script.sha256, FONT.mono],
  ])
  if (r.script.notice) w.box(t.aboutThisScript, [r.script.notice])
}
