// 1000 SIGKILLs at random moments on one data folder (the crash test runs 60).
// Not part of `npm test`: it takes about 20 minutes.
//
//   npx tsx scripts/crash-stress.ts [--kills 1000] [--seed N] [--data DIR]
//
// Prints one progress line every 50 kills and exits 1 naming the first round
// where an acknowledged write was missing, the file was damaged or verify failed.
import { parseArgs } from 'node:util'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crashRounds, prepareClinic } from '../test/crash/harness'

const { values } = parseArgs({ options: { kills: { type: 'string' }, seed: { type: 'string' }, data: { type: 'string' } }, strict: true })
const kills = Number(values.kills ?? 1000)
const seed = Number(values.seed ?? Date.now() % 1_000_000)
const dir = values.data ?? mkdtempSync(join(tmpdir(), 'derm-consent-crash-stress-'))

async function main(): Promise<number> {
  await prepareClinic(dir)
  console.log(`Crash stress: ${kills} kills, seed ${seed}, data ${dir}`)
  const t0 = Date.now()
  let early = 0
  try {
    const { acks, signedOff } = await crashRounds(dir, kills, seed, (r) => {
      if (r.killedBeforeReady) early++
      if (r.round % 50 === 0) console.log(`  ${r.round} kills, ${Math.round((Date.now() - t0) / 1000)} s`)
    })
    console.log(
      `OK: ${kills} kills (${early} before the app was ready), ${acks} acknowledged writes all present (${signedOff} consultations signed off), verify passed after every kill.`,
    )
    return 0
  } catch (e) {
    console.error(`FAILED: ${(e as Error).message}`)
    console.error(`Repeat with: npx tsx scripts/crash-stress.ts --kills ${kills} --seed ${seed}`)
    return 1
  }
}

main().then((code) => process.exit(code))
