// The shapes the contract returns. Plain data: what crosses IPC or HTTP.
import type { Role } from './roles'

export interface UserSummary {
  id: number
  username: string
  displayName: string
  role: Role
  createdAt: string
}

export interface SessionInfo {
  user: UserSummary
  idleLockMinutes: number
  locked: boolean
  /** Set while a patient holds the screen: the only consultation they can reach. */
  patientModeConsultationId: number | null
}

export interface ClinicSettings {
  clinic: { name: string; address: string }
  idleLockMinutes: number
}

export interface PatientSummary {
  id: number
  givenName: string
  familyName: string
  dateOfBirth: string
  recordNumber: string
}

export interface Patient extends PatientSummary {
  phone: string
  email: string
  createdAt: string
  updatedAt: string
}
