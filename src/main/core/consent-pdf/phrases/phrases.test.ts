// Every language's phrase table has the phrases English has, and every phrase
// prints something: a string is not empty, a phrase with blanks to fill in
// returns a non-empty string once filled in. (The type `ConsentPhrases`
// already refuses a table with a phrase missing; this also catches an empty
// one and a table whose shape drifted through a cast.)
import { describe, expect, it } from 'vitest'
import { FALLBACK_LANGUAGE, PHRASE_TABLES, phrasesFor } from '.'
import { en } from './en'

type Tree = { [k: string]: unknown }

/** Every phrase as [path, value]: strings and functions are the leaves. */
function leaves(t: unknown, path = ''): [string, unknown][] {
  if (typeof t === 'string' || typeof t === 'function') return [[path, t]]
  return Object.entries(t as Tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
}

/** A phrase filled in with sample values for each blank: a word, a number, nothing (which also reads as "no"). */
function filledIn(fn: (...args: unknown[]) => unknown): unknown[] {
  return ['x', '2', ''].map((sample) => fn(...Array<unknown>(fn.length).fill(sample)))
}

describe('consent PDF phrase tables', () => {
  it('English is the fallback table', () => {
    expect(FALLBACK_LANGUAGE).toBe('en')
    expect(PHRASE_TABLES[FALLBACK_LANGUAGE]).toBe(en)
    expect(phrasesFor('en')).toBe(en)
    expect(phrasesFor('en-GB')).toBe(en)
    expect(phrasesFor('xx')).toBe(en)
    expect(phrasesFor('')).toBe(en)
  })

  for (const [language, table] of Object.entries(PHRASE_TABLES)) {
    it(`${language}: the same phrases as English, each printing something`, () => {
      expect(leaves(table).map(([path]) => path)).toEqual(leaves(en).map(([path]) => path))
      for (const [path, phrase] of leaves(table)) {
        if (typeof phrase === 'string') expect(phrase.trim(), path).not.toBe('')
        else
          for (const out of filledIn(phrase as (...args: unknown[]) => unknown)) {
            expect(typeof out, path).toBe('string')
            expect((out as string).trim(), path).not.toBe('')
          }
      }
    })

    it(`${language}: a phrase table is chosen by its language`, () => {
      expect(phrasesFor(language)).toBe(table)
    })
  }
})
