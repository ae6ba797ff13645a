// Talks to bench/peers/sqlite_peer.py: one request per line, one answer per
// line. The peer times its own database work, so the pipe is never measured.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join } from 'node:path'

export interface PeerAnswer {
  ms: number
  rows?: number
  first?: unknown[] | null
  event_id?: number
  sqlite?: string
  python?: string
}

export class PythonSqlitePeer {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly waiting: ((line: string) => void)[] = []
  private stderr = ''

  constructor(root: string) {
    this.child = spawn('python3', ['-u', join(root, 'bench', 'peers', 'sqlite_peer.py')], { stdio: ['pipe', 'pipe', 'pipe'] })
    createInterface({ input: this.child.stdout }).on('line', (line) => this.waiting.shift()?.(line))
    this.child.stderr.on('data', (b: Buffer) => (this.stderr += b.toString()))
  }

  request(req: Record<string, unknown>): Promise<PeerAnswer> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null) return reject(new Error(`the Python peer has exited: ${this.stderr}`))
      this.waiting.push((line) => {
        const res = JSON.parse(line) as ({ ok: true } & PeerAnswer) | { ok: false; error: string }
        if (res.ok) resolve(res)
        else reject(new Error(`Python peer: ${res.error}`))
      })
      this.child.stdin.write(JSON.stringify(req) + '\n')
    })
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()))
    this.child.stdin.end()
    await exited
  }
}
