// Where clinicians' signing credentials live: one row per credential in
// `signing_credentials` (migration 003), append-only. A user's newest row is
// the one used to sign; a later credential (after a password change, say) is
// a new row, so every certificate that ever signed a consent stays on record.
import { AppError } from '../../../shared/errors'
import { recordAudit } from '../audit/chain'
import { storedRowHash } from '../audit/row-hash'
import type { Actor, CoreContext } from '../context'
import { readSettings } from '../settings/settings'
import { createSealedCredential, unsealCredential, type KeySealing, type SealedCredential, type UnsealedCredential } from './credentials'

interface CredentialRow {
  id: number
  user_id: number
  certificate_der: Buffer
  certificate_sha256: string
  sealed_key: Buffer
  sealing: string
  not_before: string
  not_after: string
  created_at: string
}

export interface StoredCredential {
  id: number
  userId: number
  certificateDer: Buffer
  certificateSha256: string
  sealedKey: Buffer
  sealing: KeySealing
  notBefore: string
  notAfter: string
  createdAt: string
}

function toStored(r: CredentialRow): StoredCredential {
  return {
    id: r.id,
    userId: r.user_id,
    certificateDer: r.certificate_der,
    certificateSha256: r.certificate_sha256,
    sealedKey: r.sealed_key,
    sealing: JSON.parse(r.sealing) as KeySealing,
    notBefore: r.not_before,
    notAfter: r.not_after,
    createdAt: r.created_at,
  }
}

/**
 * The slow part of giving a clinician a credential (key generation, scrypt),
 * done before the caller opens its write transaction. The certificate names
 * the clinic as it is set up now.
 */
export function prepareSigningCredential(ctx: CoreContext, displayName: string, password: string): Promise<SealedCredential> {
  return createSealedCredential({ displayName, clinicName: readSettings(ctx).clinic.name }, password, ctx.now())
}

/** Stores a prepared credential for the user. Call inside the transaction that creates or changes the user. */
export function storeSigningCredential(ctx: CoreContext, actor: Actor, userId: number, c: SealedCredential): number {
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO signing_credentials (user_id, certificate_der, certificate_sha256, sealed_key, sealing, not_before, not_after, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(userId, c.certificateDer, c.certificateSha256, c.sealedKey, JSON.stringify(c.sealing), c.notBefore.toISOString(), c.notAfter.toISOString(), ctx.now().toISOString())
      .lastInsertRowid,
  )
  // rowSha256 seals the whole stored row (certificate, sealed key, validity):
  // the newest row is the one that signs, so verify must be able to tell a
  // credential the app made from one slipped in or swapped behind its back.
  recordAudit(ctx, actor, {
    action: 'signing_credential.create',
    entityType: 'user',
    entityId: userId,
    detail: { credentialId: id, certificateSha256: c.certificateSha256, notAfter: c.notAfter.toISOString(), rowSha256: storedRowHash(ctx.db, 'signing_credentials', id) },
  })
  return id
}

export function currentSigningCredential(ctx: CoreContext, userId: number): StoredCredential | null {
  const r = ctx.db.prepare('SELECT * FROM signing_credentials WHERE user_id = ? ORDER BY id DESC LIMIT 1').get(userId) as CredentialRow | undefined
  return r ? toStored(r) : null
}

export function signingCredentialById(ctx: CoreContext, id: number): StoredCredential | null {
  const r = ctx.db.prepare('SELECT * FROM signing_credentials WHERE id = ?').get(id) as CredentialRow | undefined
  return r ? toStored(r) : null
}

/**
 * Opens the clinician's current credential with the password they typed at
 * sign-off. Refused when they have none or it has expired, or the password
 * does not open it.
 */
export async function unlockSigningCredential(ctx: CoreContext, userId: number, password: string): Promise<UnsealedCredential & { credentialId: number }> {
  const c = currentSigningCredential(ctx, userId)
  if (!c) throw new AppError('invalid_state', 'You have no signing key yet. Ask the administrator to set one up for your account.')
  const now = ctx.now().toISOString()
  if (now > c.notAfter) throw new AppError('invalid_state', 'Your signing certificate has expired. Ask the administrator to renew it.')
  const opened = await unsealCredential(c, password)
  return { ...opened, credentialId: c.id }
}
