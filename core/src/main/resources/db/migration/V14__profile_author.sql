-- Only profiles marked as authors may stand in a byline (the save refuses any other). New profiles are
-- no longer authors unless an editor says so; every profile already in a byline becomes one, so no
-- existing article loses an author it was signed off with.
ALTER TABLE profile ALTER COLUMN is_author SET DEFAULT FALSE;
UPDATE profile SET is_author = TRUE WHERE id IN (SELECT profile_id FROM revision_author);

-- The strongest change class of an approval whose scheduled publication was cancelled, carried forward
-- until the next publication: that approval's correction never reached readers, so the next approval
-- of this article must classify its change at least as strongly (a clinical fix cannot go live as a typo).
ALTER TABLE article ADD COLUMN pending_change_class VARCHAR(20)
    CHECK (pending_change_class IN ('typo', 'link', 'factual', 'clinical'));
