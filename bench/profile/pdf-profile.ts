// Profiles making the consent PDF (layout, then signing) so a missed pdf goal
// can be traced to its cause: `node --import tsx --cpu-prof --cpu-prof-dir DIR
// bench/profile/pdf-profile.ts [rounds]`, then `tsx bench/profile/top.ts DIR`.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, layoutConsent, signConsentPdf, buildConsentRecord, resourcesDir, unlockSigningCredential } from '../../src/main/core'
import { completeConsultation } from '../../src/main/client/complete-consultation'
import { seedClinicData, SEED_LOGINS } from '../../src/main/seed/seed'

const rounds = Number(process.argv[2] ?? 20)
const dataDir = mkdtempSync(join(tmpdir(), 'derm-consent-pdf-profile-'))
await seedClinicData({ dataDir, resourcesDir, patients: 5, consultations: 0, seed: 'profile' })
const core = Core.open({ dataDir, resourcesDir })
const c = SEED_LOGINS.find((u) => u.role === 'clinician')!
const { consultationId } = await completeConsultation(core, { patientId: 3, clinician: { username: c.username, password: c.password } })
const record = buildConsentRecord(core.ctx, consultationId)
const seal = { recordSha256: 'a'.repeat(64), auditPosition: 1, auditHead: 'b'.repeat(64) }
const credential = await unlockSigningCredential(core.ctx, record.clinician.id, c.password)
let layoutMs = 0
let signMs = 0
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now()
  const { pdf } = await layoutConsent(record, seal, { resourcesDir })
  const t1 = performance.now()
  await signConsentPdf(pdf, credential, { signerName: 'x', reason: 'x', location: 'x', contactInfo: 'x', signingTime: new Date() })
  layoutMs += t1 - t0
  signMs += performance.now() - t1
}
console.log(`layout ${(layoutMs / rounds).toFixed(1)} ms, sign ${(signMs / rounds).toFixed(1)} ms (mean of ${rounds})`)
core.close()
