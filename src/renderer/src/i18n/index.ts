// All text the app shows comes from a catalog per language. Adding a language
// is adding a catalog file here; no screen changes.
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'

export const catalogs = { en } as const
export type Language = keyof typeof catalogs

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(catalogs).map(([lng, c]) => [lng, { translation: c }])),
  lng: 'en',
  fallbackLng: 'en',
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
