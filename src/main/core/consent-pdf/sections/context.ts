// What every section of the consent summary is drawn with: the one writer the
// whole document shares, the frozen record, the date and number formats and
// the phrase table of the record's language.
import type { ConsentRecord } from '../../../../shared/consultation'
import type { DocFormat } from '../format'
import type { ConsentPhrases } from '../phrases'
import type { DocumentWriter } from '../writer'

export interface SectionContext {
  w: DocumentWriter
  r: ConsentRecord
  f: DocFormat
  p: ConsentPhrases
  /** When the consultation was signed off (or ended, or started, for a record not yet signed off). */
  signedOffAt: string
}

/** One section of the document: draws itself at the writer's position. */
export type Section = (s: SectionContext) => void
