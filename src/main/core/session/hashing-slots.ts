// At most a few password hashes at once, the rest waiting their turn in a
// short queue. One scrypt check (N=2^17, r=8) holds 128 MiB and a libuv
// worker thread for a few hundred milliseconds; a burst of parallel logins
// would otherwise take every worker thread (which file reads and writes
// share) and gigabytes of memory. Waiting is better than refusing for the
// few people at a clinic's desks, so a caller queues; only a queue longer
// than any real clinic makes (a script, not a person) is refused.

export class HashingSlots {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
  ) {}

  /** True when a new caller would neither run nor find a place in the queue. */
  get full(): boolean {
    return this.running >= this.maxRunning && this.waiting.length >= this.maxWaiting
  }

  /** Runs `work` once a slot is free. Enters the queue synchronously, so `full` holds until the next caller. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.running++
    try {
      return await work()
    } finally {
      // Hand the slot straight to the next in line (running stays the same), or free it.
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
