// Folds text for searching: lower case, accents and other marks removed, and
// the letters that Unicode does not decompose (Ø, Æ, ß, Ł, Đ...) spelled the
// way a person without that keyboard would type them. Shared so the renderer
// can highlight matches the same way the core finds them.
const SPECIAL: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ς: 'σ',
}

export function foldForSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþıħŧŋĸς]/g, (c) => SPECIAL[c] ?? c)
}
