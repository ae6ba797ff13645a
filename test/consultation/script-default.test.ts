// Which stored script version is "the default": the flag the script list
// carries (`isDefault`) must name exactly the version `consultation.start`
// pins when the clinician does not choose one, before and after a clinic
// imports a new version of the default script and a script of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { resourcesDir } from '../../src/main/core'
import { openClinic, type Clinic } from './fixture'

const defaultText = readFileSync(join(resourcesDir, 'scripts', 'botox-cosmetic.en.v1.json'), 'utf8')

describe('the default script flag', () => {
  let k: Clinic
  beforeAll(async () => {
    k = await openClinic()
  })
  afterAll(() => k.core.close())

  const defaults = async () => (await k.beer.call('scriptLibrary.list', {})).filter((s) => s.isDefault)
  const startedWith = async () => (await k.beer.call('consultation.start', { patientId: k.patient.id })).script.storedId

  it('marks the shipped script in a new clinic, and the start without a choice pins it', async () => {
    const d = await defaults()
    expect(d).toHaveLength(1)
    expect(d[0]).toMatchObject({ scriptId: 'botox-cosmetic', language: 'en', version: 1, source: 'shipped' })
    expect(await startedWith()).toBe(d[0]!.storedId)
  })

  it('moves to a newer imported version of the default script, never to another script', async () => {
    const v2 = JSON.parse(defaultText)
    v2.version = 2
    v2.title = 'Botulinum toxin (cosmetic), clinic edition'
    const own = JSON.parse(defaultText)
    own.id = 'clinic-toxin'
    own.version = 7
    const imported = await k.admin.call('scriptLibrary.import', { json: JSON.stringify(v2) })
    const other = await k.admin.call('scriptLibrary.import', { json: JSON.stringify(own) })
    expect(imported.script.isDefault).toBe(true)
    expect(other.script).toMatchObject({ latest: true, isDefault: false })

    const d = await defaults()
    expect(d.map((s) => s.storedId)).toEqual([imported.script.storedId])
    expect(await startedWith()).toBe(imported.script.storedId)
    const v1 = (await k.admin.call('scriptLibrary.list', {})).find((s) => s.scriptId === 'botox-cosmetic' && s.version === 1)!
    expect(v1).toMatchObject({ latest: false, isDefault: false })
  })
})
