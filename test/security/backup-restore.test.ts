// Backup and restore: a populated clinic backed up on one machine and restored
// into an empty folder on "another" verifies; restore refuses what is damaged,
// altered or locked with another passphrase, and never overwrites without
// keeping the previous copy; backup is consistent while the app writes; an
// administrator can do both from the app, and only an administrator.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { DB_FILE_NAME } from '../../src/main/core'
import { decryptBackupInto, encryptDatabaseFile } from '../../src/main/core/testing'
import { discardStaged, stageRestore, swapInStaged } from '../../src/main/core/testing'
import { verifyClinicData } from '../../src/main/core/testing'
import { resourcesDir } from '../../src/main/core'
import { Client, openCore, tempDir } from '../support/core'
import { ADMIN, CLINICIAN, STAFF, copyClinic, populatedClinic, rawDb, verifyDir } from './clinic-fixture'

const ROOT = resolve(import.meta.dirname, '..', '..')
const PASSPHRASE = 'correct horse battery staple'

function cli(args: string[], passphrase: string | null = PASSPHRASE) {
  const env = { ...process.env }
  delete env.DERM_CONSENT_BACKUP_PASSPHRASE
  if (passphrase !== null) env.DERM_CONSENT_BACKUP_PASSPHRASE = passphrase
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env })
}

function dump(dir: string, tables: string[]): Record<string, unknown[]> {
  const db = new Database(join(dir, DB_FILE_NAME), { readonly: true })
  try {
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]))
  } finally {
    db.close()
  }
}

let clinic: string
let backedUp: string
let backupFile: string

beforeAll(async () => {
  clinic = await populatedClinic()
  backupFile = join(tempDir('derm-consent-usb-'), 'clinic.dcbackup')
  backedUp = copyClinic(clinic)
  const out = cli(['backup', '--data', backedUp, '--out', backupFile])
  expect(out.stderr).toBe('')
  expect(out.status).toBe(0)
})

describe('backup and restore from the command line', () => {
  it('round-trips a populated clinic to another machine, where verify passes', () => {
    const other = join(tempDir('derm-consent-other-machine-'), 'data')
    const restored = cli(['restore', '--data', other, '--from', backupFile])
    expect(restored.stderr).toBe('')
    expect(restored.status).toBe(0)
    expect(restored.stdout).toMatch(/Restored the backup of .* into /)
    const verified = cli(['verify', '--data', other], null)
    expect(verified.status).toBe(0)
    expect(verified.stdout).toMatch(/^Verified: .*13 patients match the audit trail/)
    // Same records; the restored trail has the backup row and then the restore row.
    const a = dump(clinic, ['patients', 'users', 'settings'])
    const b = dump(other, ['patients', 'users', 'settings'])
    expect(b).toEqual(a)
    // The backup's own row is written once the file is checked, so it is in the clinic's trail, not in the backup.
    const trail = (clinicDir: string) => dump(clinicDir, ['audit_log']).audit_log as { action: string; detail: string }[]
    expect(trail(other).at(-1)!.action).toBe('maintenance.restore')
    expect(trail(other).some((r) => r.action === 'maintenance.backup')).toBe(false)
    const backupRow = trail(backedUp).at(-1)!
    expect(backupRow.action).toBe('maintenance.backup')
    expect(JSON.parse(backupRow.detail)).toMatchObject({ file: 'clinic.dcbackup', bytes: statSync(backupFile).size })
    // The key landed readable by its owner only.
    if (process.platform !== 'win32') expect(statMode(join(other, 'keys', 'audit-chain.key'))).toBe(0o600)
  })

  it('keeps the data it replaces in previous/, whole and verifiable', () => {
    const target = copyClinic(clinic)
    const db = rawDb(target)
    const before = db.prepare('SELECT count(*) AS n FROM audit_log').get()
    db.close()
    const out = cli(['restore', '--data', target, '--from', backupFile])
    expect(out.status).toBe(0)
    const previous = /kept in (.*)\./.exec(out.stdout)![1]!
    expect(existsSync(join(previous, DB_FILE_NAME))).toBe(true)
    expect(existsSync(join(previous, 'keys', 'audit-chain.key'))).toBe(true)
    const old = new Database(join(previous, DB_FILE_NAME), { readonly: true })
    expect(old.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before)
    const oldKey = Buffer.from(readFileSync(join(previous, 'keys', 'audit-chain.key'), 'utf8').trim(), 'base64')
    expect(verifyClinicData({ db: old, auditKey: oldKey, resourcesDir }).ok).toBe(true)
    old.close()
    expect(verifyDir(target).ok).toBe(true)
  })

  it('refuses a wrong passphrase and leaves the target untouched', () => {
    const target = copyClinic(clinic)
    const before = readFileSync(join(target, DB_FILE_NAME))
    const out = cli(['restore', '--data', target, '--from', backupFile], 'not the right passphrase')
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/The passphrase does not open this backup/)
    expect(readFileSync(join(target, DB_FILE_NAME)).equals(before)).toBe(true)
    expect(existsSync(join(target, 'previous'))).toBe(false)
    expect(readdirSync(target).filter((f) => f.startsWith('.restore-'))).toEqual([])
  })

  it('refuses a backup file with a changed byte', () => {
    const bytes = readFileSync(backupFile)
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01
    const damaged = join(tempDir(), 'damaged.dcbackup')
    writeFileSync(damaged, bytes)
    const out = cli(['restore', '--data', join(tempDir(), 'data'), '--from', damaged])
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/The backup file is damaged or was altered: part \d+ of \d+ of the database does not authenticate/)
  })

  it('refuses a backup rebuilt around an altered database (it fails verify), even with the right passphrase', async () => {
    const work = join(tempDir(), 'work.sqlite')
    const { description, auditKey } = await decryptBackupInto(backupFile, PASSPHRASE, () => work)
    const db = new Database(work)
    db.prepare("UPDATE patients SET family_name = 'Altered' WHERE record_number = 'MRN-1001'").run()
    db.close()
    const forged = join(tempDir(), 'forged.dcbackup')
    await encryptDatabaseFile(work, forged, description, auditKey, PASSPHRASE)
    const target = join(tempDir(), 'data')
    const out = cli(['restore', '--data', target, '--from', forged])
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/This backup was not restored because it does not verify: patients row \d+ was changed outside the app: family_name is "Altered"/)
    expect(existsSync(join(target, DB_FILE_NAME))).toBe(false)
  })

  it('refuses a backup whose database fails integrity_check', async () => {
    const work = join(tempDir(), 'work.sqlite')
    const { description, auditKey } = await decryptBackupInto(backupFile, PASSPHRASE, () => work)
    const broken = readFileSync(work)
    const pageSize = broken.readUInt16BE(16)
    broken.fill(0x5a, 3 * pageSize + 8, 3 * pageSize + 200)
    writeFileSync(work, broken)
    const file = join(tempDir(), 'broken.dcbackup')
    await encryptDatabaseFile(work, file, description, auditKey, PASSPHRASE)
    const out = cli(['restore', '--data', join(tempDir(), 'data'), '--from', file])
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/does not verify: The database file is damaged/)
  })

  it('refuses to restore under a running app, and changes nothing', () => {
    const live = copyClinic(clinic)
    const core = openCore(live)
    try {
      const out = cli(['restore', '--data', live, '--from', backupFile])
      expect(out.status).toBe(1)
      expect(out.stderr).toMatch(/is open in the app\. Close the app first/)
      expect(existsSync(join(live, 'previous'))).toBe(false)
    } finally {
      core.close()
    }
  })

  it('refuses a passphrase shorter than 12 characters for a new backup', () => {
    const out = cli(['backup', '--data', copyClinic(clinic), '--out', join(tempDir(), 'x.dcbackup')], 'short')
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/passphrase_too_short/)
  })

  it('makes a consistent backup while the app keeps writing', async () => {
    const live = copyClinic(clinic)
    const core = openCore(live)
    const desk = new Client(core)
    await desk.call('session.login', { username: CLINICIAN.username, password: CLINICIAN.password })
    const out = join(tempDir(), 'live.dcbackup')
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli/index.ts'), 'backup', '--data', live, '--out', out], {
      cwd: ROOT,
      env: { ...process.env, DERM_CONSENT_BACKUP_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (b) => (stderr += b))
    const done = new Promise<number | null>((r) => child.on('exit', r))
    let exited = false
    void done.then(() => (exited = true))
    let written = 0
    while (!exited) {
      await desk.call('patients.create', { givenName: 'Live', familyName: `Writer ${written}`, dateOfBirth: '1990-01-01', recordNumber: `LIVE-${written}`, phone: '', email: '' })
      written++
      await new Promise((r) => setTimeout(r, 2))
    }
    expect(stderr).toBe('')
    expect(await done).toBe(0)
    core.close()
    expect(written).toBeGreaterThan(0)
    const restoredDir = join(tempDir(), 'data')
    expect(cli(['restore', '--data', restoredDir, '--from', out]).status).toBe(0)
    expect(verifyDir(restoredDir).ok).toBe(true)
  })
})

describe('restore that cannot finish', () => {
  it('puts the replaced key back and leaves the database untouched when installing the new key fails', async () => {
    const target = copyClinic(clinic)
    const keyFile = join(target, 'keys', 'audit-chain.key')
    const keyBefore = readFileSync(keyFile)
    const dbBefore = readFileSync(join(target, DB_FILE_NAME))
    const staged = await stageRestore({ dataDir: target, resourcesDir, file: backupFile, passphrase: PASSPHRASE })
    const failing = {
      file: keyFile,
      install: () => {
        throw new Error('disk full')
      },
    }
    expect(() => swapInStaged(target, staged, failing, new Date())).toThrow('disk full')
    discardStaged(staged)
    expect(readFileSync(keyFile).equals(keyBefore)).toBe(true)
    expect(readFileSync(join(target, DB_FILE_NAME)).equals(dbBefore)).toBe(true)
    expect(verifyDir(target).ok).toBe(true)
  })
})

describe('backup and restore from the app', () => {
  it('an administrator backs up, lists and restores; everyone is logged out after; verify passes', async () => {
    const dir = copyClinic(clinic)
    const core = openCore(dir)
    try {
      const admin = new Client(core)
      await admin.call('session.login', { username: ADMIN.username, password: ADMIN.password })
      const report = await admin.call('maintenance.verify', {})
      expect(report.ok).toBe(true)
      const made = await admin.call('maintenance.backup', { passphrase: PASSPHRASE })
      expect(made.verify.ok).toBe(true)
      expect(made.path.startsWith(join(dir, 'backups'))).toBe(true)
      const { backups } = await admin.call('maintenance.listBackups', {})
      expect(backups.map((b) => b.fileName)).toEqual([made.fileName])

      // A change after the backup, which the restore must roll back.
      const desk = new Client(core)
      await desk.call('session.login', { username: CLINICIAN.username, password: CLINICIAN.password })
      await desk.call('patients.create', { givenName: 'After', familyName: 'Backup', dateOfBirth: '1990-01-01', recordNumber: 'AFTER-1', phone: '', email: '' })

      const wrong = await admin.fail('maintenance.restore', { fileName: made.fileName, passphrase: 'wrong passphrase!' })
      expect(wrong).toMatchObject({ code: 'validation', fields: [{ path: 'passphrase', code: 'wrong_passphrase' }] })

      const restored = await admin.call('maintenance.restore', { fileName: made.fileName, passphrase: PASSPHRASE })
      expect(restored.verify.ok).toBe(true)
      expect(restored.previousCopy).toMatch(/previous/)
      expect((await desk.fail('patients.search', { query: 'After', limit: 5 })).code).toBe('unauthenticated')
      expect((await admin.fail('maintenance.verify', {})).code).toBe('unauthenticated')
      await desk.call('session.login', { username: CLINICIAN.username, password: CLINICIAN.password })
      expect(await desk.call('patients.search', { query: 'After', limit: 5 })).toEqual([])
      expect(verifyClinicData({ db: core.ctx.db, auditKey: core.ctx.auditKey, resourcesDir }).ok).toBe(true)
    } finally {
      core.close()
    }
    expect(verifyDir(dir).ok).toBe(true)
  })

  it('refuses a path instead of a backup name, and refuses other roles', async () => {
    const core = openCore(copyClinic(clinic))
    try {
      const admin = new Client(core)
      await admin.call('session.login', { username: ADMIN.username, password: ADMIN.password })
      const traversal = await admin.fail('maintenance.restore', { fileName: '../../etc/x.dcbackup', passphrase: PASSPHRASE })
      expect(traversal).toMatchObject({ code: 'validation', fields: [{ path: 'fileName', code: 'invalid_backup_name' }] })
      for (const who of [CLINICIAN, STAFF]) {
        const c = new Client(core)
        await c.call('session.login', { username: who.username, password: who.password })
        for (const name of ['maintenance.verify', 'maintenance.listBackups', 'maintenance.backup', 'maintenance.restore'] as const)
          expect((await c.fail(name, {})).code).toBe('forbidden')
      }
    } finally {
      core.close()
    }
  })
})

function statMode(file: string): number {
  return statSync(file).mode & 0o777
}
