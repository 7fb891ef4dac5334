-- Who submitted the article for its latest medical review: only that person may withdraw it. Kept on the
-- article rather than read back from the audit trail; existing articles take it from their last 'submit'.
ALTER TABLE article ADD COLUMN submitted_by VARCHAR(200);

UPDATE article a SET submitted_by = (
    SELECT e.actor FROM audit_event e
    WHERE e.article_id = a.id AND e.action = 'submit'
    ORDER BY e.id DESC
    LIMIT 1);
