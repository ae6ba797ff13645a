// Draws a signature as vectors from its stored stroke points (the evidence),
// never from the screen image: scaled to fit the box, aspect kept, centred,
// each stroke a smoothed polyline and a lone point a dot.
import type { Stroke } from '../../../shared/consultation'

type Doc = PDFKit.PDFDocument

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export function drawSignatureStrokes(doc: Doc, strokes: readonly Stroke[], box: Box, color = '#0b2a5b'): void {
  const points = strokes.flat()
  if (points.length === 0) return
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of points) {
    minX = Math.min(minX, p.x)
    maxX = Math.max(maxX, p.x)
    minY = Math.min(minY, p.y)
    maxY = Math.max(maxY, p.y)
  }
  const pad = 4
  const spanX = Math.max(maxX - minX, 1)
  const spanY = Math.max(maxY - minY, 1)
  const scale = Math.min((box.width - 2 * pad) / spanX, (box.height - 2 * pad) / spanY)
  const offX = box.x + (box.width - spanX * scale) / 2
  const offY = box.y + (box.height - spanY * scale) / 2
  const tx = (x: number) => offX + (x - minX) * scale
  const ty = (y: number) => offY + (y - minY) * scale

  doc.save()
  doc.lineWidth(1.3).lineCap('round').lineJoin('round').strokeColor(color).fillColor(color)
  for (const s of strokes) {
    if (s.length === 0) continue
    if (s.length === 1) {
      doc.circle(tx(s[0]!.x), ty(s[0]!.y), 0.9).fill()
      continue
    }
    // Quadratic curves through the midpoints: smooth like the pad drew it.
    doc.moveTo(tx(s[0]!.x), ty(s[0]!.y))
    for (let i = 1; i < s.length - 1; i++) {
      const p = s[i]!
      const n = s[i + 1]!
      doc.quadraticCurveTo(tx(p.x), ty(p.y), tx((p.x + n.x) / 2), ty((p.y + n.y) / 2))
    }
    const last = s[s.length - 1]!
    doc.lineTo(tx(last.x), ty(last.y))
    doc.stroke()
  }
  doc.restore()
}
