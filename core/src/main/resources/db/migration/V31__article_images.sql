-- Images in articles (issue 15, phase 2). Each revision keeps the images it shows (body images in order of
-- first use, then the lead image) with the description they had when the revision was saved: that copy is
-- what the content hash covers, what the reviewer signs and what is served, so a later change in the library
-- reaches readers only through a new revision and a new sign-off.
CREATE TABLE revision_image (
    revision_id BIGINT        NOT NULL REFERENCES revision (id),
    position    INTEGER       NOT NULL,
    sha256      CHAR(64)      NOT NULL REFERENCES media_asset (sha256),
    alt_text    VARCHAR(500),
    caption     VARCHAR(1000),
    credit      VARCHAR(300),
    PRIMARY KEY (revision_id, position)
);

-- "Where is this asset used?" and the refusal to delete an asset a revision shows.
CREATE INDEX revision_image_sha256_idx ON revision_image (sha256);

-- The optional lead image: one of the library's assets, its description copied into revision_image.
ALTER TABLE revision ADD COLUMN lead_image CHAR(64) REFERENCES media_asset (sha256);

-- The preview role reads a working revision as it would be served: its images, with their size and license.
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_preview') THEN
        GRANT SELECT (lead_image) ON revision TO cms_preview;
        GRANT SELECT ON revision_image TO cms_preview;
        GRANT SELECT (sha256, format, width, height, license) ON media_asset TO cms_preview;
    END IF;
END
$$;
