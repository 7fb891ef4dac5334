-- Desk search (issue 14): every admin-ui instance keeps its own Lucene index of all articles in any state
-- (search.DeskSearchIndex). Whatever changes an article (the desk, the management API, the scheduler, an
-- import, a restore, a second desk replica, psql) updates its article row, so a trigger on that row tells
-- every instance on NOTIFY channel cms_desk_article which article to read again. NOTIFY is sent on commit
-- and folds identical payloads of one transaction, so a bulk change sends each id once.
CREATE FUNCTION cms_desk_article_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('cms_desk_article', OLD.id::text);
        RETURN OLD;
    END IF;
    PERFORM pg_notify('cms_desk_article', NEW.id::text);
    RETURN NEW;
END
$$;

CREATE TRIGGER article_desk_search AFTER INSERT OR UPDATE OR DELETE ON article
    FOR EACH ROW EXECUTE FUNCTION cms_desk_article_changed();

-- A renamed category, tag or author changes the text of many articles at once, and a truncated article
-- table (a restore) all of them: '*' asks for a rebuild, which keeps answering from the old index meanwhile.
CREATE FUNCTION cms_desk_articles_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('cms_desk_article', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER category_desk_search AFTER UPDATE OF slug, name ON category
    FOR EACH STATEMENT EXECUTE FUNCTION cms_desk_articles_changed();
CREATE TRIGGER tag_desk_search AFTER UPDATE OF slug, name ON tag
    FOR EACH STATEMENT EXECUTE FUNCTION cms_desk_articles_changed();
CREATE TRIGGER profile_desk_search AFTER UPDATE OF slug, display_name ON profile
    FOR EACH STATEMENT EXECUTE FUNCTION cms_desk_articles_changed();
CREATE TRIGGER article_truncate_desk_search AFTER TRUNCATE ON article
    FOR EACH STATEMENT EXECUTE FUNCTION cms_desk_articles_changed();
