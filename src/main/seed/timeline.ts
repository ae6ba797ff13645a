// The generated clinic's calendar: it opened on a fixed Monday and has been
// seeing patients on weekdays, 08:00 to 18:00, until a fixed day in the past.
// Fixed dates (never the wall clock) keep the data the same on every run.

export const CLINIC_OPENED = new Date('2019-03-04T08:00:00.000Z')
export const SEEDED_UNTIL = new Date('2026-06-30T18:00:00.000Z')

const DAY_MS = 86_400_000
const OPENING_MINUTES = 10 * 60

export class Timeline {
  private readonly days: number[] = []

  constructor(
    readonly start: Date = CLINIC_OPENED,
    readonly end: Date = SEEDED_UNTIL,
  ) {
    const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())
    for (let d = first; d <= end.getTime(); d += DAY_MS) {
      const wd = new Date(d).getUTCDay()
      if (wd !== 0 && wd !== 6) this.days.push(d)
    }
  }

  /** The opening-hours moment at `fraction` (0..1) of the way from opening day to the end. */
  at(fraction: number): Date {
    const total = this.days.length * OPENING_MINUTES * 60_000
    const offset = Math.min(total - 1, Math.max(0, Math.floor(fraction * total)))
    const day = Math.floor(offset / (OPENING_MINUTES * 60_000))
    const within = offset - day * OPENING_MINUTES * 60_000
    return new Date(this.days[day]! + 8 * 3_600_000 + within)
  }
}
