// A password or passphrase field: typed characters hidden, always required, and
// the caller must say which kind it is (autocomplete), so a login can offer the
// saved password and a new backup passphrase is never filled in by the browser.
import { TextField } from './Field'

export function PasswordField(p: {
  name: string
  label: string
  value: string
  onChange(value: string): void
  /** A field code from the core, translated by the field. */
  error?: string
  hint?: string
  autoComplete: 'current-password' | 'new-password' | 'off'
  width?: 'narrow' | 'medium' | 'full'
}) {
  return <TextField {...p} type="password" required />
}
