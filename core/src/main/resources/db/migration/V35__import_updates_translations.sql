-- An import line may name an existing translation (issue 16): it then saves a new working revision of it, which
-- the job counts and the report shows as "updated".
ALTER TABLE import_job ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_job_line DROP CONSTRAINT import_job_line_result_check;
ALTER TABLE import_job_line ADD CONSTRAINT import_job_line_result_check
    CHECK (result IN ('CREATED', 'UPDATED', 'SKIPPED', 'ERROR'));
