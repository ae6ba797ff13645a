// Drawn signatures and initials for in-process drivers: what a signature pad
// would hand over (strokes and the PNG of them) and what a patient types as
// initials. One copy, used by the demo, the seed, the benchmarks and the tests.
import { crc32, deflateSync } from 'node:zlib'
import type { Stroke } from '../../shared/consultation'

/** A handwriting-like stroke set: a slanted loop-and-wave name and an underline. */
export function demoSignatureStrokes(seed = 0): Stroke[] {
  const word: Stroke = []
  let t = 0
  for (let i = 0; i <= 160; i++) {
    const a = i / 8
    word.push({ x: 30 + i * 2.2 + Math.cos(a + seed) * 9, y: 70 - Math.abs(Math.sin(a * 0.9 + seed)) * 34 + Math.sin(i / 23) * 6, t: (t += 9) })
  }
  const underline: Stroke = []
  for (let i = 0; i <= 40; i++) underline.push({ x: 24 + i * 9, y: 92 + Math.sin(i / 5) * 2, t: (t += 7) })
  return [word, underline]
}

/** A real (small, grey-scale) PNG of the strokes: what a signature pad hands over as its image. */
export function strokesToPngDataUrl(strokes: Stroke[], width = 420, height = 120): string {
  const px = Buffer.alloc((width + 1) * height, 255)
  for (let y = 0; y < height; y++) px[y * (width + 1)] = 0 // filter byte: none
  const plot = (x: number, y: number) => {
    const xi = Math.round(x)
    const yi = Math.round(y)
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const X = xi + dx
        const Y = yi + dy
        if (X >= 0 && X < width && Y >= 0 && Y < height) px[Y * (width + 1) + 1 + X] = 20
      }
  }
  for (const s of strokes)
    for (let i = 0; i < s.length; i++) {
      const a = s[i]!
      const b = s[i + 1] ?? a
      const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y)))
      for (let k = 0; k <= n; k++) plot(a.x + ((b.x - a.x) * k) / n, a.y + ((b.y - a.y) * k) / n)
    }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td) >>> 0)
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // grey-scale
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(px)), chunk('IEND', Buffer.alloc(0))])
  return `data:image/png;base64,${png.toString('base64')}`
}

/** What a patient writes as initials: the first letter of each name (at most five), upper-cased. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => Array.from(w)[0]!.toUpperCase())
    .slice(0, 5)
    .join('')
}

/** A plain signature-like drawing: `strokes` waves of `points` points across ~240 x 80 px (tests that count strokes and points). */
export function simpleSignatureStrokes(strokes = 2, points = 25): Stroke[] {
  return Array.from({ length: strokes }, (_, s) =>
    Array.from({ length: points }, (_, i) => ({
      x: 20 + s * 120 + i * 4,
      y: 60 + Math.round(30 * Math.sin(i / 3)),
      t: s * 800 + i * 16,
      pressure: 0.5,
    })),
  )
}

/** A blank (white, grey-scale) PNG data URL, like an untouched signature pad's toDataURL(). */
export function blankPngDataUrl(width = 300, height = 100): string {
  return strokesToPngDataUrl([], width, height)
}
