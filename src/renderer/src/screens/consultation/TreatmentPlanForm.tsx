// The treatment plan: the product (from the script's list), its lot number
// and expiry date, the dilution, and each injection site with its units in an
// editable table; the total is computed from the sites as they are typed. The
// core refuses an expired or missing lot; its message is shown at the field.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState, InjectionSite } from '../../../../shared/consultation'
import type { SectionOfKind } from '../../../../shared/script/schema'
import { call } from '../../api'
import { formatDateTime } from '../../i18n'
import { formatUnits } from './model'
import { SaveStatus, useSaving } from './saving'

interface Props {
  state: ConsultationState
  section: SectionOfKind<'treatment_plan'>
  onSaved: (s: ConsultationState) => void
  readOnly: boolean
}

interface SiteRow {
  key: number
  site: string
  units: string
}

let rowKey = 0

function parseAmount(s: string): number | null {
  const v = Number(s.replace(',', '.').trim())
  return s.trim() !== '' && Number.isFinite(v) ? v : null
}

export function TreatmentPlanForm({ state, section, onSaved, readOnly }: Props) {
  const { t } = useTranslation('consultation')
  const saved = state.plan
  const saving = useSaving()
  const [productId, setProductId] = useState(saved?.productId ?? '')
  const [lotNumber, setLotNumber] = useState(saved?.lotNumber ?? '')
  const [expiryDate, setExpiryDate] = useState(saved?.expiryDate ?? '')
  const [vialUnits, setVialUnits] = useState(saved ? String(saved.dilution.vialUnits) : '100')
  const [diluentMl, setDiluentMl] = useState(saved ? String(saved.dilution.diluentMl) : '2.5')
  const [rows, setRows] = useState<SiteRow[]>(() =>
    saved?.sites.length ? saved.sites.map((s) => ({ key: ++rowKey, site: s.site, units: String(s.units) })) : [{ key: ++rowKey, site: '', units: '' }],
  )
  const ids = { product: useId(), lot: useId(), expiry: useId(), vial: useId(), diluent: useId() }

  const total = rows.reduce((sum, r) => sum + (parseAmount(r.units) ?? 0), 0)
  const vial = parseAmount(vialUnits)
  const diluent = parseAmount(diluentMl)
  const perMl = vial && diluent ? vial / diluent : null

  const err = (path: string) => saving.fields[path]

  const save = async () => {
    const sites: InjectionSite[] = rows.filter((r) => r.site.trim() !== '' || r.units.trim() !== '').map((r) => ({ site: r.site, units: parseAmount(r.units) ?? Number.NaN }))
    const s = await saving.run(() =>
      call('consultation.saveTreatmentPlan', {
        consultationId: state.id,
        productId,
        lotNumber,
        expiryDate,
        dilution: { vialUnits: vial ?? Number.NaN, diluentMl: diluent ?? Number.NaN },
        sites,
      }),
    )
    if (s) onSaved(s)
  }

  const errorId = (path: string) => `cn-plan-error-${path.replace(/\./g, '-')}`
  const fieldProps = (path: string) => {
    const e = err(path)
    return { 'aria-invalid': e ? true : undefined, 'aria-describedby': e ? errorId(path) : undefined, disabled: readOnly }
  }
  const fieldError = (path: string) => {
    const e = err(path)
    return e ? (
      <p className="cn-field-error" id={errorId(path)}>
        {e}
      </p>
    ) : null
  }

  return (
    <div className="cn-plan">
      {section.typicalDoses.length > 0 ? (
        <div className="cn-notice cn-notice--info">
          <h3>{t('plan.typicalDoses')}</h3>
          <ul>
            {section.typicalDoses.map((d, i) => (
              <li key={i}>
                {t('plan.typicalDose', { area: d.area, units: formatUnits(d.units), points: d.injectionPoints ?? '' })} {d.note}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="cn-field">
        <label htmlFor={ids.product}>{t('plan.product')}</label>
        <select id={ids.product} value={productId} onChange={(e) => setProductId(e.target.value)} {...fieldProps('productId')}>
          <option value="">{t('plan.chooseProduct')}</option>
          {section.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.brandNames.length ? ` (${p.brandNames.join(', ')})` : ''}
            </option>
          ))}
        </select>
        {fieldError('productId')}
      </div>
      <div className="cn-field">
        <label htmlFor={ids.lot}>{t('plan.lot')}</label>
        <input id={ids.lot} type="text" value={lotNumber} onChange={(e) => setLotNumber(e.target.value)} autoComplete="off" spellCheck={false} {...fieldProps('lotNumber')} />
        {fieldError('lotNumber')}
      </div>
      <div className="cn-field">
        <label htmlFor={ids.expiry}>{t('plan.expiry')}</label>
        <input id={ids.expiry} type="date" value={expiryDate} onChange={(e) => setExpiryDate(e.target.value)} {...fieldProps('expiryDate')} />
        {fieldError('expiryDate')}
      </div>
      <fieldset className="cn-fieldset">
        <legend>{t('plan.dilution')}</legend>
        <div className="cn-inline-choices">
          <div className="cn-field">
            <label htmlFor={ids.vial}>{t('plan.vialUnits')}</label>
            <input id={ids.vial} type="text" inputMode="decimal" value={vialUnits} onChange={(e) => setVialUnits(e.target.value)} {...fieldProps('dilution.vialUnits')} />
            {fieldError('dilution.vialUnits')}
          </div>
          <div className="cn-field">
            <label htmlFor={ids.diluent}>{t('plan.diluentMl')}</label>
            <input id={ids.diluent} type="text" inputMode="decimal" value={diluentMl} onChange={(e) => setDiluentMl(e.target.value)} {...fieldProps('dilution.diluentMl')} />
            {fieldError('dilution.diluentMl')}
          </div>
        </div>
        <p aria-live="polite">{perMl ? t('plan.unitsPerMl', { value: formatUnits(Math.round(perMl * 10) / 10) }) : t('plan.unitsPerMlUnknown')}</p>
      </fieldset>
      <table className="cn-table">
        <caption>{t('plan.sitesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.site')}</th>
            <th scope="col">{t('plan.units')}</th>
            <th scope="col">
              <span className="cn-visually-hidden">{t('plan.rowActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              <td>
                <input
                  type="text"
                  aria-label={t('plan.siteN', { n: i + 1 })}
                  value={r.site}
                  onChange={(e) => setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, site: e.target.value } : x)))}
                  {...fieldProps(`sites.${i}.site`)}
                />
                {fieldError(`sites.${i}.site`)}
              </td>
              <td>
                <input
                  type="text"
                  inputMode="decimal"
                  aria-label={t('plan.unitsN', { n: i + 1 })}
                  value={r.units}
                  onChange={(e) => setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, units: e.target.value } : x)))}
                  {...fieldProps(`sites.${i}.units`)}
                />
                {fieldError(`sites.${i}.units`)}
              </td>
              <td>
                {!readOnly && rows.length > 1 ? (
                  <button type="button" className="cn-button cn-button--quiet" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    {t('plan.removeSite', { n: i + 1 })}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('plan.total')}</th>
            <td className="cn-total" aria-live="polite">
              {t('plan.totalUnits', { total: formatUnits(total) })}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      {fieldError('sites')}
      {!readOnly ? (
        <div className="cn-actions">
          <button type="button" className="cn-button cn-button--quiet" onClick={() => setRows((rs) => [...rs, { key: ++rowKey, site: '', units: '' }])}>
            {t('plan.addSite')}
          </button>
          <button type="button" className="cn-button cn-button--secondary" onClick={save} disabled={saving.saving}>
            {t('plan.save')}
          </button>
          {saved ? <span className="cn-done-mark">{t('plan.savedTotal', { total: formatUnits(saved.totalUnits), at: formatDateTime(saved.at) })}</span> : null}
        </div>
      ) : null}
      <SaveStatus state={saving.state} />
    </div>
  )
}
