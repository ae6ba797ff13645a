// Clinicians' signing credentials, against a real clinic database: made when a
// clinician's account is created, naming them and the clinic, sealed under
// their password, and never changeable in SQLite.
import { afterEach, describe, expect, it } from 'vitest'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core } from '../core'
import { resourcesDir } from '../paths'
import { SYSTEM_ACTOR } from '../context'
import { createUser } from '../users/users'
import { writeSettingsRows } from '../settings/settings'
import { verifyAuditChain } from '../audit/chain'
import { currentSigningCredential, unlockSigningCredential } from './store'
import { describeCertificate } from './credentials'

const cores: Core[] = []
afterEach(() => {
  while (cores.length) cores.pop()!.close()
})

function openClinic(): Core {
  const core = Core.open({ dataDir: mkdtempSync(join(tmpdir(), 'derm-signing-')), resourcesDir })
  cores.push(core)
  writeSettingsRows(core.ctx, { clinic: { name: 'Klinik Ærø & Söhne', address: '1 Main St' }, idleLockMinutes: 5 })
  return core
}

describe('clinician signing credentials', () => {
  it('gives a new clinician a certificate naming them and the clinic, sealed under their password', async () => {
    const core = openClinic()
    const user = await createUser(core.ctx, SYSTEM_ACTOR, { username: 'olga', displayName: 'Dr. Ольга Иванова', role: 'clinician', password: 'correct horse battery' })
    const stored = currentSigningCredential(core.ctx, user.id)
    expect(stored).not.toBeNull()
    const cert = describeCertificate(stored!.certificateDer)
    expect(cert.commonName).toBe('Dr. Ольга Иванова')
    expect(cert.organization).toBe('Klinik Ærø & Söhne')
    expect(cert.notAfter.getTime()).toBeGreaterThan(Date.now() + 9 * 365 * 86_400_000)

    // Node's own X.509 parser agrees (the DER is well-formed) and the key is RSA-2048.
    const x = new X509Certificate(stored!.certificateDer)
    expect(x.subject).toContain('CN=Dr. Ольга Иванова')
    expect(x.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
    expect(x.verify(x.publicKey)).toBe(true) // self-signed: its own key signed it

    // The private key is not stored in the clear.
    const pkcs8Header = Buffer.from([0x30, 0x82])
    expect(stored!.sealedKey.subarray(0, 2).equals(pkcs8Header) && stored!.sealedKey.includes(Buffer.from('rsaEncryption'))).toBe(false)

    const opened = await unlockSigningCredential(core.ctx, user.id, 'correct horse battery')
    expect(
      x.publicKey.export({ type: 'spki', format: 'der' }).equals((await import('node:crypto')).createPublicKey(opened.privateKey).export({ type: 'spki', format: 'der' })),
    ).toBe(true)
    await expect(unlockSigningCredential(core.ctx, user.id, 'wrong password!')).rejects.toMatchObject({ code: 'wrong_password' })
    expect(verifyAuditChain(core.ctx.db, core.ctx.auditKey).ok).toBe(true)
    const audit = core.ctx.db.prepare("SELECT action FROM audit_log WHERE entity_type = 'user' ORDER BY id").all() as { action: string }[]
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'signing_credential.create'])
  })

  it('gives staff and administrators no signing key', async () => {
    const core = openClinic()
    const staff = await createUser(core.ctx, SYSTEM_ACTOR, { username: 'sam', displayName: 'Sam', role: 'staff', password: 'staff password 1' })
    expect(currentSigningCredential(core.ctx, staff.id)).toBeNull()
    await expect(unlockSigningCredential(core.ctx, staff.id, 'staff password 1')).rejects.toMatchObject({ code: 'invalid_state' })
  })

  it('refuses any change or removal of a stored credential in SQLite itself', async () => {
    const core = openClinic()
    const user = await createUser(core.ctx, SYSTEM_ACTOR, { username: 'vb', displayName: 'Dr. V', role: 'clinician', password: 'clinician pass 1' })
    const db = core.ctx.db
    expect(() => db.prepare("UPDATE signing_credentials SET sealed_key = x'00' WHERE user_id = ?").run(user.id)).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM signing_credentials WHERE user_id = ?').run(user.id)).toThrow(/append-only/)
  })
})
