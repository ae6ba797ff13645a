// The signature pad: a canvas the patient, witness or clinician signs on with
// a finger, a pen or a mouse (signature_pad listens to pointer events, so all
// three work the same way). What it hands back is the evidence the record
// keeps: every stroke point (x, y, time, pressure) and a rendered PNG.
//
// A drawn signature cannot be given from the keyboard, so the pad says so in
// plain words and points to the paper alternative; everything around it (the
// Clear button, the form) is keyboard usable.
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import SignaturePad from 'signature_pad'
import { useTranslation } from 'react-i18next'
import type { Stroke } from '../../../../shared/consultation'
import type { SignatureProblem } from '../../../../shared/signature-rules'

/**
 * The sentence for each problem `signatureProblem` finds before saving, as
 * literal keys so the catalog check sees them (and the type, that none is missing).
 */
export const SIGNATURE_PROBLEM_TEXT: Record<SignatureProblem, string> = {
  signature_empty: 'consultation:fieldErrors.signature_empty',
  signature_too_short: 'consultation:fieldErrors.signature_too_short',
  signature_too_small: 'consultation:fieldErrors.signature_too_small',
}

export interface DrawnSignature {
  /**
   * One array per stroke (pen down to pen up), in CSS pixels of the pad, with
   * `t` in milliseconds since the first point and the pen's pressure (0..1;
   * a mouse reports 0.5 while its button is down).
   */
  strokes: Stroke[]
  /** PNG of the pad as drawn, as a data: URL. */
  pngDataUrl: string
  /** Size of the pad in CSS pixels, so the strokes can be re-drawn to scale. */
  width: number
  height: number
}

interface Props {
  /** Visible label above the pad, e.g. "Your signature". */
  label: string
  /** Called after every stroke and on Clear (with null). */
  onChange: (signature: DrawnSignature | null) => void
  /** An error to show under the pad (e.g. "Please sign in the box"). */
  error?: string | null
  /** Larger pad and type for the patient's screen. */
  large?: boolean
  disabled?: boolean
}

export function SignaturePadField({ label, onChange, error, large = false, disabled = false }: Props) {
  const { t } = useTranslation('consultation')
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const padRef = useRef<SignaturePad | null>(null)
  const onChangeRef = useRef(onChange)
  const [empty, setEmpty] = useState(true)
  const labelId = useId()
  const noticeId = useId()
  const errorId = useId()
  const stateId = useId()

  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])

  const report = useCallback(() => {
    const pad = padRef.current
    const canvas = canvasRef.current
    if (!pad || !canvas) return
    if (pad.isEmpty()) {
      setEmpty(true)
      onChangeRef.current(null)
      return
    }
    setEmpty(false)
    const groups = pad.toData()
    const t0 = groups[0]?.points[0]?.time ?? 0
    onChangeRef.current({
      strokes: groups.map((g) => g.points.map((p) => ({ x: round(p.x), y: round(p.y), t: Math.max(0, p.time - t0), pressure: round(p.pressure, 3) }))),
      pngDataUrl: pad.toDataURL('image/png'),
      width: canvas.clientWidth,
      height: canvas.clientHeight,
    })
  }, [])

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const pad = new SignaturePad(canvas, {
      // A white background makes the PNG readable when printed or shown on a dark page.
      backgroundColor: 'rgb(255,255,255)',
      penColor: 'rgb(10,20,60)',
      minWidth: 1,
      maxWidth: 3,
    })
    padRef.current = pad
    pad.addEventListener('endStroke', report)

    // The canvas's bitmap must match its on-screen size times the screen's
    // pixel ratio, or strokes land off the pointer and look blurred. Re-fit on
    // every resize and re-draw what was already signed from the stroke data.
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1)
      const w = canvas.clientWidth
      const h = canvas.clientHeight
      if (w === 0 || h === 0) return
      if (canvas.width === Math.round(w * ratio) && canvas.height === Math.round(h * ratio)) return
      const data = pad.toData()
      canvas.width = Math.round(w * ratio)
      canvas.height = Math.round(h * ratio)
      canvas.getContext('2d')?.scale(ratio, ratio)
      pad.clear()
      if (data.length > 0) pad.fromData(data)
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(canvas)
    window.addEventListener('resize', fit)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', fit)
      pad.removeEventListener('endStroke', report)
      pad.off()
      padRef.current = null
    }
  }, [report])

  useEffect(() => {
    const pad = padRef.current
    if (!pad) return
    if (disabled) pad.off()
    else pad.on()
  }, [disabled])

  const clear = () => {
    padRef.current?.clear()
    report()
  }

  return (
    <div className={`cn-signature${large ? ' cn-signature--large' : ''}`}>
      <p className="cn-signature__label" id={labelId}>
        {label}
      </p>
      {/* The border sits on a frame, not on the canvas: signature_pad measures
          points from the canvas's outer edge, which must be its drawing area. */}
      <div className="cn-signature__frame">
        <canvas
          ref={canvasRef}
          className="cn-signature__canvas"
          role="img"
          aria-labelledby={`${labelId} ${stateId}`}
          aria-describedby={`${noticeId}${error ? ` ${errorId}` : ''}`}
          data-empty={empty ? 'true' : 'false'}
        />
      </div>
      <span id={stateId} className="cn-visually-hidden">
        {empty ? t('signature.padEmpty') : t('signature.padSigned')}
      </span>
      <div className="cn-signature__below">
        <p className="cn-signature__notice" id={noticeId}>
          {t('signature.notice')}
        </p>
        <button type="button" className="cn-button cn-button--secondary" onClick={clear} disabled={disabled || empty}>
          {t('signature.clear')}
        </button>
      </div>
      {error ? (
        <p className="cn-field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
