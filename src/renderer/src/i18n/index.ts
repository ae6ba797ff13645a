// All text the app shows comes from catalogs: one folder per language, one
// JSON file per namespace (common, patients, consultation, ...), so each part
// of the app keeps its own words. Adding a language is adding a folder with
// the same files and keys; no screen changes (a unit test checks completeness).
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'

type Catalog = Record<string, unknown>
const files = import.meta.glob<Catalog>('./*/*.json', { eager: true, import: 'default' })

/** `{ en: { common: {...}, patients: {...} }, ... }` */
export const catalogs: Record<string, Record<string, Catalog>> = {}
for (const [path, catalog] of Object.entries(files)) {
  const m = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path)
  if (!m) continue
  const [, lng, ns] = m as unknown as [string, string, string]
  ;(catalogs[lng] ??= {})[ns] = catalog
}

export const LANGUAGES = Object.keys(catalogs)
export const NAMESPACES = Object.keys(catalogs.en ?? {})

void i18n.use(initReactI18next).init({
  resources: catalogs,
  lng: 'en',
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
})

export default i18n

/** Dates and numbers follow the active language's conventions. */
export function formatDate(iso: string, lng = i18n.language): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso)
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium' }).format(d)
}
export function formatDateTime(iso: string, lng = i18n.language): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}
export function formatNumber(n: number, lng = i18n.language): string {
  return new Intl.NumberFormat(lng).format(n)
}
