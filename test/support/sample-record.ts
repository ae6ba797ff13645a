// A complete, realistic consent record as test data for the layout: the
// shape the consultation core produces, with every optional part present, and
// a way to stretch every free-text field to the longest the forms accept.
import type { ConsentRecord, Stroke } from '../../src/shared/consultation'

/** A signature-like scribble: two loops and an underline. */
export function sampleStrokes(seed = 1): Stroke[] {
  const loop: Stroke = []
  for (let i = 0; i <= 80; i++) {
    const a = (i / 80) * Math.PI * 4
    loop.push({ x: 40 + i * 4 + Math.cos(a) * 18 * seed, y: 60 + Math.sin(a) * 22, t: i * 8 })
  }
  const line: Stroke = []
  for (let i = 0; i <= 30; i++) line.push({ x: 30 + i * 12, y: 100 + Math.sin(i / 3) * 3, t: 900 + i * 6 })
  return [loop, line, [{ x: 400, y: 40, t: 1500 }]]
}

const T0 = Date.parse('2026-03-02T09:00:00Z')
const at = (min: number) => new Date(T0 + min * 60_000).toISOString()

export interface SampleOptions {
  givenName?: string
  familyName?: string
  paper?: boolean
  /** Stretch every free-text field to its maximum length. */
  maxLengths?: boolean
}

function long(n: number, word = 'lorem'): string {
  const words: string[] = []
  let len = 0
  let i = 0
  while (len < n) {
    const w = i % 17 === 16 ? 'Supercalifragilisticexpialidociousnessandmore' : `${word}${i % 7}`
    words.push(w)
    len += w.length + 1
    i++
  }
  return words.join(' ').slice(0, n)
}

export function sampleRecord(o: SampleOptions = {}): ConsentRecord {
  const maxed = o.maxLengths ?? false
  const txt = (normal: string, max: number) => (maxed ? long(max) : normal)
  const person = { id: 2, displayName: maxed ? long(120, 'Dr') : 'Dr. Victor Beer, dermatologist' }
  const sectionTitles: [
    string,
    string,
    'information' | 'risk' | 'screening' | 'expectations' | 'treatment_plan' | 'comprehension' | 'aftercare' | 'medication_guide' | 'alternatives',
  ][] = [
    ['introduction', 'About this consultation', 'information'],
    ['injection-errors', 'When an injection does not go as planned', 'risk'],
    ['side-effects', 'Common side effects', 'risk'],
    ['allergy', 'Allergic reactions', 'risk'],
    ['spread', 'Spread of the toxin effect', 'risk'],
    ['screening', 'Your health and allergies', 'screening'],
    ['medication-guide', 'The Medication Guide', 'medication_guide'],
    ['expectations', 'What to expect', 'expectations'],
    ['plan', 'Your treatment plan', 'treatment_plan'],
    ['alternatives', 'Other choices, including no treatment', 'alternatives'],
    ['comprehension', 'Checking understanding', 'comprehension'],
    ['aftercare', 'Aftercare', 'aftercare'],
  ]
  const sections = sectionTitles.map(([id, title, kind], i) => {
    const risk = kind === 'risk'
    return {
      sectionId: id,
      kind,
      title: maxed ? long(120, title.slice(0, 4)) : title,
      sectionHash: 'ab'.repeat(32),
      firstShownAt: at(i * 2),
      discussedAt: at(i * 2 + 1),
      needsAcknowledgment: risk,
      acknowledgedAt: risk ? at(40 + i) : null,
      initials: risk ? (maxed ? 'ÑÚ.ØB.ZZ.' : 'ZÑ') : null,
      discussionMs: 60_000,
      body: maxed
        ? Array.from({ length: 3 }, () => long(2000))
        : [
            'Botulinum toxin relaxes the muscles it is injected into. This is what smooths lines, and it is also why a dose in the wrong place can relax a muscle you did not want relaxed.',
            'Your clinician maps your muscles first and starts with a careful dose. You come back for a review after two weeks.',
          ],
      acknowledgment: risk ? 'I understand these risks and had the chance to ask about them.' : null,
      risks: risk
        ? [
            {
              text: maxed ? long(600) : 'Bruising, redness or swelling where the needle went in',
              band: 'common' as const,
              frequency: maxed ? long(120) : 'up to 1 in 10 people',
              source: maxed ? long(300) : 'Product labeling, adverse reactions table',
            },
            { text: 'A drooping eyelid or brow for a few weeks', band: 'uncommon' as const, frequency: 'up to 1 in 100 people', source: 'Product labeling' },
          ]
        : [],
      boxedWarning:
        id === 'spread'
          ? {
              title: 'Important warning: spread of toxin effect',
              body: [
                'Hours to weeks after an injection, the effect can spread beyond the treated area. Get emergency help at once if you have trouble swallowing, speaking or breathing.',
              ],
            }
          : null,
    }
  })
  const strokes = sampleStrokes()
  return {
    recordVersion: 1,
    consultationId: 17,
    status: 'signed_off',
    clinic: { name: maxed ? long(120, 'Clinic') : 'Lakeside Dermatology (demo)', address: maxed ? long(300, 'Street') : '12 Harbour Street\nSpringfield 40210' },
    patient: {
      id: 5,
      givenName: o.givenName ?? (maxed ? long(100, 'Given') : 'Zoë'),
      familyName: o.familyName ?? (maxed ? long(100, 'Family') : 'Ñúñez-Øberg'),
      dateOfBirth: '1986-04-12',
      recordNumber: maxed ? 'MRN-' + '7'.repeat(36) : 'MRN-1001',
    },
    clinician: person,
    script: {
      scriptId: 'botulinum-toxin-cosmetic',
      version: 3,
      language: 'en',
      sha256: 'c0ffee'.repeat(10) + 'beef',
      title: 'Botulinum toxin treatment (cosmetic)',
      notice: 'This default script is a starting point that each clinic reviews and adapts to its own practice.',
    },
    startedAt: at(0),
    endedAt: at(70),
    sections,
    flags: [
      {
        flagEventId: 31,
        sectionId: 'side-effects',
        question: txt('Can I fly the day after treatment?', 1000),
        at: at(41),
        answer: { note: txt('Yes. Flying does not change the result; avoid rubbing the treated areas that day.', 2000), at: at(45), by: person },
      },
    ],
    screening: [
      {
        questionId: 'allergy-toxin',
        text: 'Have you ever had an allergic reaction to a botulinum toxin product or one of its ingredients?',
        answer: 'no',
        details: '',
        at: at(11),
        raised: null,
        explanation: null,
        decision: null,
      },
      {
        questionId: 'blood-thinners',
        text: 'Do you take blood thinners, aspirin, fish oil or other supplements that make you bruise easily?',
        answer: 'yes',
        details: txt('Fish oil, 1 g daily', 1000),
        at: at(12),
        raised: 'caution',
        explanation: 'Blood thinners and some supplements raise the chance of bruising.',
        decision: {
          optionId: 'proceed',
          optionLabel: 'Treat, with extra pressure after each injection',
          allowsTreatment: true,
          note: txt('Discussed bruising; patient accepts.', 1000),
          at: at(13),
          by: person,
        },
      },
    ],
    blocks: [],
    medicationGuide: { accepted: true, at: at(14) },
    expectations: {
      goals: maxed ? long(2000) : 'Softer frown lines between the eyebrows; I still want to look like myself.',
      areaIds: ['glabella'],
      otherAreas: txt('', 500),
      timelineAcknowledged: true,
      at: at(16),
      areaLabels: ['Frown lines between the eyebrows'],
      timeline: {
        onset: 'You may notice a change after 2 to 3 days.',
        peak: 'The full effect shows at about 2 weeks.',
        duration: 'It wears off gradually over 3 to 4 months.',
        variability: 'Results differ from person to person.',
      },
    },
    plan: {
      productId: 'onabotulinumtoxina',
      productName: 'onabotulinumtoxinA',
      lotNumber: maxed ? 'L'.repeat(40) : 'C3718C4',
      expiryDate: '2027-08-31',
      dilution: { vialUnits: 100, diluentMl: 2.5, unitsPerMl: 40 },
      sites: maxed
        ? Array.from({ length: 40 }, (_, i) => ({ site: long(120, `site${i}`), units: 12.5 }))
        : [
            { site: 'Procerus', units: 4 },
            { site: 'Left corrugator, medial', units: 4 },
            { site: 'Left corrugator, lateral', units: 4 },
            { site: 'Right corrugator, medial', units: 4 },
            { site: 'Right corrugator, lateral', units: 4 },
          ],
      totalUnits: maxed ? 500 : 20,
      at: at(18),
    },
    comprehension: [
      {
        questionId: 'q-onset',
        question: 'When does the full effect usually show?',
        attempts: [
          { optionId: 'a', optionText: 'The same day', correct: false, at: at(50) },
          { optionId: 'b', optionText: 'After about two weeks', correct: true, at: at(52) },
        ],
        passed: true,
        mustRevisitSectionId: null,
      },
      {
        questionId: 'q-emergency',
        question: 'What should you do if you have trouble swallowing after treatment?',
        attempts: [{ optionId: 'c', optionText: 'Get emergency help at once', correct: true, at: at(53) }],
        passed: true,
        mustRevisitSectionId: null,
      },
    ],
    review: { at: at(55), statement: 'What this summary says is true, and I had time to ask questions and have them answered.' },
    esignature: o.paper
      ? { choice: 'decline', at: at(56), statement: 'I agree to sign this consent electronically on this screen. I may ask for a paper copy.' }
      : { choice: 'agree', at: at(56), statement: 'I agree to sign this consent electronically on this screen. I may ask for a paper copy.' },
    paper: o.paper ?? false,
    signatures: [
      ...(o.paper
        ? []
        : [
            {
              role: 'patient' as const,
              name: `${o.givenName ?? 'Zoë'} ${o.familyName ?? 'Ñúñez-Øberg'}`,
              meaning: 'I consent to the treatment described in this record.',
              at: at(57),
              capturedBy: person,
              strokeCount: 3,
              pointCount: 113,
              strokes,
              imagePng: 'data:image/png;base64,AAAA',
            },
            {
              role: 'witness' as const,
              name: maxed ? long(200, 'Witness') : 'Sam Reyes',
              meaning: "I witnessed the patient's signature.",
              at: at(58),
              capturedBy: person,
              strokeCount: 3,
              pointCount: 113,
              strokes: sampleStrokes(0.5),
              imagePng: 'data:image/png;base64,AAAA',
            },
          ]),
      {
        role: 'clinician' as const,
        name: person.displayName,
        meaning: "I have explained the risks and answered the patient's questions.",
        at: at(70),
        capturedBy: person,
        strokeCount: 3,
        pointCount: 113,
        strokes: sampleStrokes(1.4),
        imagePng: 'data:image/png;base64,AAAA',
      },
    ],
    endedReason: null,
    withdrawal: null,
    addenda: [],
    timings: { firstSectionShownAt: at(0), patientSignedAt: o.paper ? null : at(57), signedOffAt: at(70), firstSectionToSignatureMs: 57 * 60_000 },
    aftercare: [
      'Do not rub or massage the treated areas today.',
      'Stay upright for 4 hours after treatment.',
      'Skip strenuous exercise, saunas and facials until tomorrow.',
      'Bruising and swelling usually settle within a few days.',
      'Call the clinic if an eyelid or brow droops, or the result looks uneven.',
      'Get emergency help at once if you have trouble swallowing, speaking or breathing, or signs of an allergic reaction.',
    ],
  }
}
