-- Indexes for the editorial desk's lists and dashboards, which must stay fast with 100,000+ articles:
-- newest change first (optionally per status), "articles I wrote or edited", re-review due dates,
-- and the weekly chart of publications and reviews.
CREATE INDEX IF NOT EXISTS article_updated_idx ON article (updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS article_status_updated_idx ON article (status, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS article_review_due_idx ON article (next_review_due) WHERE live_revision_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS revision_created_by_idx ON revision (created_by, article_id);
CREATE INDEX IF NOT EXISTS audit_event_published_idx ON audit_event (occurred_at) WHERE to_status = 'published';
CREATE INDEX IF NOT EXISTS sign_off_signed_idx ON sign_off (signed_at);
