// All text the app shows comes from catalogs: one folder per language, one
// JSON file per namespace (common, patients, consultation, ...), so each part
// of the app keeps its own words. Adding a language is adding a folder with
// the same files and keys; no screen changes (a unit test checks completeness).
//
// Only the namespaces of the first screens (setup, login, the lock) travel in
// the entry script; the others are separate chunks, fetched together by
// `loadCatalogs()` before the logged-in app shows anything, so every screen
// (and every lookup across namespaces) still finds all its texts.
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'

type Catalog = Record<string, unknown>
// import.meta.glob takes literals only: keep these two lists in step.
const firstScreens = import.meta.glob<Catalog>(['./*/common.json', './*/session.json', './*/setup.json'], { eager: true, import: 'default' })
const later = import.meta.glob<Catalog>(['./*/*.json', '!./*/common.json', '!./*/session.json', '!./*/setup.json'], { import: 'default' })

/** `./en/common.json` → `['en', 'common']` */
function languageAndNamespace(path: string): [string, string] {
  const m = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path)
  if (!m) throw new Error(`Not a catalog path: ${path}`)
  return [m[1]!, m[2]!]
}

/** `{ en: { common: {...}, session: {...} }, ... }`: the catalogs in the entry script. */
const resources: Record<string, Record<string, Catalog>> = {}
for (const [path, catalog] of Object.entries(firstScreens)) {
  const [lng, ns] = languageAndNamespace(path)
  ;(resources[lng] ??= {})[ns] = catalog
}

const allPaths = [...Object.keys(firstScreens), ...Object.keys(later)].map(languageAndNamespace)
export const LANGUAGES = [...new Set(allPaths.map(([lng]) => lng))]
/** Every namespace, loaded or not (errors.ts looks field codes up in all of them). */
export const NAMESPACES = [...new Set(allPaths.filter(([lng]) => lng === 'en').map(([, ns]) => ns))]

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  ns: Object.keys(resources.en ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
})

let loading: Promise<void> | undefined
let loaded = Object.keys(later).length === 0

/** True once every namespace is in i18next (nothing left for `loadCatalogs()` to fetch). */
export function catalogsLoaded(): boolean {
  return loaded
}

/**
 * Fetches the catalogs not in the entry script, all at once, and adds them to
 * i18next. The same promise for every caller; after a failure (a chunk that
 * could not be fetched) the next call tries again.
 */
export function loadCatalogs(): Promise<void> {
  loading ??= Promise.all(
    Object.entries(later).map(async ([path, load]) => {
      const [lng, ns] = languageAndNamespace(path)
      i18n.addResourceBundle(lng, ns, await load(), true, true)
    }),
  ).then(
    () => {
      loaded = true
    },
    (e: unknown) => {
      loading = undefined
      throw e
    },
  )
  return loading
}

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
