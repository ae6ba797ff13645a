-- Record integrity: which audit key this clinic's trail is chained with, and
-- the password-attempt counters that must survive a restart.

-- The audit key's identity, recorded once at setup (or when an existing
-- clinic is first opened by this version): the form it is kept in ('file':
-- keys/audit-chain.key, readable by the browser host and the command line;
-- 'os-keychain': wrapped by the desktop app's OS keychain) and a fingerprint,
-- an HMAC of a fixed label under the key (never the key itself). A host that
-- finds a missing or different key refuses to open instead of minting one.
-- Changed only by a key move (export on one host, import on the other),
-- which is audited.
CREATE TABLE audit_key (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  form        TEXT NOT NULL CHECK (form IN ('file', 'os-keychain')),
  fingerprint TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;

-- Wrong-password counters, per username (login, unlock, patient-mode exit
-- and sign-off share them). An attempt is counted here, durably, before the
-- password is checked, and cleared by a correct one.
CREATE TABLE password_attempts (
  username        TEXT PRIMARY KEY COLLATE NOCASE,
  failures        INTEGER NOT NULL DEFAULT 0,
  next_allowed_at TEXT NOT NULL
) STRICT;
