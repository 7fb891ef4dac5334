-- Catalog changes (profiles, categories, tags) join the hash-chained audit trail. Their events name the
-- record they changed instead of an article. Existing rows keep NULL here, and an event without a subject
-- hashes exactly the fields it always did, so every old hash and the chain stay valid.
ALTER TABLE audit_event ADD COLUMN subject_type TEXT, ADD COLUMN subject_id TEXT;

CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, id) WHERE subject_type IS NOT NULL;
