-- Consent documents: the clinicians' signing credentials, and the signed PDF
-- of every consent exactly as it was produced at sign-off.
--
-- Both tables are append-only. A credential is never changed: a new one (after
-- a password change, or when the certificate expires) is a new row, and the
-- old certificate stays on record because consents it signed still point at
-- it. A stored document is never changed or removed: saving or printing it
-- later sends these very bytes, and `sha256` is their SHA-256. A withdrawal of
-- consent or an addendum is a new, later document of its own kind.

CREATE TABLE signing_credentials (
  id                 INTEGER PRIMARY KEY,
  user_id            INTEGER NOT NULL REFERENCES users (id),
  -- X.509 certificate (DER): CN = the clinician's display name, O = the clinic.
  certificate_der    BLOB NOT NULL,
  certificate_sha256 TEXT NOT NULL UNIQUE CHECK (length(certificate_sha256) = 64),
  -- PKCS#8 private key sealed with AES-256-GCM under scrypt(password); see `sealing`.
  sealed_key         BLOB NOT NULL,
  sealing            TEXT NOT NULL CHECK (json_valid(sealing)),
  not_before         TEXT NOT NULL,
  not_after          TEXT NOT NULL,
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX signing_credentials_user ON signing_credentials (user_id, id);

CREATE TRIGGER signing_credentials_no_update BEFORE UPDATE ON signing_credentials BEGIN
  SELECT RAISE(ABORT, 'signing_credentials is append-only: add a new credential instead');
END;
CREATE TRIGGER signing_credentials_no_delete BEFORE DELETE ON signing_credentials BEGIN
  SELECT RAISE(ABORT, 'signing_credentials is append-only');
END;

CREATE TABLE consent_documents (
  id                    INTEGER PRIMARY KEY,
  consultation_id       INTEGER NOT NULL REFERENCES consultations (id),
  -- consent: signed on screen; paper_consent: printed for wet-ink signatures;
  -- withdrawal / addendum: later documents, never edits of the consent.
  kind                  TEXT NOT NULL CHECK (kind IN ('consent', 'paper_consent', 'withdrawal', 'addendum')),
  file_name             TEXT NOT NULL,
  pdf                   BLOB NOT NULL,
  sha256                TEXT NOT NULL CHECK (length(sha256) = 64),
  byte_length           INTEGER NOT NULL CHECK (byte_length = length(pdf)),
  page_count            INTEGER NOT NULL CHECK (page_count > 0),
  -- What the document seals: the record's canonical SHA-256 and the audit chain head when it was made.
  record_sha256         TEXT NOT NULL,
  audit_position        INTEGER NOT NULL,
  audit_head            TEXT NOT NULL,
  -- Whose digital signature it carries (NULL for a document not digitally signed).
  signed_by             INTEGER REFERENCES users (id),
  signing_credential_id INTEGER REFERENCES signing_credentials (id),
  -- For a withdrawal or an addendum: the consultation event it documents.
  event_id              INTEGER REFERENCES consultation_events (id),
  created_at            TEXT NOT NULL,
  created_by            INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX consent_documents_consultation ON consent_documents (consultation_id, id);
CREATE INDEX consent_documents_created ON consent_documents (created_at);
-- One consent per consultation; later documents may be many.
CREATE UNIQUE INDEX consent_documents_one_consent ON consent_documents (consultation_id) WHERE kind IN ('consent', 'paper_consent');
-- One document per later event.
CREATE UNIQUE INDEX consent_documents_one_per_event ON consent_documents (event_id) WHERE event_id IS NOT NULL;

CREATE TRIGGER consent_documents_no_update BEFORE UPDATE ON consent_documents BEGIN
  SELECT RAISE(ABORT, 'consent_documents is append-only: a stored consent is never changed');
END;
CREATE TRIGGER consent_documents_no_delete BEFORE DELETE ON consent_documents BEGIN
  SELECT RAISE(ABORT, 'consent_documents is append-only: a stored consent is never removed');
END;
