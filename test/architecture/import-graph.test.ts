// The shape of the code as the compiler sees it (type imports, re-exports and
// dynamic imports included), beyond what a per-file lint rule can judge: the
// core has no import circle, and no file outside it reaches behind its doors.
import { describe, expect, it } from 'vitest'
import { deepCoreImports, importCycles, importGraph } from './import-graph'

describe('import graph', () => {
  const graph = importGraph(['src', 'test', 'bench', 'e2e', 'scripts'])

  it('has no circle inside the core', () => {
    const core = new Map([...graph].filter(([file]) => file.startsWith('src/main/core/')))
    expect(core.size).toBeGreaterThan(50)
    expect(importCycles(core)).toEqual([])
  })

  it('has no circle anywhere in src', () => {
    expect(importCycles(new Map([...graph].filter(([file]) => file.startsWith('src/'))))).toEqual([])
  })

  it('finds a circle where there is one (so the two checks above can fail)', () => {
    const circle = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ])
    expect(importCycles(circle)).toEqual([['a.ts', 'b.ts', 'c.ts']])
  })

  it('is entered from outside the core only through index.ts (and, by tests, testing.ts)', () => {
    const deep = deepCoreImports(graph)
    expect(deep).toEqual([])
    const outside = [...graph].filter(([f]) => !f.startsWith('src/main/core/'))
    const testingUsers = outside.filter(([, to]) => to.includes('src/main/core/testing.ts')).map(([f]) => f)
    expect(testingUsers.filter((f) => !f.startsWith('test/'))).toEqual([])
  })
})
