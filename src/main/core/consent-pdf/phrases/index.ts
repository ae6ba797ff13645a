// The phrase tables by language. A consent document prints in the language of
// the script its consultation ran with (the record's `script.language`); a
// language without a table prints in English. Adding a language: write
// phrases/<language>.ts and list it here.
import { en } from './en'
import type { ConsentPhrases } from './phrases'

export type { ConsentPhrases } from './phrases'

export const PHRASE_TABLES: Readonly<Record<string, ConsentPhrases>> = { en }

export const FALLBACK_LANGUAGE = 'en'

/** The table for a BCP 47 language tag: exact, then its primary subtag ("pt-BR" → "pt"), then English. */
export function phrasesFor(language: string | null | undefined): ConsentPhrases {
  const tag = (language ?? '').trim()
  return PHRASE_TABLES[tag] ?? PHRASE_TABLES[tag.split('-')[0]!.toLowerCase()] ?? en
}
