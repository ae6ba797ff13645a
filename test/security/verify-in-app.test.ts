// Verify from the app checks one consistent moment of the record on its own
// read-only connection, and the app keeps answering (and writing) meanwhile.
import { describe, expect, it } from 'vitest'
import { Client, openCore } from '../support/core'
import { ADMIN, CLINICIAN, copyClinic, populatedClinic } from './clinic-fixture'

describe('maintenance.verify in the running app', () => {
  it('sees a snapshot taken when it starts, while a patient registered meanwhile is saved', async () => {
    const core = openCore(copyClinic(await populatedClinic()))
    try {
      const admin = new Client(core)
      await admin.call('session.login', { username: ADMIN.username, password: ADMIN.password })
      const desk = new Client(core)
      await desk.call('session.login', { username: CLINICIAN.username, password: CLINICIAN.password })
      const order: string[] = []
      const verifying = admin.call('maintenance.verify', {}).then((r) => (order.push('verify'), r))
      const registering = desk
        .call('patients.create', { givenName: 'Meanwhile', familyName: 'Registered', dateOfBirth: '1999-09-09', recordNumber: 'MID-0001' })
        .then((p) => (order.push('create'), p))
      const [report] = await Promise.all([verifying, registering])
      expect(order).toEqual(['create', 'verify'])
      expect(report.ok).toBe(true)
      expect(report.summary).toContain('13 patients match the audit trail')
      expect((core.ctx.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n).toBe(14)
      expect((await admin.call('maintenance.verify', {})).summary).toContain('14 patients match the audit trail')
    } finally {
      core.close()
    }
  })
})
