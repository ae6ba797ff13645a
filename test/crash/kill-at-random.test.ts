// Crash safety: the app is killed (SIGKILL, no chance to clean up) at random
// moments while it registers patients and takes consultations step by step to
// sign-off, 50 times over on one data folder. After every kill the file is
// intact, every write whose call had returned is there, no consultation is
// half signed off, the open consultation resumes at its next step, and verify
// passes. The same harness runs 1000 kills in scripts/crash-stress.ts.
import { describe, expect, it } from 'vitest'
import { tempDir } from '../support/core'
import { crashRounds, prepareClinic } from './harness'

const KILLS = 50

describe('killed at random moments', () => {
  it(`loses no acknowledged write and stays verifiable across ${KILLS} SIGKILLs`, async () => {
    const dir = tempDir('derm-consent-crash-')
    await prepareClinic(dir)
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000)
    const { acks, signedOff, rounds } = await crashRounds(dir, KILLS, seed)
    expect(rounds).toHaveLength(KILLS)
    // The kills must land while work is going on, not only between runs.
    expect(rounds.filter((r) => r.acks > 0).length).toBeGreaterThan(KILLS / 2)
    expect(rounds.some((r) => r.killedBeforeReady)).toBe(true)
    expect(acks).toBeGreaterThan(KILLS)
    expect(signedOff, 'consultations that reached sign-off between kills').toBeGreaterThan(0)
    // A guard against a hang, not a timing: every kill starts a new Node process,
    // which takes seconds on a loaded 2-core machine.
  }, 900_000)
})
