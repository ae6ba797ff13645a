// Asking the admin for a backup passphrase: from a file (--passphrase-file,
// for scripts), from DERM_CONSENT_BACKUP_PASSPHRASE, or typed at a hidden
// prompt. Never from a command-line argument, which other users of the
// computer could see in the process list.
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { UsageError } from './command'

export const PASSPHRASE_ENV = 'DERM_CONSENT_BACKUP_PASSPHRASE'

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    let muted = false
    const out = new Writable({
      write(chunk, _enc, cb) {
        if (!muted) process.stdout.write(chunk)
        cb()
      },
    })
    const rl = createInterface({ input: process.stdin, output: out, terminal: true })
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

export async function readPassphrase(opts: { file?: string; confirm: boolean }): Promise<string> {
  if (opts.file) return readFileSync(opts.file, 'utf8').replace(/\r?\n$/, '')
  const fromEnv = process.env[PASSPHRASE_ENV]
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY) throw new UsageError(`Give the backup passphrase with --passphrase-file FILE or the ${PASSPHRASE_ENV} environment variable.`)
  const first = await ask('Backup passphrase: ')
  if (opts.confirm && (await ask('Type it again: ')) !== first) throw new UsageError('The two passphrases differ.')
  return first
}
