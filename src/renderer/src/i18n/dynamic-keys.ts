// Translation keys that are built at run time (`t(\`common:errors.${code}\`)`),
// by prefix, with every code each prefix must cover. test/i18n-catalogs.test.ts
// refuses a template key whose prefix is not listed here and checks that each
// listed code has a text. To build keys from codes in a new place, add the
// prefix and the list the codes come from (import it from src/shared).
// Field codes (`<ns>:fieldErrors.<code>`) are also checked against every code
// the shared schemas and the core can return, in whichever namespace has it.
import { CONSULTATION_STATUSES, EVENT_BY, SCREENING_ANSWERS, SIGNATURE_ROLES } from '../../../shared/consultation'
import { ERROR_CODES } from '../../../shared/errors'
import { ROLES } from '../../../shared/roles'
import { FREQUENCY_BANDS } from '../../../shared/script/schema'
import { RENDERER_FIELD_CODES } from '../field-codes'

export const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  'common:errors.': ERROR_CODES,
  'common:roles.': ROLES,
  'common:fieldErrors.': RENDERER_FIELD_CODES,
  'consultation:answer.': SCREENING_ANSWERS,
  'consultation:band.': FREQUENCY_BANDS,
  // A withdrawn consultation keeps its status (signed off) but is shown as withdrawn.
  'consultation:status.': [...CONSULTATION_STATUSES, 'withdrawn'],
  'consultation:signatureRole.': SIGNATURE_ROLES,
  'consultation:history.by.': EVENT_BY,
}
