// Translation keys that are built at run time (`t(\`common:errors.${code}\`)`),
// by prefix, with every code each prefix must cover. test/i18n-catalogs.test.ts
// refuses a template key whose prefix is not listed here and checks that each
// listed code has a text. To build keys from codes in a new place, add the
// prefix and the list the codes come from (import it from src/shared).
// Field codes (`<ns>:fieldErrors.<code>`) are also checked against every code
// the shared schemas and the core can return, in whichever namespace has it.
import { ERROR_CODES } from '../../../shared/errors'
import { ROLES } from '../../../shared/roles'
import { RENDERER_FIELD_CODES } from '../field-codes'

export const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  'common:errors.': ERROR_CODES,
  'common:roles.': ROLES,
  'common:fieldErrors.': RENDERER_FIELD_CODES,
}
