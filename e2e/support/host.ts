// Starts the real browser host (the same `src/main/web/start.ts` a user runs)
// on a free port with its own data directory, and stops or kills it.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..')

export interface RunningHost {
  url: string
  origin: string
  token: string
  dataDir: string
  process: ChildProcess
  stop(): Promise<void>
  kill(): Promise<void>
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'derm-consent-e2e-'))
}

export async function startHost(dataDir: string = newDataDir()): Promise<RunningHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/web/start.ts'), '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  })
  let out = ''
  let err = ''
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${out}\n${err}`)), 30_000)
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolvePromise(m[1]!)
      }
    })
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}:\n${out}\n${err}`))
    })
  })
  const u = new URL(url)
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  return {
    url,
    origin: u.origin,
    token: u.hash.replace('#token=', ''),
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
