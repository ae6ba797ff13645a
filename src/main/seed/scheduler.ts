// Writes the generated clinic in time order. A consultation is not one
// moment: its steps spread over half an hour while other patients are being
// registered and other clinicians are seeing theirs. Every step is queued
// with its time; the earliest runs first, so the audit trail and the row ids
// follow the clock the way they would in a real clinic.

export interface TimedStep {
  at: number
  run: (at: Date) => void
}

interface Entry extends TimedStep {
  seq: number
}

/** A binary min-heap on (at, seq): equal times keep their queueing order. */
export class StepQueue {
  private heap: Entry[] = []
  private seq = 0

  get size(): number {
    return this.heap.length
  }

  push(step: TimedStep): void {
    const e = { ...step, seq: this.seq++ }
    const h = this.heap
    h.push(e)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!before(e, h[p]!)) break
      h[i] = h[p]!
      i = p
    }
    h[i] = e
  }

  peekAt(): number {
    return this.heap[0]?.at ?? Infinity
  }

  pop(): TimedStep | undefined {
    const h = this.heap
    const top = h[0]
    const last = h.pop()
    if (top === undefined || last === undefined) return undefined
    if (h.length > 0) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && before(h[l]!, h[m]!)) m = l
        if (r < h.length && before(h[r]!, h[m]!)) m = r
        if (m === i) break
        const t = h[i]!
        h[i] = h[m]!
        h[m] = t
        i = m
      }
    }
    return top
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}
