// Small helpers every form shares: moving focus to the first field the core
// refused, once React has drawn the messages; and the state a form keeps while
// it sends (busy, the problem shown above it, the core's field codes).
import { useRef, useState } from 'react'
import { fieldErrorsOf } from '../errors'

export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
    el?.focus()
  })
}

export type FieldCodes = Record<string, string>

/**
 * What a form that sends to the core keeps between renders. `send` marks the
 * form busy while `action` runs; if the core refuses, its field codes are kept
 * for the fields and `refused` decides what the person is told and where focus
 * goes, since that differs from form to form (a login clears the password, a
 * backup keeps the passphrase typed).
 */
export function useFormSubmission() {
  const form = useRef<HTMLFormElement>(null)
  const [fields, setFields] = useState<FieldCodes>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function send(action: () => Promise<void>, refused: (err: unknown, fields: FieldCodes) => void): Promise<void> {
    setBusy(true)
    try {
      await action()
    } catch (err) {
      const f = fieldErrorsOf(err)
      setFields(f)
      refused(err, f)
    } finally {
      setBusy(false)
    }
  }

  return { form, fields, setFields, problem, setProblem, busy, send }
}
