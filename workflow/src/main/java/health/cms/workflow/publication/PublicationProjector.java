package health.cms.workflow.publication;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import health.cms.core.article.Article;
import health.cms.core.article.Revision;
import health.cms.core.correction.CorrectionRepository;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.publication.PublicArticle;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the delivery read model ({@code published_article}) in step with what is live, inside the
 * transaction of the workflow action, and tells every api replica through PostgreSQL NOTIFY (sent on
 * commit, so a rolled-back action notifies nobody).
 */
@ApplicationScoped
public class PublicationProjector {

    /** The NOTIFY channel the api replicas listen on. */
    public static final String CHANNEL = "cms_content";
    private static final int BACKFILL_BATCH = 200;

    private final EntityManager em;
    private final SignOffRepository signOffs;
    private final CorrectionRepository corrections;
    private final Projection projection;
    private final ArticlePictures pictures;

    PublicationProjector(EntityManager em, SignOffRepository signOffs, CorrectionRepository corrections,
            MarkdownRenderer renderer, ArticlePictures pictures) {
        this.em = em;
        this.signOffs = signOffs;
        this.corrections = corrections;
        this.pictures = pictures;
        this.projection = new Projection(renderer);
    }

    /**
     * Writes the live revision's public view. {@code contentChanged} is false for a recertification,
     * which renews the review but keeps the article's public "updated" time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Article article, Instant now, boolean contentChanged) {
        Projection.LiveArticle live = liveArticle(article);
        Instant updatedAt = contentChanged ? now : currentUpdatedAt(article, now);
        // The entry points at the article and revision rows: they must be written before it, in this transaction.
        em.flush();
        em.unwrap(Session.class).doWork(connection -> projection.write(connection, live, updatedAt));
        notifyReplicas(article.slug());
    }

    /** Removes the article from the public read model. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(Article article) {
        em.createNativeQuery("DELETE FROM published_article WHERE article_id = :id").setParameter("id", article.id())
                .executeUpdate();
        notifyReplicas(article.slug());
    }

    /**
     * Projects live articles that have no public entry yet (for example articles published before the
     * read model existed), and re-projects entries written before the served Markdown was cleaned, the
     * JSON-LD came ready to embed, the review block listed disclosures and entries knew their language (their
     * public "updated" time is kept); returns how many were written.
     * Safe to run on every start. Runs in batches, each in a transaction of its own, so re-projecting a large
     * read model (every entry, after the shape of the document grew) never meets the transaction timeout.
     */
    public int backfill() {
        int written = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Object[]> batch = QuarkusTransaction.requiringNew().call(() -> backfillAfter(from));
            written += batch.size();
            if (batch.size() < BACKFILL_BATCH) {
                return written;
            }
            after = ((Number) batch.get(batch.size() - 1)[0]).longValue();
        }
    }

    private List<Object[]> backfillAfter(long after) {
        @SuppressWarnings("unchecked")
        List<Object[]> stale = em.createNativeQuery(
                """
                        SELECT a.id, p.article_id IS NULL FROM article a
                        LEFT JOIN published_article p ON p.article_id = a.id
                        WHERE a.id > :after AND a.live_revision_id IS NOT NULL AND (p.article_id IS NULL
                            OR NOT jsonb_exists(p.document, 'jsonLdScript')
                            OR NOT jsonb_exists(p.document->'medicalReview', 'disclosures')
                            OR NOT jsonb_exists(p.document, 'locale'))
                        ORDER BY a.id LIMIT :batch""")
                .setParameter("after", after).setParameter("batch", BACKFILL_BATCH)
                .getResultList();
        for (Object[] row : stale) {
            Article article = em.find(Article.class, ((Number) row[0]).longValue());
            publish(article, article.updatedAt(), (Boolean) row[1]);
        }
        return stale;
    }

    /**
     * Re-projects the other live articles of this article's family (its source and translations), whose lists of
     * live languages change when this one goes live, goes offline or is renamed; their "updated" time is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void languagesChanged(Article article, Instant now) {
        Article source = article.isTranslation() ? article.translation().source() : article;
        em.createQuery("""
                FROM Article a WHERE (a = :source OR a.translation.source = :source) AND a <> :self
                    AND a.liveRevision IS NOT NULL ORDER BY a.id""", Article.class)
                .setParameter("source", source).setParameter("self", article).getResultList()
                .forEach(member -> publish(member, now, false));
    }

    /**
     * Re-projects the live articles in these locales (or in a regional variant of them) in this category, after an
     * editor named it in those languages; their "updated" time is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void categoryNamesChanged(String slug, Collection<String> locales, Instant now) {
        reprojectIn("category_slug = :slug", slug, locales, now);
    }

    /** Re-projects the live articles in these locales that carry this tag, as for a category's names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tagNamesChanged(String slug, Collection<String> locales, Instant now) {
        reprojectIn(":slug = ANY(tag_slugs)", slug, locales, now);
    }

    private void reprojectIn(String showsTerm, String slug, Collection<String> locales, Instant now) {
        if (locales.isEmpty()) {
            return;
        }
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT article_id, locale FROM published_article WHERE " + showsTerm + " ORDER BY article_id")
                .setParameter("slug", slug).getResultList();
        List<Number> ids = rows.stream()
                .filter(row -> LocalTermNames.chain((String) row[1]).stream().anyMatch(locales::contains))
                .map(row -> (Number) row[0]).toList();
        ids.forEach(id -> publish(em.find(Article.class, id.longValue()), now, false));
    }

    /** Tells the replicas that an old slug now redirects. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void renamed(String oldSlug) {
        notifyReplicas(oldSlug);
    }

    private void notifyReplicas(String slug) {
        em.createNativeQuery("SELECT pg_notify(:channel, :slug)").setParameter("channel", CHANNEL)
                .setParameter("slug", slug).getSingleResult();
    }

    private Instant currentUpdatedAt(Article article, Instant fallback) {
        List<?> rows = em.createNativeQuery("SELECT updated_at FROM published_article WHERE article_id = :id")
                .setParameter("id", article.id()).getResultList();
        if (rows.isEmpty()) {
            return fallback;
        }
        Object value = rows.get(0);
        return value instanceof Instant instant
                ? instant
                : value instanceof java.time.OffsetDateTime odt
                        ? odt.toInstant()
                        : ((java.sql.Timestamp) value).toInstant();
    }

    private Projection.LiveArticle liveArticle(Article article) {
        Revision live = article.liveRevision();
        SignOff signOff = signOffs.latestApproval(live).orElseThrow(
                () -> new IllegalStateException("Live revision " + live.id() + " has no sign-off"));
        return new Projection.LiveArticle(article.id(), article.slug(), article.firstPublishedAt(),
                article.lastReviewedAt(), article.nextReviewDue(), live.id(), live.number(), live.title(), live.summary(),
                live.bodyMarkdown(), new PublicArticle.Named(live.category().slug(), live.category().name()),
                live.tags().stream().map(t -> new PublicArticle.Named(t.slug(), t.name())).toList(),
                live.authors().stream()
                        .map(a -> new PublicArticle.AuthorView(a.slug(), a.displayName(), a.credentials(), a.bio(),
                                a.website(), a.avatarUrl()))
                        .toList(),
                live.references().stream().map(PublicArticle.ReferenceView::of).toList(), live.appearance(),
                new Projection.Reviewer(signOff.reviewerName(), signOff.reviewerCredentials(),
                        signOff.conflictOfInterest() == null ? List.of() : signOff.conflictOfInterest().disclosures()),
                corrections.forArticle(article).stream()
                        .map(c -> new PublicArticle.CorrectionView(c.publishedAt(), c.changeClass().value(), c.note()))
                        .toList(),
                pictures.of(live), live.leadImage());
    }
}
