// Time is injected so tests can fix it (lot expiry, idle lock); the app uses the wall clock.
export type Clock = () => Date
export const systemClock: Clock = () => new Date()
export const iso = (d: Date): string => d.toISOString()
