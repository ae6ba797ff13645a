// The Content-Security-Policy both hosts send with every page. Everything
// comes from the app's own origin; no remote origin, no eval, no inline script.
// `blob:` frames let the staff desk preview a stored PDF without a round trip.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
