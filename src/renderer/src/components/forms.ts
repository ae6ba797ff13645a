// Small helpers every form shares: moving focus to the first field the core
// refused, once React has drawn the messages; the state a form keeps while it
// sends (busy, the problem shown above it, the core's field codes); and the
// usual answer to a refusal ("correct the marked fields", or the core's reason).
import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { errorText, fieldErrorsOf } from '../errors'

export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
    el?.focus()
  })
}

export type FieldCodes = Record<string, string>

/** How a refusal is told: also aloud (`announce`), and the text when no field is to blame. */
type Telling = { announce?: (text: string) => void; otherwise?: (err: unknown) => string }

/**
 * What a form that sends to the core keeps between renders. `send` marks the
 * form busy while `action` runs; if the core refuses, its field codes are kept
 * for the fields and `refused` decides what the person is told and where focus
 * goes, since that differs from form to form (a login clears the password, a
 * backup keeps the passphrase typed). `fieldName` maps the core's field paths
 * onto the form's own names (an update's `patient.email` is the form's `email`).
 */
export function useFormSubmission(options: { fieldName?: (path: string) => string } = {}) {
  const form = useRef<HTMLFormElement>(null)
  const [fields, setFields] = useState<FieldCodes>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Focus moves once React has drawn the marked fields: asked for with the
  // fields' state, done after the commit that shows them (a frame timer alone
  // can fire before a slow render, and then finds nothing to focus).
  const [focusAsked, setFocusAsked] = useState(0)
  useEffect(() => {
    if (focusAsked) focusFirstInvalid(form.current)
  }, [focusAsked])

  async function send(action: () => Promise<void>, refused: (err: unknown, fields: FieldCodes) => void): Promise<void> {
    setBusy(true)
    try {
      await action()
    } catch (err) {
      const raw = fieldErrorsOf(err)
      const rename = options.fieldName
      const f = rename ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [rename(k), v])) : raw
      setFields(f)
      refused(err, f)
    } finally {
      setBusy(false)
    }
  }

  /**
   * Fields the form itself found wrong (two passphrases that differ), shown as
   * a refusal from the core would be: "Please correct the marked fields" above
   * the form (also said aloud through `announce`, where given), focus on the first.
   */
  function showFieldProblems(t: TFunction, f: FieldCodes, how: Telling = {}) {
    setFields(f)
    how.announce?.(t('common:form.fixFields'))
    setProblem(t('common:form.fixFields'))
    setFocusAsked((n) => n + 1)
  }

  /**
   * The usual `refused` for `send`: the fields the core named as above, or,
   * when it named none, `otherwise`'s text (the core's message by default).
   */
  function refusedAsUsual(t: TFunction, how: Telling = {}) {
    return (err: unknown, f: FieldCodes) => {
      if (Object.keys(f).length) showFieldProblems(t, f, how)
      else setProblem(how.otherwise ? how.otherwise(err) : errorText(t, err))
    }
  }

  return { form, fields, setFields, problem, setProblem, busy, send, showFieldProblems, refusedAsUsual }
}
