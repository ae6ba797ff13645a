// The typefaces every consent document embeds, from resources/fonts (Noto
// Sans, SIL Open Font License, see OFL.txt there): Latin with diacritics,
// Greek and Cyrillic, so "Zoë Ñúñez-Øberg", "Ольга Иванова" and
// "Ελένη Παπαδοπούλου" print as written. PDF/A forbids the 14 standard fonts,
// so the document is opened with Noto Sans as its default and nothing else.
import { join } from 'node:path'

export const FONT = {
  regular: 'NotoSans-Regular',
  bold: 'NotoSans-Bold',
  italic: 'NotoSans-Italic',
  mono: 'NotoSansMono-Regular',
} as const

export type FontName = (typeof FONT)[keyof typeof FONT]

export function fontFile(resourcesDir: string, name: FontName): string {
  return join(resourcesDir, 'fonts', `${name}.ttf`)
}
