-- Consultations and the scripts they are run with.
--
-- Scripts are stored once per version with the SHA-256 of their canonical
-- JSON, and never changed or removed: an old consultation must still show
-- exactly what its patient saw.
--
-- A consultation is one row (who, which script, its status) plus an
-- append-only list of events: every section shown or discussed, every
-- acknowledgment, flag, answer, decision, plan, comprehension attempt,
-- patient-mode change, signature, withdrawal and addendum. Events are never
-- updated or deleted; a correction is a new event that supersedes. Each event
-- carries who gave it, when, and the script id / version / language / SHA-256
-- and the section content hash it was given against. Signatures (strokes and
-- image) are their own append-only table. Once a consultation is signed off
-- or ended as not treated, its row is frozen and only withdrawal and addendum
-- events may be added.

CREATE TABLE scripts (
  id         INTEGER PRIMARY KEY,
  script_id  TEXT NOT NULL,
  version    INTEGER NOT NULL CHECK (version > 0),
  language   TEXT NOT NULL,
  title      TEXT NOT NULL,
  sha256     TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  -- Canonical JSON (sorted keys, no spaces): hashing it again gives sha256.
  content    TEXT NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('shipped', 'imported')),
  stored_at  TEXT NOT NULL,
  stored_by  INTEGER REFERENCES users (id),
  UNIQUE (script_id, version, language)
) STRICT;

CREATE TRIGGER scripts_no_update BEFORE UPDATE ON scripts BEGIN
  SELECT RAISE(ABORT, 'scripts are append-only: import a new version instead');
END;
CREATE TRIGGER scripts_no_delete BEFORE DELETE ON scripts BEGIN
  SELECT RAISE(ABORT, 'scripts are append-only: old consultations still point at them');
END;

CREATE TABLE consultations (
  id               INTEGER PRIMARY KEY,
  patient_id       INTEGER NOT NULL REFERENCES patients (id),
  clinician_id     INTEGER NOT NULL REFERENCES users (id),
  script_stored_id INTEGER NOT NULL REFERENCES scripts (id),
  script_sha256    TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'signed_off', 'not_treated')),
  started_at       TEXT NOT NULL,
  ended_at         TEXT,
  ended_reason     TEXT,
  -- SHA-256 of the canonical consent record, fixed at sign-off.
  record_sha256    TEXT
) STRICT;
CREATE INDEX consultations_patient ON consultations (patient_id, started_at);
CREATE INDEX consultations_status ON consultations (status, started_at);

-- Who ran it with which script never changes; the only change ever allowed is
-- ending it (in progress -> signed off / not treated), once.
CREATE TRIGGER consultations_frozen BEFORE UPDATE ON consultations
WHEN OLD.status <> 'in_progress' BEGIN
  SELECT RAISE(ABORT, 'consultation is signed off or ended: frozen');
END;
CREATE TRIGGER consultations_identity_fixed BEFORE UPDATE ON consultations
WHEN NEW.id IS NOT OLD.id OR NEW.patient_id IS NOT OLD.patient_id OR NEW.clinician_id IS NOT OLD.clinician_id
  OR NEW.script_stored_id IS NOT OLD.script_stored_id OR NEW.script_sha256 IS NOT OLD.script_sha256
  OR NEW.started_at IS NOT OLD.started_at BEGIN
  SELECT RAISE(ABORT, 'consultation identity is append-only: who, for whom and with which script never changes');
END;
CREATE TRIGGER consultations_no_delete BEFORE DELETE ON consultations BEGIN
  SELECT RAISE(ABORT, 'consultations are append-only and never deleted');
END;

CREATE TABLE consultation_events (
  id               INTEGER PRIMARY KEY,
  consultation_id  INTEGER NOT NULL REFERENCES consultations (id),
  kind             TEXT NOT NULL,
  at               TEXT NOT NULL,
  -- Who gave this step: the clinician, the patient on the handed-over screen, or a witness.
  by_role          TEXT NOT NULL CHECK (by_role IN ('clinician', 'patient', 'witness')),
  -- The logged-in user whose session carried the call.
  session_user_id  INTEGER NOT NULL REFERENCES users (id),
  script_id        TEXT NOT NULL,
  script_version   INTEGER NOT NULL,
  script_language  TEXT NOT NULL,
  script_sha256    TEXT NOT NULL,
  section_id       TEXT,
  section_hash     TEXT,
  -- The kind's own fields as JSON (initials, answer, plan...).
  data             TEXT NOT NULL CHECK (json_valid(data))
) STRICT;
CREATE INDEX consultation_events_by_consultation ON consultation_events (consultation_id, id);

CREATE TRIGGER consultation_events_no_update BEFORE UPDATE ON consultation_events BEGIN
  SELECT RAISE(ABORT, 'consultation events are append-only: record a correction as a new event');
END;
CREATE TRIGGER consultation_events_no_delete BEFORE DELETE ON consultation_events BEGIN
  SELECT RAISE(ABORT, 'consultation events are append-only');
END;
-- After sign-off (or not treated) only withdrawal and addenda may be added.
CREATE TRIGGER consultation_events_frozen BEFORE INSERT ON consultation_events
WHEN NEW.kind NOT IN ('withdrawn', 'addendum')
  AND (SELECT status FROM consultations WHERE id = NEW.consultation_id) <> 'in_progress' BEGIN
  SELECT RAISE(ABORT, 'consultation is signed off or ended: frozen');
END;

CREATE TABLE consultation_signatures (
  id              INTEGER PRIMARY KEY,
  consultation_id INTEGER NOT NULL REFERENCES consultations (id),
  role            TEXT NOT NULL CHECK (role IN ('patient', 'witness', 'clinician')),
  -- The printed name and the words that say what this signature means.
  name            TEXT NOT NULL,
  meaning         TEXT NOT NULL,
  at              TEXT NOT NULL,
  captured_by     INTEGER NOT NULL REFERENCES users (id),
  -- The evidence: every stroke's points {x, y, t, pressure?} as JSON, and the image as drawn.
  strokes         TEXT NOT NULL CHECK (json_valid(strokes)),
  stroke_count    INTEGER NOT NULL,
  point_count     INTEGER NOT NULL,
  image_png       BLOB NOT NULL,
  UNIQUE (consultation_id, role)
) STRICT;

CREATE TRIGGER consultation_signatures_no_update BEFORE UPDATE ON consultation_signatures BEGIN
  SELECT RAISE(ABORT, 'signatures are append-only');
END;
CREATE TRIGGER consultation_signatures_no_delete BEFORE DELETE ON consultation_signatures BEGIN
  SELECT RAISE(ABORT, 'signatures are append-only');
END;
CREATE TRIGGER consultation_signatures_frozen BEFORE INSERT ON consultation_signatures
WHEN (SELECT status FROM consultations WHERE id = NEW.consultation_id) <> 'in_progress' BEGIN
  SELECT RAISE(ABORT, 'consultation is signed off or ended: frozen');
END;
