// How dates, times and durations read on a consent document: day, month name
// and year (never an ambiguous 03/04), with the time zone on every time, in
// the language of the script the consultation was run with.
import { phrasesFor } from './phrases'

const localeFor = (language: string) => (language === 'en' ? 'en-GB' : language)

export interface DocFormat {
  date(iso: string | null | undefined): string
  dateTime(iso: string | null | undefined): string
  duration(ms: number | null | undefined): string
  number(n: number): string
}

interface Formatters {
  dateFmt: Intl.DateTimeFormat
  dateTimeFmt: Intl.DateTimeFormat
  num: Intl.NumberFormat
}

/**
 * Intl formatters are costly to build and never change once built, so they
 * are kept per locale and zone. Without an explicit zone they follow the
 * machine's, which Node re-reads when TZ is set; TZ is part of the key.
 */
const formatters = new Map<string, Formatters>()

function formattersFor(locale: string, timeZone: string | undefined): Formatters {
  const key = `${locale}|${timeZone ?? `local:${process.env.TZ ?? ''}`}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = makeFormatters(locale, timeZone)))
  return f
}

function makeFormatters(locale: string, timeZone: string | undefined): Formatters {
  const dateFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  })
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
  return { dateFmt, dateTimeFmt, num }
}

export function docFormat(language: string, timeZone?: string): DocFormat {
  const { dateFmt, dateTimeFmt, num } = formattersFor(localeFor(language), timeZone)
  const words = phrasesFor(language).duration
  return {
    // A calendar date (YYYY-MM-DD) is a date, not an instant: formatted in UTC so it never shifts a day.
    date: (iso) => (iso ? dateFmt.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso)) : '—'),
    dateTime: (iso) => (iso ? dateTimeFmt.format(new Date(iso)) : '—'),
    duration: (ms) => {
      if (ms == null || ms < 0) return '—'
      const minutes = Math.round(ms / 60_000)
      if (minutes < 1) return words.underAMinute
      const h = Math.floor(minutes / 60)
      const m = minutes % 60
      return [h ? words.hours(h) : '', m ? words.minutes(m) : ''].filter(Boolean).join(' ')
    },
    number: (n) => num.format(n),
  }
}
