package health.cms.core.scratch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps, finds and drops writers' scratch copies: one per writer and article, overwritten on every
 * autosave. Plain SQL, because a scratch copy is overwritten every few seconds and has no state to guard.
 */
@ApplicationScoped
public class ScratchCopies {

    /** The longest title and lead a scratch copy keeps; the body's limit is the renderer's. */
    public static final int MAX_TITLE_CHARS = 300;
    public static final int MAX_SUMMARY_CHARS = 5_000;

    private final EntityManager em;
    private final Clock clock;

    ScratchCopies(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Keeps the writer's current text, replacing their previous scratch copy of the article. */
    @Transactional
    public Instant keep(long articleId, String username, long baseVersion, String title, String summary,
            String bodyMarkdown) {
        Instant now = clock.instant();
        em.createNativeQuery("""
                INSERT INTO scratch_copy (article_id, username, base_version, title, summary, body_markdown, saved_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (article_id, username) DO UPDATE SET base_version = EXCLUDED.base_version,
                    title = EXCLUDED.title, summary = EXCLUDED.summary, body_markdown = EXCLUDED.body_markdown,
                    saved_at = EXCLUDED.saved_at""")
                .setParameter(1, articleId).setParameter(2, username).setParameter(3, baseVersion)
                .setParameter(4, nz(title)).setParameter(5, nz(summary)).setParameter(6, nz(bodyMarkdown))
                .setParameter(7, Timestamp.from(now))
                .executeUpdate();
        return now;
    }

    /** The writer's scratch copy of the article, if they left one. */
    @Transactional
    public Optional<ScratchCopy> of(long articleId, String username) {
        List<?> rows = em.createNativeQuery("""
                SELECT base_version, title, summary, body_markdown, saved_at FROM scratch_copy
                WHERE article_id = ?1 AND username = ?2""")
                .setParameter(1, articleId).setParameter(2, username).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new ScratchCopy(articleId, username, ((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    (String) r[3], instant(r[4]));
        });
    }

    /** Drops the writer's scratch copy (after they saved it as a revision, or chose to discard it). */
    @Transactional
    public boolean discard(long articleId, String username) {
        return em.createNativeQuery("DELETE FROM scratch_copy WHERE article_id = ?1 AND username = ?2")
                .setParameter(1, articleId).setParameter(2, username).executeUpdate() > 0;
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t
                ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
