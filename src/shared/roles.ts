// The three kinds of people who use the app. Checked in the core on every call.
export const ROLES = ['admin', 'clinician', 'staff'] as const
export type Role = (typeof ROLES)[number]
