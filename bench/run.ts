// `npm run bench -- --json FILE`: every benchmark, each against its peers in
// the same run. Each round measures every contender once, in alternating
// order (ours, peer, peer, ours, ...), so a noisy moment on a shared machine
// hits both sides alike. Warm-up rounds are measured and thrown away. The
// result is one JSON file (p50/p95 of ours and of each peer, the ratios, the
// goals and whether they were met) and a table on stdout. Numbers are never
// asserted anywhere: this measures, it does not pass or fail.
//
// Options:
//   --json FILE        where to write the results (default bench/results/latest.json)
//   --rounds N         measured rounds per benchmark (default 30; at least 20 for a reported run)
//   --warmup N         warm-up rounds (default 3)
//   --only a,b         run only these benchmarks
//   --seed S           seed of the generated clinic (default "bench")
//   --consultations M  consultations in the 100,000-patient clinic (default 10000; each one
//                      stores a ~145 KB signed PDF and ~66 audited steps, so 300000 needs ~60 GB)
//   --fresh            regenerate the cached clinic
//   --keep             keep this run's scratch folder
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { BENCHMARKS } from './benchmarks/index'
import { Fixtures } from './lib/fixtures'
import { summarise, type Summary } from './lib/stats'
import type { BenchEnv, Benchmark } from './lib/types'

const ROOT = resolve(import.meta.dirname, '..')

interface ContenderResult extends Summary {
  name: string
  role: 'ours' | 'peer'
  what: string
  samples: number[]
}

interface BenchResult {
  name: string
  unit: string
  description: string
  rounds: number
  warmup: number
  contenders: ContenderResult[]
  ratios: { ours: string; peer: string; p50Ratio: number; p95Ratio: number }[]
  goals: { text: string; ours: string; peer: string | null; oursP50: number; peerP50: number | null; met: boolean }[]
  notes?: Record<string, unknown>
  error?: string
}

function machine(): Record<string, unknown> {
  const v = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split('\n')[0]
    } catch {
      return null
    }
  }
  const db = new Database(':memory:')
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  db.close()
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqliteBetterSqlite3: sqlite,
    python: v('python3', ['-c', 'import sys,sqlite3;print(sys.version.split()[0], "sqlite", sqlite3.sqlite_version)']),
    chromium: v('/usr/bin/chromium', ['--version']),
    platform: `${process.platform} ${process.arch}`,
    note: 'Shared machine: other processes may run at the same time; compare ratios within one run, not absolute numbers across runs.',
  }
}

async function runOne(b: Benchmark, env: BenchEnv): Promise<BenchResult> {
  const rounds = b.singleRound ? 1 : env.rounds
  const warmup = b.singleRound ? 0 : env.warmup
  env.log(`\n${b.name}: ${b.description}`)
  const prepared = await b.prepare(env)
  const samples = new Map<string, number[]>(prepared.contenders.map((c) => [c.name, []]))
  try {
    for (let r = -warmup; r < rounds; r++) {
      const order = r % 2 === 0 ? prepared.contenders : [...prepared.contenders].reverse()
      for (const c of order) {
        const value = await c.measure(r)
        if (!Number.isFinite(value)) throw new Error(`${b.name}/${c.name} measured ${value}`)
        if (r >= 0) samples.get(c.name)!.push(value)
      }
      if (r >= 0 && (r + 1) % 10 === 0) env.log(`  ${r + 1}/${rounds} rounds`)
    }
  } finally {
    await prepared.teardown()
  }
  const contenders = prepared.contenders.map((c) => ({ name: c.name, role: c.role, what: c.what, ...summarise(samples.get(c.name)!), samples: samples.get(c.name)! }))
  const byName = new Map(contenders.map((c) => [c.name, c]))
  const ratios = contenders
    .filter((c) => c.role === 'ours')
    .flatMap((o) => contenders.filter((p) => p.role === 'peer').map((p) => ({ ours: o.name, peer: p.name, p50Ratio: o.p50 / p.p50, p95Ratio: o.p95 / p.p95 })))
  const goals = prepared.goals.map((g) => {
    const o = byName.get(g.ours)!.p50
    const p = g.peer ? byName.get(g.peer)!.p50 : null
    return { text: g.text, ours: g.ours, peer: g.peer, oursP50: o, peerP50: p, met: g.check(o, p) }
  })
  return { name: b.name, unit: b.unit, description: b.description, rounds, warmup, contenders, ratios, goals, notes: prepared.notes }
}

function fmt(v: number, unit: string): string {
  if (!Number.isFinite(v)) return '-'
  if (unit === 'bytes') return `${(v / 1024).toFixed(1)} KB`
  return v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`
}

export function table(results: BenchResult[]): string {
  const rows: string[][] = [['benchmark', 'contender', 'p50', 'p95', 'ours/peer (p50)']]
  for (const r of results) {
    if (r.error) {
      rows.push([r.name, `FAILED: ${r.error}`, '', '', ''])
      continue
    }
    for (const c of r.contenders) {
      const ratio =
        c.role === 'peer'
          ? r.ratios
              .filter((x) => x.peer === c.name)
              .map((x) => `${x.p50Ratio.toFixed(2)} (${x.ours})`)
              .join(', ')
          : ''
      rows.push([r.name, `${c.role === 'ours' ? '* ' : '  '}${c.name}`, fmt(c.p50, r.unit), fmt(c.p95, r.unit), ratio])
    }
    for (const g of r.goals) rows.push(['', `  goal: ${g.text}`, '', '', g.met ? 'met' : 'MISSED'])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  return rows.map((row, k) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ') + (k === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n')
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      seed: { type: 'string' },
      consultations: { type: 'string' },
      fresh: { type: 'boolean' },
      keep: { type: 'boolean' },
    },
    strict: true,
  })
  const rounds = Number(values.rounds ?? 30)
  const warmup = Number(values.warmup ?? 3)
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(warmup) || warmup < 0) {
    console.error('--rounds must be 1 or more and --warmup 0 or more.')
    return 2
  }
  const names = values.only?.split(',').map((s) => s.trim()) ?? BENCHMARKS.map((b) => b.name)
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n))
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}.`)
    return 2
  }
  const jsonFile = resolve(values.json ?? join(ROOT, 'bench', 'results', 'latest.json'))
  const workDir = mkdtempSync(join(tmpdir(), 'derm-consent-bench-'))
  const log = (l: string) => console.log(l)
  const fixtures = new Fixtures(ROOT, workDir, { fresh: values.fresh ?? false, seed: values.seed ?? 'bench', log })
  const env: BenchEnv = { rounds, warmup, workDir, root: ROOT, log, fixtures, consultations: Number(values.consultations ?? 10_000) }
  if (rounds < 20) log(`Note: ${rounds} rounds is a development run; a reported run uses at least 20.`)
  const started = new Date()
  const results: BenchResult[] = []
  try {
    for (const b of BENCHMARKS.filter((x) => names.includes(x.name))) {
      try {
        results.push(await runOne(b, env))
      } catch (e) {
        console.error(`  ${b.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
        results.push({
          name: b.name,
          unit: b.unit,
          description: b.description,
          rounds: 0,
          warmup: 0,
          contenders: [],
          ratios: [],
          goals: [],
          error: e instanceof Error ? e.message : String(e),
        })
      }
    }
  } finally {
    await fixtures.close()
    if (!values.keep) rmSync(workDir, { recursive: true, force: true })
    else log(`Scratch folder kept: ${workDir}`)
  }
  const out = { startedAt: started.toISOString(), finishedAt: new Date().toISOString(), rounds, warmup, machine: machine(), benchmarks: results }
  mkdirSync(dirname(jsonFile), { recursive: true })
  writeFileSync(jsonFile, JSON.stringify(out, null, 2) + '\n')
  console.log(`\n${table(results)}\n\nResults: ${jsonFile}`)
  return results.some((r) => r.error) ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
