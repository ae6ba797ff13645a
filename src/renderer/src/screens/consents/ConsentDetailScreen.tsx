// One signed consent at the desk: who, when, status; the stored PDF to
// preview, save or print (always the bytes stored at sign-off); the
// consultation's history, including every earlier save and print.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentDetail, ConsentPdf } from '../../../../shared/contract/consents'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { Notice } from '../../components/Notice'
import { ScreenHeading } from '../../components/ScreenHeading'
import { errorText } from '../../errors'
import { formatDate, formatDateTime, formatNumber } from '../../i18n'
import { useNavigation } from '../../navigation'
import { PrintPanel } from './PrintPanel'
import { StatusText } from './StatusText'
import { downloadPdf, pdfBlob } from './pdf-file'
import { historyKey, KIND_KEYS } from './words'
import './consents.css'

export function ConsentDetailScreen({ consultationId }: { consultationId: number }) {
  const { t } = useTranslation('consents')
  const { navigate } = useNavigation()
  const announce = useAnnounce()
  const [detail, setDetail] = useState<ConsentDetail | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [previewUrl, setPreviewUrl] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)

  const reload = useCallback(() => {
    return call('consents.get', { consultationId })
      .then((d) => setDetail(d))
      .catch((e) => setProblem(errorText(t, e)))
  }, [consultationId, t])

  useEffect(() => {
    void reload()
  }, [reload])

  // The preview's blob: address is released when it closes or the screen goes.
  useEffect(() => () => void (previewUrl && URL.revokeObjectURL(previewUrl)), [previewUrl])

  const consent = detail?.documents[0] ?? null

  async function fetchPdf(): Promise<ConsentPdf | null> {
    if (!consent) return null
    setBusy(true)
    setProblem(null)
    try {
      return await call('consents.getPdf', { documentId: consent.documentId })
    } catch (e) {
      setProblem(errorText(t, e))
      return null
    } finally {
      setBusy(false)
    }
  }

  async function openPreview() {
    const pdf = await fetchPdf()
    if (pdf) setPreviewUrl(URL.createObjectURL(pdfBlob(pdf)))
  }

  async function save() {
    const pdf = await fetchPdf()
    if (!pdf) return
    downloadPdf(pdf)
    try {
      await call('consents.recordSaved', { documentId: pdf.documentId, how: 'download' })
      const msg = t('pdf.saved', { fileName: pdf.fileName })
      setSaved(msg)
      announce(msg)
      void reload()
    } catch (e) {
      setProblem(errorText(t, e))
    }
  }

  const historyText = (h: ConsentDetail['history'][number]) => {
    const k = historyKey(h)
    return k ? t(k.key, k.values) : h.what
  }

  const name = detail ? t('name', { given: detail.patient.givenName, family: detail.patient.familyName }) : ''

  return (
    <section className="screen-section">
      <p className="breadcrumb">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'consents' })}>
          <span aria-hidden="true">← </span>
          {t('detail.back')}
        </button>
      </p>
      <ScreenHeading>{detail ? t('detail.title', { name }) : t('detail.titleUnknown')}</ScreenHeading>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {detail && consent ? (
        <>
          <div className="detail-layout">
            <section className="card" aria-labelledby="consent-facts-title">
              <h2 id="consent-facts-title" className="section__title">
                {t('detail.facts')}
              </h2>
              <dl className="facts">
                <div>
                  <dt>{t('fields.patient')}</dt>
                  <dd>{name}</dd>
                </div>
                <div>
                  <dt>{t('fields.dateOfBirth')}</dt>
                  <dd>{formatDate(detail.patient.dateOfBirth)}</dd>
                </div>
                <div>
                  <dt>{t('fields.recordNumber')}</dt>
                  <dd className="mono">{detail.patient.recordNumber}</dd>
                </div>
                <div>
                  <dt>{t('fields.status')}</dt>
                  <dd>
                    <StatusText item={detail} />
                  </dd>
                </div>
                <div>
                  <dt>{t('fields.clinician')}</dt>
                  <dd>{detail.clinicianName}</dd>
                </div>
                <div>
                  <dt>{t('fields.signedOff')}</dt>
                  <dd>{formatDateTime(detail.signedOffAt)}</dd>
                </div>
                <div>
                  <dt>{t('fields.script')}</dt>
                  <dd>{t('fields.scriptVersion', { title: detail.scriptTitle, version: detail.scriptVersion, language: detail.scriptLanguage })}</dd>
                </div>
                <div>
                  <dt>{t('fields.signedBy')}</dt>
                  <dd>{consent.signedBy ?? t('fields.notDigitallySigned')}</dd>
                </div>
                <div>
                  <dt>{t('fields.pages')}</dt>
                  <dd>{formatNumber(consent.pageCount)}</dd>
                </div>
              </dl>
              <dl className="facts consent-facts-hash">
                <div>
                  <dt>{t('fields.fingerprint')}</dt>
                  <dd className="mono consent-hash" data-testid="consent-sha256">
                    {consent.sha256}
                  </dd>
                </div>
              </dl>
            </section>
            <section className="card" aria-labelledby="consent-actions-title">
              <h2 id="consent-actions-title" className="section__title">
                {t('detail.actions')}
              </h2>
              <div className="action-list">
                {previewUrl ? (
                  <button type="button" className="button button--secondary" onClick={() => setPreviewUrl(null)}>
                    {t('pdf.close')}
                  </button>
                ) : (
                  <button type="button" className="button button--primary" onClick={() => void openPreview()} disabled={busy}>
                    {t('pdf.open')}
                  </button>
                )}
                <button type="button" className="button button--secondary" onClick={() => void save()} disabled={busy}>
                  {t('pdf.save')}
                </button>
              </div>
              {saved ? <Notice kind="success">{saved}</Notice> : null}
              <PrintPanel documentId={consent.documentId} onPrinted={() => void reload()} />
            </section>
          </div>
          {previewUrl ? <iframe className="consent-preview" src={previewUrl} title={t('pdf.previewTitle', { fileName: consent.fileName })} /> : null}
          {detail.documents.length > 1 ? (
            <section aria-labelledby="consent-documents-title">
              <h2 id="consent-documents-title" className="section__title">
                {t('detail.documents')}
              </h2>
              <table className="table table--rows">
                <thead>
                  <tr>
                    <th scope="col">{t('fields.document')}</th>
                    <th scope="col">{t('fields.created')}</th>
                    <th scope="col">{t('fields.pages')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.documents.map((d) => (
                    <tr key={d.documentId}>
                      <th scope="row">{t(KIND_KEYS[d.kind])}</th>
                      <td>{formatDateTime(d.createdAt)}</td>
                      <td>{formatNumber(d.pageCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <section aria-labelledby="consent-history-title">
            <h2 id="consent-history-title" className="section__title">
              {t('detail.history')}
            </h2>
            <table className="table table--rows">
              <thead>
                <tr>
                  <th scope="col">{t('detail.when')}</th>
                  <th scope="col">{t('detail.what')}</th>
                  <th scope="col">{t('detail.who')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.history.map((h, i) => (
                  <tr key={i}>
                    <td>{formatDateTime(h.at)}</td>
                    <td>{historyText(h)}</td>
                    <td>{h.by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </section>
  )
}
