// The repository's import graph, read with TypeScript's own pre-processor
// (type imports and re-exports included), so the architecture tests and the
// `npx tsx test/architecture/import-graph.ts` report see what the compiler sees.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export const ROOT = resolve(import.meta.dirname, '..', '..')

const SOURCE = /\.(ts|tsx|mts)$/

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(p)
  }
  return out
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (existsSync(c) && statSync(c).isFile()) return c
  return null
}

/** Repository-relative file → the repository-relative files it imports. */
export function importGraph(folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const folder of folders) {
    const dir = join(ROOT, folder)
    if (!existsSync(dir)) continue
    for (const file of walk(dir)) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
      const targets = info.importedFiles.map((f) => resolveImport(file, f.fileName)).filter((x): x is string => x !== null)
      graph.set(relative(ROOT, file), [...new Set(targets.map((t) => relative(ROOT, t)))])
    }
  }
  return graph
}

/** Strongly connected components with more than one file (or a file importing itself): the import circles. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const out: string[][] = []
  const strong = (v: string) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!idx.has(w)) {
        strong(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        comp.push(w)
      } while (w !== v)
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) strong(v)
  return out
}

const CORE = 'src/main/core/'
const DOORS = new Set(['src/main/core/index.ts', 'src/main/core/testing.ts'])

/** Imports from outside the core into a core file that is not one of its doors. */
export function deepCoreImports(graph: Map<string, string[]>): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = []
  for (const [from, targets] of graph) if (!from.startsWith(CORE)) for (const to of targets) if (to.startsWith(CORE) && !DOORS.has(to)) out.push({ from, to })
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const all = importGraph(['src', 'test', 'bench', 'e2e', 'scripts'])
  const core = new Map([...all].filter(([f]) => f.startsWith(CORE)))
  const cycles = importCycles(core)
  const deep = deepCoreImports(all)
  const sizes = [...all.keys()]
    .filter((f) => f.startsWith('src/'))
    .map((f) => ({ file: f, lines: readFileSync(join(ROOT, f), 'utf8').split('\n').length }))
    .sort((a, b) => b.lines - a.lines)
  console.log(
    JSON.stringify(
      {
        coreCycles: cycles.map((c) => ({ files: c.length, members: c })),
        deepCoreImports: deep.length,
        deepCoreImportTargets: new Set(deep.map((d) => d.to)).size,
        largestFiles: sizes.slice(0, 8),
      },
      null,
      1,
    ),
  )
}
