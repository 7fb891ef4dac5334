-- The medical reviewer an editor has asked to review the article (Keycloak user name); optional.
ALTER TABLE article ADD COLUMN assigned_reviewer VARCHAR(200);
CREATE INDEX article_assigned_reviewer_idx ON article (assigned_reviewer) WHERE assigned_reviewer IS NOT NULL;
