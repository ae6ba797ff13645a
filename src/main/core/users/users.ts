// The people who use the app. Only administrators add users; every user has
// exactly one role.
import { AppError, fieldError } from '../../../shared/errors'
import type { UserSummary } from '../../../shared/domain'
import type { Role } from '../../../shared/roles'
import { recordAudit } from '../audit/chain'
import { assertPrintable } from '../consent-pdf/printable'
import { hashPassword } from '../session/passwords'
import { credentialSeal } from './credential-seal'
import { inTransaction, type Actor, type CoreContext } from '../context'
import { prepareSigningCredential, storeSigningCredential } from '../signing/store'

export interface UserRow {
  id: number
  username: string
  display_name: string
  role: Role
  password_hash: string
  created_at: string
  disabled_at: string | null
}

export function toUserSummary(r: UserRow): UserSummary {
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role, createdAt: r.created_at }
}

export function findUserByUsername(ctx: CoreContext, username: string): UserRow | undefined {
  return ctx.db.prepare('SELECT * FROM users WHERE username = ? AND disabled_at IS NULL').get(username) as UserRow | undefined
}

export function getUser(ctx: CoreContext, id: number): UserRow {
  const r = ctx.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
  if (!r) throw new AppError('not_found', 'No such user.')
  return r
}

export function listUsers(ctx: CoreContext): UserSummary[] {
  return (ctx.db.prepare('SELECT * FROM users ORDER BY role, display_name').all() as UserRow[]).map(toUserSummary)
}

export function countUsers(ctx: CoreContext): number {
  return (ctx.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
}

export interface NewUser {
  username: string
  displayName: string
  role: Role
  password: string
}

/** Hashing is slow on purpose, so it happens before the (short) write transaction. */
export async function createUser(ctx: CoreContext, actor: Actor, u: NewUser): Promise<UserSummary> {
  assertPrintable(ctx.resourcesDir, { displayName: u.displayName })
  if (findUserByUsername(ctx, u.username) || ctx.db.prepare('SELECT 1 FROM users WHERE username = ?').get(u.username))
    throw fieldError('username', 'username_taken', `The username "${u.username}" is already in use.`)
  const hash = await hashPassword(u.password)
  // A clinician signs consents digitally: their key pair is made (slowly) here, stored below.
  const credential = u.role === 'clinician' ? await prepareSigningCredential(ctx, u.displayName, u.password) : null
  return inTransaction(ctx, () => {
    if (ctx.db.prepare('SELECT 1 FROM users WHERE username = ?').get(u.username)) throw fieldError('username', 'username_taken', `The username "${u.username}" is already in use.`)
    const at = ctx.now().toISOString()
    const id = Number(
      ctx.db.prepare('INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(u.username, u.displayName, u.role, hash, at)
        .lastInsertRowid,
    )
    const user = toUserSummary(getUser(ctx, id))
    recordAudit(ctx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      detail: { username: u.username, displayName: u.displayName, role: u.role, credentialSeal: credentialSeal(ctx.auditKey, hash) },
    })
    if (credential) storeSigningCredential(ctx, actor, id, credential)
    return user
  })
}
