// (in development) generated consultations
import { AppError } from '../../../shared/errors'
import type { PatientFields } from '../../../shared/contract/patients'
import type { Actor, CoreContext } from '../context'
import type { BulkAuditWriter } from './audit-writer'
import type { Prng } from './prng'
import type { TimedStep } from './scheduler'

export interface ConsultationCounts {
  signedOff: number
  notTreated: number
  inProgress: number
  withdrawn: number
  storedPdfs: number
  distinctPdfs: number
}

export interface ConsultationSeederOptions {
  clock: { now: () => Date; current: Date; advance(ms: number): void }
  rng: Prng
  clinicians: Actor[]
  logins: readonly { username: string; password: string; role: string }[]
  total: number
  pdfEvery?: number
  log: (line: string) => void
}

export class ConsultationSeeder {
  counts: ConsultationCounts = { signedOff: 0, notTreated: 0, inProgress: 0, withdrawn: 0, storedPdfs: 0, distinctPdfs: 0 }
  notes: string[] = []
  constructor(
    private readonly ctx: CoreContext,
    private readonly opts: ConsultationSeederOptions,
  ) {}
  async prepare(): Promise<void> {
    throw new AppError('invalid_state', `consultations not yet (${this.opts.total}, ${this.ctx.dataDir})`)
  }
  plan(_audit: BulkAuditWriter, _patientId: number, _p: PatientFields, _at: Date): TimedStep[] {
    return []
  }
  finish(_audit: BulkAuditWriter): void {}
}
