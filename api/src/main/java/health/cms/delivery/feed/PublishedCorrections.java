package health.cms.delivery.feed;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.delivery.store.ReadModel;

/** Reads the published factual and clinical corrections of live articles, for the public corrections feed. */
@ApplicationScoped
public class PublishedCorrections {

    private final ReadModel db;

    PublishedCorrections(ReadModel db) {
        this.db = db;
    }

    /** One correction as readers see it, with the live article it corrects. */
    public record Correction(long id, String slug, String title, String changeClass, String note, Instant date) {
    }

    /** Newest first, of the live articles in {@code locale}. */
    public List<Correction> newest(int limit, String locale) {
        return db.query("""
                SELECT c.id, p.slug, p.title, c.change_class, c.note, c.published_at FROM correction c
                JOIN published_article p ON p.article_id = c.article_id
                WHERE c.change_class IN ('factual', 'clinical') AND p.locale = ?
                ORDER BY c.published_at DESC, c.id DESC LIMIT ?""",
                rs -> new Correction(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("change_class"), rs.getString("note"), ReadModel.instant(rs, "published_at")),
                locale, limit);
    }
}
