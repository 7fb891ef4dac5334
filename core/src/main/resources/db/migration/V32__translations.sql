-- Translations (issue 16). A translation is an article of its own (its own revisions, working and live
-- revision, sign-offs, corrections and schedule) that points at its source article and at the source revision
-- it was made from. Existing articles are sources in English, our default locale; the default stays so that a
-- backup made before this migration restores into this schema.
ALTER TABLE article
    ADD COLUMN locale              VARCHAR(35) NOT NULL DEFAULT 'en',
    ADD COLUMN translation_of      BIGINT REFERENCES article (id),
    ADD COLUMN source_revision_id  BIGINT REFERENCES revision (id),
    -- set when the source's live text changed factually or clinically after this translation's base went live:
    -- the translation is "outdated" until a revision based on the source's live revision goes live
    ADD COLUMN source_changed_at   TIMESTAMPTZ,
    ADD COLUMN source_change_class VARCHAR(16) CHECK (source_change_class IN ('factual', 'clinical')),
    -- only a translation has a base (the entity always gives it one; a restore writes it after the revisions)
    ADD CONSTRAINT article_translation_base CHECK (source_revision_id IS NULL OR translation_of IS NOT NULL),
    ADD CONSTRAINT article_translation_not_self CHECK (translation_of <> id),
    ADD CONSTRAINT article_outdated_translation CHECK (
        (source_changed_at IS NULL) = (source_change_class IS NULL)
        AND (source_changed_at IS NULL OR translation_of IS NOT NULL)),
    ADD CONSTRAINT article_translation_locale UNIQUE (translation_of, locale);

-- The delivery read model keeps each live entry's locale and its family (the source article's id, for the
-- source and each of its translations), so the api negotiates a language and lists hreflang alternates
-- with one indexed lookup. The projection always writes the family; a row without one (written before this
-- migration, or copied from an older backup) is a family of its own.
ALTER TABLE published_article
    ADD COLUMN locale    VARCHAR(35) NOT NULL DEFAULT 'en',
    ADD COLUMN family_id BIGINT;
CREATE INDEX published_article_family_idx ON published_article ((coalesce(family_id, article_id)));
