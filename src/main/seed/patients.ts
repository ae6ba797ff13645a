// Generated patients: a name from one of the clinic's cultures (several
// scripts, diacritics, compound and particle names), a date of birth that fits
// the people who ask for botulinum toxin (mostly 25 to 65, mostly women), a
// record number, and a phone number and e-mail address when the patient gave
// one. Every generated patient passes the contract's own `patientFields`
// schema, the same validation a patient typed into the app goes through.
import { patientFields, type PatientFields } from '../../shared/contract/patients'
import { foldForSearch } from '../../shared/text-fold'
import { NAME_CULTURES, type NameCulture } from './names'
import type { Prng } from './prng'

const CULTURE_WEIGHTS = NAME_CULTURES.map((c) => [c, c.weight] as const)

export function recordNumberFor(index: number): string {
  return `MRN-${String(index).padStart(7, '0')}`
}

function ascii(s: string): string {
  return foldForSearch(s).replace(/[^a-z0-9]+/g, '')
}

function phone(rng: Prng, c: NameCulture): string {
  const digits = Array.from({ length: rng.int(8, 10) }, () => rng.int(0, 9)).join('')
  return `${c.phonePrefix} ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
}

function email(rng: Prng, c: NameCulture, given: string, family: string, index: number): string {
  const domain = rng.pick(['example.org', 'example.net', 'example.com', 'mail.example'])
  const local = c.latin ? `${ascii(given).slice(0, 20)}.${ascii(family).slice(0, 24)}` : 'patient'
  return `${local || 'patient'}${rng.chance(0.5) ? index % 1000 : ''}@${domain}`
}

/** YYYY-MM-DD of someone `years` old on `on` (plus up to a year). */
function birthDate(rng: Prng, on: Date, years: number): string {
  const d = new Date(Date.UTC(on.getUTCFullYear() - years, on.getUTCMonth(), on.getUTCDate()))
  d.setUTCDate(d.getUTCDate() - rng.int(0, 364))
  return d.toISOString().slice(0, 10)
}

export interface GeneratedPatient {
  fields: PatientFields
  culture: string
}

/** The `index`-th patient (1-based), registered on `registeredOn`. */
export function generatePatient(rng: Prng, index: number, registeredOn: Date): GeneratedPatient {
  const culture = rng.weighted(CULTURE_WEIGHTS)
  const female = rng.chance(0.86)
  const givenName = female ? rng.pick(culture.female) : rng.pick(culture.male)
  const familyName = female ? rng.pick(culture.familyFemale) : rng.pick(culture.familyMale)
  const age = Math.round(rng.normal(44, 10, 19, 84))
  const raw = {
    givenName,
    familyName,
    dateOfBirth: birthDate(rng, registeredOn, age),
    recordNumber: recordNumberFor(index),
    phone: rng.chance(0.85) ? phone(rng, culture) : '',
    email: rng.chance(culture.latin ? 0.65 : 0.4) ? email(rng, culture, givenName, familyName, index) : '',
  }
  // The app's own rules: a generated patient the app would refuse is a bug here.
  return { fields: patientFields.parse(raw), culture: culture.id }
}

/** A later edit a front desk makes: a new phone number or e-mail address. */
export function generateContactChange(rng: Prng, before: GeneratedPatient, index: number): Partial<PatientFields> {
  const culture = NAME_CULTURES.find((c) => c.id === before.culture) ?? NAME_CULTURES[0]!
  const f = before.fields
  if (f.phone === '' || rng.chance(0.6)) return { phone: phone(rng, culture) }
  return { email: email(rng, culture, f.givenName, f.familyName, index + 7) }
}
