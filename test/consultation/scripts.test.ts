// Consultation scripts as data: the shipped default is valid, plain enough to
// read (Flesch-Kincaid grade 8 or lower), stored once per version with the
// SHA-256 of its canonical JSON; an import of a new version is stored once,
// an invalid file names the place and the problem and stores nothing, and
// consultations keep the version they pinned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parseScript, appRoot, resourcesDir, Core } from '../../src/main/core'
import { canonicalJson, sha256Hex, shippedScriptFiles } from '../../src/main/core/testing'
import { countSyllables, fleschKincaid } from '../../src/shared/script/readability'
import { patientFacingText, type ConsultationScript } from '../../src/shared/script/schema'
import { tempDir } from '../support/core'
import { openClinic, type Clinic } from './fixture'

const DEFAULT_FILE = join(resourcesDir, 'scripts', 'botox-cosmetic.en.v1.json')
const defaultText = readFileSync(DEFAULT_FILE, 'utf8')
const defaultScript = (): ConsultationScript => {
  const r = parseScript(defaultText)
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r.script
}

describe('the shipped default script', () => {
  it('every shipped file is valid', () => {
    const files = shippedScriptFiles(resourcesDir)
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) expect(parseScript(readFileSync(f, 'utf8')), f).toMatchObject({ ok: true })
  })

  it('covers the five topics, the boxed warning, the contraindications and the cautions', () => {
    const s = defaultScript()
    const kinds = s.sections.map((x) => x.kind)
    for (const k of ['risk', 'screening', 'medication_guide', 'expectations', 'treatment_plan', 'comprehension', 'alternatives', 'aftercare']) expect(kinds, k).toContain(k)
    expect(s.notice).toMatch(/starting point/)
    expect(s.notice).toMatch(/review/)
    const all = s.sections.flatMap(patientFacingText).join('\n')
    // The five topics and the boxed warning.
    for (const phrase of [
      /wrong muscle/,
      /drooping eyelid/,
      /frozen/,
      /bruising/i,
      /headache/,
      /flu/,
      /hives/,
      /cancer or stroke/,
      /trained/,
      /aftercare/i,
      /spread/,
      /double or blurred vision/,
      /life threatening/,
    ])
      expect(all).toMatch(phrase)
    const screening = s.sections.find((x) => x.kind === 'screening')!
    if (screening.kind !== 'screening') throw new Error()
    const raised = (kind: string) => screening.questions.filter((q) => q.rules.some((r) => r.raises === kind)).map((q) => q.id)
    expect(raised('contraindication').sort()).toEqual(['allergy-ingredient', 'allergy-toxin', 'site-infection'])
    expect(raised('caution').sort()).toEqual(
      [
        'blood-thinners',
        'bleeding-disorder',
        'droop-now',
        'dry-eye',
        'heart-disease',
        'interacting-medicines',
        'nerve-muscle-disease',
        'pregnancy',
        'recent-toxin',
        'swallow-breathe',
      ].sort(),
    )
    expect(all).toMatch(/human albumin/)
    expect(all).toMatch(/cow's milk protein/)
    const plan = s.sections.find((x) => x.kind === 'treatment_plan')!
    if (plan.kind !== 'treatment_plan') throw new Error()
    expect(plan.products.map((p) => p.name)).toEqual([
      'onabotulinumtoxinA',
      'abobotulinumtoxinA',
      'incobotulinumtoxinA',
      'prabotulinumtoxinA',
      'daxibotulinumtoxinA',
      'letibotulinumtoxinA',
    ])
    const comprehension = s.sections.find((x) => x.kind === 'comprehension')!
    if (comprehension.kind !== 'comprehension') throw new Error()
    expect(comprehension.questions.length).toBeGreaterThanOrEqual(4)
    const alternatives = s.sections.find((x) => x.kind === 'alternatives')!
    if (alternatives.kind !== 'alternatives') throw new Error()
    expect(alternatives.alternatives.map((a) => a.title)).toContain('No treatment')
    for (const sec of s.sections) if (sec.kind === 'risk') for (const r of sec.risks) expect(r.source.length).toBeGreaterThan(10)
  })

  it('reads at Flesch-Kincaid grade 8 or lower, overall and in its running paragraphs', () => {
    const s = defaultScript()
    const overall = fleschKincaid(s.sections.flatMap(patientFacingText))
    expect(overall.words).toBeGreaterThan(1500)
    expect(overall.grade).toBeLessThanOrEqual(8)
    // Titles and short answer options make the overall figure friendlier;
    // the paragraphs alone must meet the bar too.
    const paragraphs = fleschKincaid(s.sections.flatMap((x) => x.body))
    expect(paragraphs.grade).toBeLessThanOrEqual(8)
    for (const sec of s.sections) expect(fleschKincaid(patientFacingText(sec)).grade, sec.id).toBeLessThanOrEqual(9)
  })

  it('the readability measure can fail: it rates dense consent-form prose far above grade 8', () => {
    const dense = fleschKincaid([
      'Administration of botulinum toxin type A may precipitate iatrogenic blepharoptosis, dysphagia, and generalized neuromuscular weakness consequent to distant toxin dissemination, particularly in individuals with preexisting neuromuscular pathology.',
    ])
    expect(dense.grade).toBeGreaterThan(16)
    expect([countSyllables('cat'), countSyllables('table'), countSyllables('medicine'), countSyllables('botulinum'), countSyllables('10,000')]).toEqual([1, 2, 3, 4, 3])
  })
})

describe('canonical JSON', () => {
  it('gives the same hash whatever the key order and formatting', () => {
    const a = JSON.parse(defaultText) as Record<string, unknown>
    const reordered = Object.fromEntries(Object.entries(a).reverse())
    expect(sha256Hex(canonicalJson(reordered))).toBe(sha256Hex(canonicalJson(a)))
    expect(canonicalJson({ b: 1, a: [{ d: 'é', c: null }] })).toBe('{"a":[{"c":null,"d":"é"}],"b":1}')
    expect(() => canonicalJson({ a: Number.NaN })).toThrow()
  })
})

describe('importing scripts', () => {
  let k: Clinic
  beforeAll(async () => {
    k = await openClinic()
  })
  afterAll(() => k.core.close())

  const v2 = () => {
    const j = JSON.parse(defaultText)
    j.version = 2
    j.title = 'Botulinum toxin for lines (cosmetic), Harbour Skin Clinic edition'
    j.sections[0].body.push('Our clinic adds this paragraph in version 2.')
    return j
  }
  const count = () => (k.core.ctx.db.prepare('SELECT count(*) AS n FROM scripts').get() as { n: number }).n

  it('the shipped default is stored at start-up with the hash of its canonical content', async () => {
    const list = await k.beer.call('scriptLibrary.list', {})
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ scriptId: 'botox-cosmetic', version: 1, source: 'shipped', latest: true })
    expect(list[0]!.sha256).toBe(sha256Hex(canonicalJson(defaultScript())))
    const stored = await k.beer.call('scriptLibrary.get', { storedId: list[0]!.storedId })
    expect(stored.content.sections.length).toBe(defaultScript().sections.length)
  })

  it('only an administrator imports', async () => {
    expect((await k.beer.fail('scriptLibrary.import', { json: JSON.stringify(v2()) })).code).toBe('forbidden')
  })

  it('stores a new version once; old consultations keep the version they pinned', async () => {
    const old = await k.beer.call('consultation.start', { patientId: k.patient.id })
    const r = await k.admin.call('scriptLibrary.import', { json: JSON.stringify(v2(), null, 2) })
    expect(r).toMatchObject({ created: true, script: { version: 2, source: 'imported', latest: true } })
    expect(r.script.sha256).toBe(sha256Hex(canonicalJson(v2())))
    const again = await k.admin.call('scriptLibrary.import', { json: JSON.stringify(v2()) }) // other formatting, same content
    expect(again).toMatchObject({ created: false, script: { storedId: r.script.storedId } })
    expect(count()).toBe(2)

    const changed = v2()
    changed.title = 'Something else'
    const clash = await k.admin.fail('scriptLibrary.import', { json: JSON.stringify(changed) })
    expect(clash).toMatchObject({ code: 'conflict', fields: [{ path: 'version', code: 'version_exists_with_other_content' }] })
    expect(count()).toBe(2)

    const fresh = await k.beer.call('consultation.start', { patientId: k.patient.id })
    expect(fresh.script.version).toBe(2)
    const reread = await k.beer.call('consultation.get', { consultationId: old.id })
    expect(reread.script).toMatchObject({ version: 1, sha256: old.script.sha256 })
    expect(reread.script.content.sections[0]!.body).not.toContain('Our clinic adds this paragraph in version 2.')
    expect(fresh.script.content.sections[0]!.body).toContain('Our clinic adds this paragraph in version 2.')
    const list = await k.admin.call('scriptLibrary.list', {})
    expect(list.map((x) => [x.version, x.latest])).toEqual([
      [2, true],
      [1, false],
    ])
  })

  it('refuses an invalid file naming each place and problem, and stores nothing', async () => {
    const bad = v2()
    bad.version = 3
    bad.sections[4].risks[0].band = 'often'
    bad.sections[1].questions[0].rules[0].raises = 'caution' // a caution without decision options
    bad.sections[0].surprise = true
    const e = await k.admin.fail('scriptLibrary.import', { json: JSON.stringify(bad) })
    expect(e.code).toBe('validation')
    const paths = e.fields!.map((f) => `${f.path} ${f.code}`)
    expect(paths).toEqual(
      expect.arrayContaining([
        'sections[4].risks[0].band invalid_band',
        'sections[1].questions[0].rules[0].decisionOptions caution_needs_two_decision_options',
        'sections[0].surprise unexpected_field',
      ]),
    )
    expect(e.message).toMatch(/sections\[4\]\.risks\[0\]\.band: must be one of common, uncommon, rare, very_rare/)
    // Checks across sections run once each section is well formed on its own.
    const dangling = v2()
    dangling.version = 3
    dangling.sections.at(-1).questions[0].revisitSectionId = 'nowhere'
    dangling.sections[3].id = 'goals' // the id of another section
    const e2 = await k.admin.fail('scriptLibrary.import', { json: JSON.stringify(dangling) })
    expect(e2.fields!.map((f) => `${f.path} ${f.code}`)).toEqual(
      expect.arrayContaining([`sections[${dangling.sections.length - 1}].questions[0].revisitSectionId no_such_section`, 'sections[3].id duplicate_id']),
    )
    expect((await k.admin.fail('scriptLibrary.import', { json: '{"id": "x",' })).message).toMatch(/not valid JSON/)
    expect(count()).toBe(2)
  })
})

describe('npm run cli -- import-script', () => {
  const run = promisify(execFile)
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(appRoot, 'src/main/cli/index.ts'), 'import-script', ...args], { cwd: appRoot }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    )

  it('refuses an invalid file with the place and the problem, stores it when valid', async () => {
    const dir = tempDir()
    Core.open({ dataDir: dir, resourcesDir }).close()
    const bad = JSON.parse(defaultText)
    bad.version = 7
    delete bad.sections[2].timeline.peak
    const badFile = join(dir, 'bad.json')
    writeFileSync(badFile, JSON.stringify(bad))
    const r1 = await cli([badFile, '--data', dir])
    expect(r1.code).toBe(1)
    expect(r1.stderr).toMatch(/nothing was stored/)
    expect(r1.stderr).toMatch(/sections\[2\]\.timeline\.peak: is missing or empty/)

    const good = { ...bad, sections: JSON.parse(defaultText).sections }
    const goodFile = join(dir, 'good.json')
    writeFileSync(goodFile, JSON.stringify(good))
    const r2 = await cli([goodFile, '--data', dir])
    expect(r2.stderr).toBe('')
    expect(r2.code).toBe(0)
    expect(r2.stdout).toMatch(/Imported .*version 7/)

    const core = Core.open({ dataDir: dir, resourcesDir })
    try {
      const versions = core.ctx.db.prepare('SELECT version, source FROM scripts ORDER BY version').all()
      expect(versions).toEqual([
        { version: 1, source: 'shipped' },
        { version: 7, source: 'imported' },
      ])
    } finally {
      core.close()
    }
  })
})
