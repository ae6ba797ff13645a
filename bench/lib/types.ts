// The shape of one benchmark: what it measures, the contenders (ours and the
// peers) each measured in the same run, and the goals as the issue states them.
import type { Fixtures } from './fixtures'

export type Unit = 'ms' | 'bytes'

export interface Contender {
  /** Short, stable name, e.g. "ours", "python-sqlite3", "chromium-warm". */
  name: string
  role: 'ours' | 'peer'
  /** What exactly is measured, in one line (goes into the JSON). */
  what: string
  /** Runs once and returns one measurement in the benchmark's unit. */
  measure(round: number): Promise<number>
}

export interface Goal {
  /** Human-readable, e.g. "ours p50 <= 0.8 x chromium-warm p50". */
  text: string
  ours: string
  /** The peer compared against; null for an absolute goal. */
  peer: string | null
  check(ours: number, peer: number | null): boolean
}

export interface Prepared {
  contenders: Contender[]
  goals: Goal[]
  /** Facts worth recording with the results (versions, data size, query list...). */
  notes?: Record<string, unknown>
  teardown(): Promise<void>
}

export interface BenchEnv {
  rounds: number
  warmup: number
  /** Scratch directory of this run (removed at the end unless --keep). */
  workDir: string
  /** Repository root. */
  root: string
  log(line: string): void
  /** Shared, lazily built fixtures (the 100,000-patient clinic, the built renderer...). */
  fixtures: Fixtures
  /** Consultations in the 100,000-patient clinic. */
  consultations: number
}

export interface Benchmark {
  name: string
  unit: Unit
  description: string
  /** Deterministic measures (sizes) need one round only. */
  singleRound?: boolean
  prepare(env: BenchEnv): Promise<Prepared>
}
