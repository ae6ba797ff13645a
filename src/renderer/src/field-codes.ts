// Field codes the renderer itself produces, for checks that need no round trip
// to the core (e.g. a password typed twice). They translate like the core's
// codes, as `common:fieldErrors.<code>`; the i18n test checks each has a text.
export const RENDERER_FIELD_CODES = ['password_mismatch'] as const
export type RendererFieldCode = (typeof RENDERER_FIELD_CODES)[number]
