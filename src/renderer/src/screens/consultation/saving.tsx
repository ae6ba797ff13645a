// Every step of a consultation is saved the moment it is given. This module is
// how a screen says so: `useSaving()` runs a call, tracks "Saving…"/"Saved"/
// the problem, and <SaveStatus> announces it through an aria-live region so a
// screen-reader user hears it too. Errors are turned into plain sentences,
// with the ones that belong to a field kept apart so they show at that field.
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { ApiCallError } from '../../api'

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string }

/**
 * A sentence for an error from the core, never a stack trace. Keys name their
 * namespace because callers pass their own `t`.
 */
export function errorMessage(t: TFunction, e: unknown): string {
  if (!(e instanceof ApiCallError)) return t('common:errors.internal')
  // Refused input: the sentences go beside the fields; this one says so.
  if (e.code === 'validation' && e.fields.length > 0) return t('consultation:errors.checkFields')
  // Business-rule refusals carry the core's own plain, specific sentence
  // ("The lot expired on ..."); session problems use the app's shared words.
  if (['validation', 'invalid_state', 'frozen', 'conflict', 'not_found'].includes(e.code) && e.message) return e.message
  if (e.code === 'wrong_password') return t('consultation:errors.wrong_password')
  if (e.code === 'rate_limited') return t('common:errors.rate_limited_wait', { count: e.retryAfterSeconds ?? 1 })
  return t(`common:errors.${e.code}`, { defaultValue: e.message })
}

/** Field errors from the core as `{ path: sentence }`, translated by code where we know it. */
export function fieldMessages(t: TFunction, e: unknown): Record<string, string> {
  if (!(e instanceof ApiCallError)) return {}
  const out: Record<string, string> = {}
  // A rule the core checks beyond the schema names one field and explains it in its message.
  const fallback = e.fields.length === 1 && !e.message.startsWith('Some of the input') ? e.message : t('common:fieldErrors.invalid')
  for (const f of e.fields) out[f.path] ??= t(`fieldErrors.${f.code}`, { defaultValue: t(`common:fieldErrors.${f.code}`, { defaultValue: fallback }) })
  return out
}

export function useSaving() {
  const { t } = useTranslation('consultation')
  const [state, setState] = useState<SaveState>({ kind: 'idle' })
  const [fields, setFields] = useState<Record<string, string>>({})
  const busy = useRef(false)

  /** Runs `fn`; resolves with its value, or with undefined after showing the problem. */
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      if (busy.current) return undefined
      busy.current = true
      setState({ kind: 'saving' })
      setFields({})
      try {
        const v = await fn()
        setState({ kind: 'saved', at: new Date() })
        return v
      } catch (e) {
        setFields(fieldMessages(t, e))
        setState({ kind: 'failed', message: errorMessage(t, e) })
        return undefined
      } finally {
        busy.current = false
      }
    },
    [t],
  )

  const clear = useCallback(() => {
    setState({ kind: 'idle' })
    setFields({})
  }, [])

  return { state, fields, run, clear, saving: state.kind === 'saving' }
}

/** The "Saved" line: polite live region for progress, an alert for a failure. */
export function SaveStatus({ state, large = false, quiet = false }: { state: SaveState; large?: boolean; quiet?: boolean }) {
  const { t } = useTranslation('consultation')
  // `quiet`: the step shows its own saved mark; "Saved" is then only spoken.
  const cls = `cn-save-status${large ? ' cn-save-status--large' : ''}${quiet && state.kind !== 'saving' ? ' cn-visually-hidden' : ''}`
  return (
    <>
      <p className={cls} role="status" aria-live="polite">
        {state.kind === 'saving' ? t('save.saving') : state.kind === 'saved' ? t('save.saved') : ''}
      </p>
      {state.kind === 'failed' ? (
        <p className="cn-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </>
  )
}
