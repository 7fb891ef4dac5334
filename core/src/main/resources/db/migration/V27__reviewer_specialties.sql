-- The right reviewer (issue 18): categories name the specialties their articles need, reviewer profiles
-- the languages they review in, and reviewers keep their conflict-of-interest declarations.
--
-- A category with no specialties needs none in particular: every reviewer matches it. Specialties are
-- compared without regard to case. Neither column is read by the delivery API (no grant to cms_delivery).
ALTER TABLE category ADD COLUMN specialties TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE profile ADD COLUMN languages TEXT[] NOT NULL DEFAULT '{}';

-- A reviewer's standing declaration of an interest (an organisation, the kind of tie, the period it
-- covers), shown on the review screen of every article they review. Never public: only the answer given
-- with an approval is published (sign_off.conflict_statement).
CREATE TABLE reviewer_declaration (
    id           BIGSERIAL PRIMARY KEY,
    profile_id   BIGINT       NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    organisation VARCHAR(200) NOT NULL,
    kind         VARCHAR(100) NOT NULL,
    period_from  DATE         NOT NULL,
    -- open-ended while the tie lasts
    period_to    DATE,
    created_at   TIMESTAMPTZ  NOT NULL,
    CHECK (period_to IS NULL OR period_to >= period_from)
);
CREATE INDEX reviewer_declaration_profile_idx ON reviewer_declaration (profile_id);
