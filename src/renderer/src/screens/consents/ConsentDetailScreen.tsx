// One signed consent at the desk: who, when, status; the stored PDF to
// preview, save or print (always the bytes stored at sign-off); the
// consultation's history, including every earlier save and print.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentDetail, ConsentPdf } from '../../../../shared/contract/consents'
import { call } from '../../api'
import { useAnnounce } from '../../announcer'
import { BackLink } from '../../components/BackLink'
import { Fact, Facts } from '../../components/Facts'
import { Notice } from '../../components/Notice'
import { ResultsTable } from '../../components/ResultsTable'
import { ScreenHeading } from '../../components/ScreenHeading'
import { TitledSection } from '../../components/TitledSection'
import { errorText } from '../../errors'
import { formatDate, formatDateTime, formatNumber } from '../../i18n'
import { PrintPanel } from './PrintPanel'
import { StatusText } from './StatusText'
import { downloadPdf, pdfBlob } from './pdf-file'
import { historyKey, KIND_KEYS } from './words'
import './consents.css'

export function ConsentDetailScreen({ consultationId }: { consultationId: number }) {
  const { t } = useTranslation('consents')
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
      <BackLink to={{ name: 'consents' }}>{t('detail.back')}</BackLink>
      <ScreenHeading>{detail ? t('detail.title', { name }) : t('detail.titleUnknown')}</ScreenHeading>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {detail && consent ? (
        <>
          <div className="detail-layout">
            <TitledSection className="card" id="consent-facts-title" title={t('detail.facts')}>
              <Facts>
                <Fact label={t('fields.patient')}>{name}</Fact>
                <Fact label={t('fields.dateOfBirth')}>{formatDate(detail.patient.dateOfBirth)}</Fact>
                <Fact label={t('fields.recordNumber')} valueClassName="mono">
                  {detail.patient.recordNumber}
                </Fact>
                <Fact label={t('fields.status')}>
                  <StatusText item={detail} />
                </Fact>
                <Fact label={t('fields.clinician')}>{detail.clinicianName}</Fact>
                <Fact label={t('fields.signedOff')}>{formatDateTime(detail.signedOffAt)}</Fact>
                <Fact label={t('fields.script')}>{t('fields.scriptVersion', { title: detail.scriptTitle, version: detail.scriptVersion, language: detail.scriptLanguage })}</Fact>
                <Fact label={t('fields.signedBy')}>{consent.signedBy ?? t('fields.notDigitallySigned')}</Fact>
                <Fact label={t('fields.pages')}>{formatNumber(consent.pageCount)}</Fact>
              </Facts>
              <Facts className="consent-facts-hash">
                <Fact label={t('fields.fingerprint')} valueClassName="mono consent-hash" testId="consent-sha256">
                  {consent.sha256}
                </Fact>
              </Facts>
            </TitledSection>
            <TitledSection className="card" id="consent-actions-title" title={t('detail.actions')}>
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
            </TitledSection>
          </div>
          {previewUrl ? <iframe className="consent-preview" src={previewUrl} title={t('pdf.previewTitle', { fileName: consent.fileName })} /> : null}
          {detail.documents.length > 1 ? (
            <TitledSection id="consent-documents-title" title={t('detail.documents')}>
              <ResultsTable columns={[t('fields.document'), t('fields.created'), t('fields.pages')]}>
                {detail.documents.map((d) => (
                  <tr key={d.documentId}>
                    <th scope="row">{t(KIND_KEYS[d.kind])}</th>
                    <td>{formatDateTime(d.createdAt)}</td>
                    <td>{formatNumber(d.pageCount)}</td>
                  </tr>
                ))}
              </ResultsTable>
            </TitledSection>
          ) : null}
          <TitledSection id="consent-history-title" title={t('detail.history')}>
            <ResultsTable columns={[t('detail.when'), t('detail.what'), t('detail.who')]}>
              {detail.history.map((h, i) => (
                <tr key={i}>
                  <td>{formatDateTime(h.at)}</td>
                  <td>{historyText(h)}</td>
                  <td>{h.by}</td>
                </tr>
              ))}
            </ResultsTable>
          </TitledSection>
        </>
      ) : null}
    </section>
  )
}
