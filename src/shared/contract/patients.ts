// Registering, editing and finding patients.
import { z } from 'zod'
import { defineCall, roles } from './define'
import { id, isoDate, line, todayIso } from './fields'
import type { Patient, PatientSummary } from '../domain'

const optionalEmail = z
  .string()
  .max(400, 'too_long')
  .transform((s) => s.trim())
  .check((ctx) => {
    const v = ctx.value
    if (v === '') return
    if (v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u.test(v)) ctx.issues.push({ code: 'custom', message: 'invalid_email', input: v })
  })

const optionalPhone = z
  .string()
  .max(160, 'too_long')
  .transform((s) => s.trim())
  .check((ctx) => {
    const v = ctx.value
    if (v === '') return
    if (v.length > 40 || !/^\+?[0-9 ()./-]{3,40}$/.test(v)) ctx.issues.push({ code: 'custom', message: 'invalid_phone', input: v })
  })

const dateOfBirth = isoDate.check((ctx) => {
  const v = ctx.value
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return // isoDate already reported it
  if (v < '1900-01-01') ctx.issues.push({ code: 'custom', message: 'date_before_1900', input: v })
  else if (v > todayIso()) ctx.issues.push({ code: 'custom', message: 'date_in_future', input: v })
})

export const patientFields = z
  .object({
    givenName: line(100),
    familyName: line(100),
    dateOfBirth,
    recordNumber: line(40).check((ctx) => {
      if (ctx.value && !/^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u.test(ctx.value)) ctx.issues.push({ code: 'custom', message: 'invalid_record_number', input: ctx.value })
    }),
    phone: optionalPhone.default(''),
    email: optionalEmail.default(''),
  })
  .strict()

export type PatientFields = z.output<typeof patientFields>

const who = roles('clinician', 'staff')

export const patientCalls = {
  'patients.search': defineCall<PatientSummary[]>()({
    input: z.object({ query: z.string().max(200, 'too_long'), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    access: who,
  }),
  'patients.get': defineCall<Patient>()({
    input: z.object({ id }).strict(),
    access: who,
  }),
  'patients.create': defineCall<Patient>()({
    input: patientFields,
    access: who,
  }),
  'patients.update': defineCall<Patient>()({
    input: z.object({ id, patient: patientFields }).strict(),
    access: who,
  }),
}
