// Properties at the contract boundary: the typed-name rule, the signature
// rule and the canonical hash hold for any input, not just the examples.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { strokes as strokesSchema } from '../../src/shared/contract/consultation'
import { canonicalHash } from '../../src/main/core/testing'
import { signatureProblem, typedNameMatches } from '../../src/shared/signature-rules'

const name = fc.stringMatching(/^[A-Za-zÀ-ÿ' -]{1,20}$/).filter((s) => /[A-Za-zÀ-ÿ]/.test(s))

describe('typed name', () => {
  it('matches the record whatever the case and spacing, in either order', () => {
    fc.assert(
      fc.property(name, name, fc.boolean(), fc.integer({ min: 1, max: 4 }), (given, family, upper, spaces) => {
        const typed = `${' '.repeat(spaces)}${given}${' '.repeat(spaces)}${family} `
        expect(typedNameMatches(upper ? typed.toUpperCase() : typed.toLowerCase(), { givenName: given, familyName: family })).toBe(true)
        expect(typedNameMatches(`${family} ${given}`, { givenName: given, familyName: family })).toBe(true)
      }),
    )
  })

  it('never matches a name with a letter added', () => {
    fc.assert(
      fc.property(name, name, fc.constantFrom('x', 'q', 'z'), (given, family, extra) => {
        expect(typedNameMatches(`${given} ${family}${extra}`, { givenName: given, familyName: family })).toBe(false)
      }),
    )
  })
})

describe('signature', () => {
  const point = fc.record({ x: fc.double({ min: 0, max: 600, noNaN: true }), y: fc.double({ min: 0, max: 200, noNaN: true }), t: fc.nat(60_000) })
  it('fewer than 20 points is never accepted; the input schema bounds strokes and points', () => {
    fc.assert(
      fc.property(fc.array(fc.array(point, { minLength: 1, maxLength: 6 }), { maxLength: 3 }), (strokes) => {
        expect(signatureProblem(strokes)).not.toBeNull()
      }),
    )
    expect(strokesSchema.safeParse(Array.from({ length: 61 }, () => [{ x: 1, y: 1, t: 0 }])).success).toBe(false)
    expect(strokesSchema.safeParse([Array.from({ length: 3001 }, () => ({ x: 1, y: 1, t: 0 }))]).success).toBe(false)
    expect(strokesSchema.safeParse([[{ x: Number.NaN, y: 1, t: 0 }]]).success).toBe(false)
  })
})

describe('canonical hash', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse())
        expect(canonicalHash(reversed)).toBe(canonicalHash(obj))
      }),
    )
  })
})
