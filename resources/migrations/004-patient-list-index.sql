-- The first patient list: the patients screen opens on the most recently
-- added or edited patients (`ORDER BY updated_at DESC, id DESC LIMIT 20` in
-- searchPatients). Without an index SQLite reads and sorts every patient row
-- for it; with this one it reads the first 20 entries in order and stops,
-- however large the clinic.

CREATE INDEX patients_by_update ON patients (updated_at DESC, id DESC);
