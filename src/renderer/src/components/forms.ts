// Small helpers every form shares: moving focus to the first field the core
// refused, once React has drawn the messages.
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
    el?.focus()
  })
}
