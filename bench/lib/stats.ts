// Percentiles of a benchmark's samples. Nearest-rank on the sorted samples
// (no interpolation), so every reported figure is a value that was measured.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export interface Summary {
  p50: number
  p95: number
  min: number
  max: number
  n: number
}

export function summarise(samples: readonly number[]): Summary {
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    n: samples.length,
  }
}
