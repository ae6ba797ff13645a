// Printing the stored PDF to a chosen printer (CUPS on this computer). Lists
// the printers when it appears; says plainly when there is none or a job is
// refused.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterChoice } from '../../../../shared/contract/consents'
import { ApiCallError, call } from '../../api'
import { useAnnounce } from '../../announcer'
import { Notice } from '../../components/Notice'
import { errorText } from '../../errors'

export function PrintPanel({ documentId, onPrinted }: { documentId: number; onPrinted: () => void }) {
  const { t } = useTranslation('consents')
  const announce = useAnnounce()
  const [printers, setPrinters] = useState<PrinterChoice[] | null>(null)
  const [unavailable, setUnavailable] = useState<string | null>(null)
  const [printer, setPrinter] = useState('')
  const [copies, setCopies] = useState(1)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string; detail?: string } | null>(null)

  useEffect(() => {
    let live = true
    call('consents.listPrinters', {})
      .then((r) => {
        if (!live) return
        setPrinters(r.printers)
        setUnavailable(r.available ? null : (r.reason ?? t('print.unavailable')))
        setPrinter((r.printers.find((p) => p.isDefault) ?? r.printers[0])?.name ?? '')
      })
      .catch((e) => live && setUnavailable(errorText(t, e)))
    return () => {
      live = false
    }
  }, [t])

  async function print() {
    setBusy(true)
    setResult(null)
    try {
      const job = await call('consents.print', { documentId, printer, copies })
      const text = t('print.sent', { printer: job.printer, jobId: job.jobId })
      setResult({ kind: 'success', text })
      announce(text)
      onPrinted()
    } catch (e) {
      // The printing system's own words help whoever fixes the printer.
      setResult({ kind: 'error', text: t('print.failed'), detail: e instanceof ApiCallError ? e.message : errorText(t, e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="consent-print-section" aria-labelledby="consent-print-title">
      <h3 id="consent-print-title" className="section__title">
        {t('print.title')}
      </h3>
      {printers === null && !unavailable ? <p className="muted">{t('print.loadingPrinters')}</p> : null}
      {unavailable ? <Notice kind="info">{unavailable}</Notice> : null}
      {printers && !unavailable && printers.length === 0 ? <Notice kind="info">{t('print.noPrinters')}</Notice> : null}
      {printers && printers.length > 0 ? (
        <div className="consent-print">
          <div className="field consent-print__printer">
            <label htmlFor="consent-printer" className="field__label">
              {t('print.printer')}
            </label>
            <select id="consent-printer" className="input" value={printer} onChange={(e) => setPrinter(e.target.value)}>
              {printers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.isDefault ? t('print.default', { name: p.name }) : p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field consent-print__copies">
            <label htmlFor="consent-copies" className="field__label">
              {t('print.copies')}
            </label>
            <input
              id="consent-copies"
              className="input"
              type="number"
              min={1}
              max={10}
              value={copies}
              onChange={(e) => setCopies(Math.min(10, Math.max(1, Number(e.target.value) || 1)))}
            />
          </div>
          <button type="button" className="button button--secondary" onClick={() => void print()} disabled={busy || !printer}>
            {busy ? t('print.printing') : t('print.button')}
          </button>
        </div>
      ) : null}
      {result ? (
        <Notice kind={result.kind}>
          {result.text}
          {result.detail ? <span className="muted"> {result.detail}</span> : null}
        </Notice>
      ) : null}
    </section>
  )
}
