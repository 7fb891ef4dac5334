-- The media library (issue 15, phase 1). An asset is one image as we store it: re-encoded without metadata
-- and addressed by the SHA-256 of those bytes, so the same bytes are always the same asset. The blobs live
-- in the BlobStore (a folder or an S3 bucket) under that hash; this row describes them.
CREATE TABLE media_asset (
    id                BIGSERIAL PRIMARY KEY,
    sha256            CHAR(64)      NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    format            VARCHAR(8)    NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'gif')),
    width             INTEGER       NOT NULL CHECK (width > 0),
    height            INTEGER       NOT NULL CHECK (height > 0),
    bytes             BIGINT        NOT NULL CHECK (bytes > 0),
    alt_text          VARCHAR(500),
    caption           VARCHAR(1000),
    credit            VARCHAR(300),
    license           VARCHAR(200),
    source            VARCHAR(500),
    -- the point to keep in view when a site crops, in ten-thousandths of width and height (5000 = middle)
    focal_x           INTEGER       NOT NULL DEFAULT 5000 CHECK (focal_x BETWEEN 0 AND 10000),
    focal_y           INTEGER       NOT NULL DEFAULT 5000 CHECK (focal_y BETWEEN 0 AND 10000),
    tags              TEXT[]        NOT NULL DEFAULT '{}',
    shows_patient     BOOLEAN       NOT NULL DEFAULT FALSE,
    -- the patient's consent: who gave it, when, and where the signed form is kept (all three or none)
    consent_by        VARCHAR(200),
    consent_at        TIMESTAMPTZ,
    consent_reference VARCHAR(200),
    renditions_ready  INTEGER       NOT NULL DEFAULT 0 CHECK (renditions_ready >= 0),
    renditions_total  INTEGER       NOT NULL DEFAULT 0 CHECK (renditions_total >= 0),
    created_by        VARCHAR(200)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CHECK ((consent_by IS NULL) = (consent_at IS NULL) AND (consent_by IS NULL) = (consent_reference IS NULL))
);

CREATE INDEX media_asset_created_idx ON media_asset (created_at DESC, id DESC);
CREATE INDEX media_asset_tags_idx ON media_asset USING GIN (tags);

-- Renditions still to make, one row per asset: claimed with FOR UPDATE SKIP LOCKED by any admin-ui
-- instance, deleted when every rendition is stored (making one that exists is skipped, so a retry is safe).
CREATE TABLE media_rendition_job (
    asset_id  BIGINT      PRIMARY KEY REFERENCES media_asset (id),
    queued_at TIMESTAMPTZ NOT NULL
);
