// The Chromium peers' input: the same consent summary as our PDF, from the
// same ConsentRecord, as one HTML page with the same embedded fonts (Noto
// Sans from resources/fonts), A4 with the same margins, the same sections,
// tables and signature images, and the aftercare page on a page of its own.
// The running footer (patient, page x of y, record hash) is Chromium's
// footer template, given to page.pdf() by the warm peer.
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import type { ConsentRecord } from '../../src/shared/consultation'

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const when = (iso: string | null): string => (iso ? esc(new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })) : '—')
const BAND: Record<string, string> = { common: 'Common', uncommon: 'Uncommon', rare: 'Rare', very_rare: 'Very rare' }

export function consentHtml(r: ConsentRecord, seal: { recordSha256: string; auditPosition: number; auditHead: string }, resourcesDir: string): string {
  const font = (f: string) => pathToFileURL(join(resourcesDir, 'fonts', f)).href
  const p = r.patient
  const parts: string[] = []
  parts.push(`<header><p class="eyebrow">${esc(r.clinic.name)} · ${esc(r.clinic.address.replace(/\n/g, ', '))}</p>
<h1>Consent summary</h1>
<table class="facts"><tr><th>Patient</th><td>${esc(p.givenName)} ${esc(p.familyName)}</td><th>Record number</th><td>${esc(p.recordNumber)}</td></tr>
<tr><th>Date of birth</th><td>${esc(p.dateOfBirth)}</td><th>Clinician</th><td>${esc(r.clinician.displayName)}</td></tr>
<tr><th>Script</th><td>${esc(r.script.title)} v${r.script.version} (${esc(r.script.language)})</td><th>Script SHA-256</th><td class="mono">${esc(r.script.sha256)}</td></tr>
<tr><th>Started</th><td>${when(r.startedAt)}</td><th>Signed off</th><td>${when(r.timings.signedOffAt)}</td></tr></table>
<p class="notice">${esc(r.script.notice)}</p></header>`)
  for (const s of r.sections) {
    parts.push(`<section><h2>${esc(s.title)}</h2>${s.body.map((b) => `<p>${esc(b)}</p>`).join('')}`)
    if (s.boxedWarning) parts.push(`<div class="boxed"><h3>${esc(s.boxedWarning.title)}</h3>${s.boxedWarning.body.map((b) => `<p>${esc(b)}</p>`).join('')}</div>`)
    if (s.risks.length)
      parts.push(
        `<table class="grid"><tr><th>Risk</th><th>How often</th><th>Source</th></tr>${s.risks
          .map((k) => `<tr><td>${esc(k.text)}</td><td>${BAND[k.band] ?? esc(k.band)} (${esc(k.frequency)})</td><td>${esc(k.source)}</td></tr>`)
          .join('')}</table>`,
      )
    parts.push(
      `<p class="meta">Shown ${when(s.firstShownAt)} · discussed ${when(s.discussedAt)}${s.needsAcknowledgment ? ` · acknowledged ${when(s.acknowledgedAt)} (initials ${esc(s.initials ?? '—')})` : ''}</p>`,
    )
    if (s.acknowledgment) parts.push(`<p class="ack">“${esc(s.acknowledgment)}”</p>`)
    parts.push('</section>')
  }
  if (r.flags.length)
    parts.push(
      `<section><h2>Questions the patient asked</h2>${r.flags.map((f) => `<p><b>${esc(f.question)}</b> (${when(f.at)})<br>${esc(f.answer?.note ?? 'Not answered')}</p>`).join('')}</section>`,
    )
  parts.push(
    `<section><h2>Screening</h2><table class="grid"><tr><th>Question</th><th>Answer</th><th>Raised</th><th>Decision</th></tr>${r.screening
      .map(
        (q) =>
          `<tr><td>${esc(q.text)}</td><td>${q.answer}${q.details ? `: ${esc(q.details)}` : ''}</td><td>${esc(q.explanation ?? '—')}</td><td>${esc(q.decision?.optionLabel ?? '—')}</td></tr>`,
      )
      .join('')}</table></section>`,
  )
  if (r.expectations)
    parts.push(
      `<section><h2>Goals and expectations</h2><p>${esc(r.expectations.goals)}</p><p>Areas: ${esc(r.expectations.areaLabels.join(', '))}</p><p>Onset ${esc(r.expectations.timeline.onset)}; peak ${esc(r.expectations.timeline.peak)}; duration ${esc(r.expectations.timeline.duration)}. ${esc(r.expectations.timeline.variability)}</p></section>`,
    )
  if (r.plan)
    parts.push(
      `<section><h2>Treatment plan</h2><p>${esc(r.plan.productName)}, lot ${esc(r.plan.lotNumber)}, expires ${esc(r.plan.expiryDate)}; ${r.plan.dilution.vialUnits} U in ${r.plan.dilution.diluentMl} mL (${r.plan.dilution.unitsPerMl} U/mL)</p><table class="grid"><tr><th>Site</th><th>Units</th></tr>${r.plan.sites
        .map((x) => `<tr><td>${esc(x.site)}</td><td>${x.units}</td></tr>`)
        .join('')}<tr><th>Total</th><th>${r.plan.totalUnits}</th></tr></table></section>`,
    )
  parts.push(
    `<section><h2>Understanding check</h2>${r.comprehension
      .map((c) => `<p><b>${esc(c.question)}</b><br>${c.attempts.map((a) => `${esc(a.optionText)} — ${a.correct ? 'correct' : 'not correct'} (${when(a.at)})`).join('<br>')}</p>`)
      .join('')}</section>`,
  )
  parts.push(`<section class="signatures"><h2>Declarations and signatures</h2>`)
  if (r.review) parts.push(`<p>“${esc(r.review.statement)}” — confirmed ${when(r.review.at)}</p>`)
  if (r.esignature) parts.push(`<p>“${esc(r.esignature.statement)}” — ${r.esignature.choice} ${when(r.esignature.at)}</p>`)
  for (const s of r.signatures) parts.push(`<div class="sig"><img alt="" src="${s.imagePng}"><p><b>${esc(s.name)}</b> — ${esc(s.meaning)}<br>${when(s.at)}</p></div>`)
  parts.push(`<p class="mono">Record SHA-256 ${esc(seal.recordSha256)} · audit #${seal.auditPosition} ${esc(seal.auditHead)}</p></section>`)
  parts.push(`<section class="aftercare"><h2>Aftercare</h2>${r.aftercare.map((a) => `<p>${esc(a)}</p>`).join('')}</section>`)

  return `<!doctype html><html lang="${esc(r.script.language)}"><head><meta charset="utf-8"><title>Consent summary</title><style>
@font-face { font-family: 'Noto Sans'; src: url('${font('NotoSans-Regular.ttf')}'); font-weight: 400; }
@font-face { font-family: 'Noto Sans'; src: url('${font('NotoSans-Bold.ttf')}'); font-weight: 700; }
@font-face { font-family: 'Noto Sans'; src: url('${font('NotoSans-Italic.ttf')}'); font-style: italic; }
@font-face { font-family: 'Noto Sans Mono'; src: url('${font('NotoSansMono-Regular.ttf')}'); }
@page { size: A4; margin: 54pt 54pt 60pt 54pt; }
body { font-family: 'Noto Sans'; font-size: 9.5pt; line-height: 1.35; color: #1a1a1a; }
h1 { font-size: 18pt; margin: 0 0 8pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; } h3 { font-size: 10pt; }
.eyebrow, .meta { color: #555; font-size: 8.5pt; } .mono { font-family: 'Noto Sans Mono'; font-size: 7pt; word-break: break-all; }
table { border-collapse: collapse; width: 100%; } .grid th, .grid td, .facts th, .facts td { border: 0.5pt solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
.boxed { border: 1.5pt solid #000; padding: 4pt 8pt; } .ack { font-style: italic; }
.sig img { height: 60pt; } .aftercare { break-before: page; } section { break-inside: auto; }
</style></head><body>${parts.join('\n')}</body></html>`
}

/** Chromium's running footer: the same identifiers our PDF prints on every page. */
export function footerTemplate(r: ConsentRecord, recordSha256: string): string {
  return `<div style="font-size:7pt;width:100%;padding:0 54pt;font-family:'Noto Sans';color:#555;display:flex;justify-content:space-between">
<span>${esc(r.patient.givenName)} ${esc(r.patient.familyName)} · ${esc(r.patient.recordNumber)} · record ${recordSha256.slice(0, 16)}…</span>
<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
}
