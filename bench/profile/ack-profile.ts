// Profiles one durable acknowledgment through the dispatcher, so a missed
// ack_write goal can be traced: `node --import tsx --cpu-prof --cpu-prof-dir DIR
// bench/profile/ack-profile.ts [acks]`, then `tsx bench/profile/top.ts DIR`.
// Runs at synchronous=NORMAL so the profile shows the CPU work, not the disk.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, resourcesDir } from '../../src/main/core'
import { seedClinicData, SEED_LOGINS } from '../../src/main/seed/seed'
import { driveToAcknowledgments, type Driven } from '../lib/drive'

const acks = Number(process.argv[2] ?? 200)
const dataDir = mkdtempSync(join(tmpdir(), 'derm-consent-ack-profile-'))
await seedClinicData({ dataDir, resourcesDir, patients: 100, consultations: 0, seed: 'profile' })
const core = Core.open({ dataDir, resourcesDir })
core.ctx.db.pragma('synchronous = NORMAL')
const c = SEED_LOGINS.find((u) => u.role === 'clinician')!
const slots: { d: Driven; sectionId: string }[] = []
for (let p = 1; slots.length < acks; p++) {
  const d = await driveToAcknowledgments(core, c.username, p)
  for (const s of d.state.progress.steps) if (s.step === 'acknowledge_section') slots.push({ d, sectionId: s.sectionId })
}
const t = performance.now()
for (const { d, sectionId } of slots.slice(0, acks)) {
  const r = await core.dispatch('consultation.acknowledgeSection', { consultationId: d.state.id, sectionId, initials: 'AB' }, d.host)
  if (!r.ok) throw new Error(r.error.message)
}
console.log(`${((performance.now() - t) / acks).toFixed(3)} ms per acknowledgment (synchronous=NORMAL, mean of ${acks})`)
core.close()
