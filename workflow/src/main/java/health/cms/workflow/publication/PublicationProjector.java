package health.cms.workflow.publication;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.article.Article;
import health.cms.core.article.Reference;
import health.cms.core.article.Revision;
import health.cms.core.correction.CorrectionRepository;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.markdown.RenderedMarkdown;
import health.cms.core.profile.Profile;
import health.cms.core.publication.PublicArticle;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;
import health.cms.core.taxonomy.Tag;

/**
 * Keeps the delivery read model ({@code published_article}) in step with what is live, inside the
 * transaction of the workflow action, and tells every api replica through PostgreSQL NOTIFY (sent on
 * commit, so a rolled-back action notifies nobody).
 */
@ApplicationScoped
public class PublicationProjector {

    /** The NOTIFY channel the api replicas listen on. */
    public static final String CHANNEL = "cms_content";

    private final EntityManager em;
    private final SignOffRepository signOffs;
    private final CorrectionRepository corrections;
    private final MarkdownRenderer renderer;
    private final ObjectMapper json;

    PublicationProjector(EntityManager em, SignOffRepository signOffs, CorrectionRepository corrections,
            MarkdownRenderer renderer, ObjectMapper json) {
        this.em = em;
        this.signOffs = signOffs;
        this.corrections = corrections;
        this.renderer = renderer;
        this.json = json;
    }

    /**
     * Writes the live revision's public view. {@code contentChanged} is false for a recertification,
     * which renews the review but keeps the article's public "updated" time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Article article, Instant now, boolean contentChanged) {
        // The text search parser reads anything between < and > as an XML tag and drops it, so text that shows
        // angle brackets ("`<above 140 mmHg>`", an escaped "<b>") is indexed with them turned into spaces.

        Revision live = article.liveRevision();
        RenderedMarkdown body = renderer.render(live.bodyMarkdown());
        PublicArticle view = view(article, live, body, contentChanged ? now : currentUpdatedAt(article, now));
        em.createNativeQuery("""
                INSERT INTO published_article (article_id, slug, revision_id, title, summary, body_text, category_slug,
                    tag_slugs, author_slugs, first_published_at, updated_at, next_review_due, document, search)
                VALUES (:id, :slug, :revision, :title, :summary, :bodyText, :category, CAST(:tags AS text[]),
                    CAST(:authors AS text[]), :firstPublished, :updated, :nextReview, CAST(:document AS jsonb),
                    setweight(to_tsvector('english', translate(:title, '<>', '  ')), 'A')
                    || setweight(to_tsvector('english', translate(:summary, '<>', '  ')), 'B')
                    || setweight(to_tsvector('english', translate(:bodyText, '<>', '  ')), 'C'))
                ON CONFLICT (article_id) DO UPDATE SET slug = EXCLUDED.slug, revision_id = EXCLUDED.revision_id,
                    title = EXCLUDED.title, summary = EXCLUDED.summary, body_text = EXCLUDED.body_text,
                    category_slug = EXCLUDED.category_slug, tag_slugs = EXCLUDED.tag_slugs,
                    author_slugs = EXCLUDED.author_slugs, first_published_at = EXCLUDED.first_published_at,
                    updated_at = EXCLUDED.updated_at, next_review_due = EXCLUDED.next_review_due,
                    document = EXCLUDED.document, search = EXCLUDED.search""")
                .setParameter("id", article.id())
                .setParameter("slug", article.slug())
                .setParameter("revision", live.id())
                .setParameter("title", live.title())
                .setParameter("summary", live.summary())
                .setParameter("bodyText", plainText(body.html()))
                .setParameter("category", live.category().slug())
                .setParameter("tags", array(live.tags().stream().map(Tag::slug).toList()))
                .setParameter("authors", array(live.authors().stream().map(Profile::slug).toList()))
                .setParameter("firstPublished", article.firstPublishedAt())
                .setParameter("updated", view.updatedAt())
                .setParameter("nextReview", article.nextReviewDue())
                .setParameter("document", toJson(view))
                .executeUpdate();
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
     * read model existed), and re-projects entries written before the served Markdown was cleaned and the
     * JSON-LD came ready to embed (their public "updated" time is kept); returns how many were written.
     * Safe to run on every start.
     */
    @Transactional
    public int backfill() {
        @SuppressWarnings("unchecked")
        List<Object[]> stale = em.createNativeQuery(
                """
                        SELECT a.id, p.article_id IS NULL FROM article a
                        LEFT JOIN published_article p ON p.article_id = a.id
                        WHERE a.live_revision_id IS NOT NULL AND (p.article_id IS NULL OR NOT jsonb_exists(p.document, 'jsonLdScript'))""")
                .getResultList();
        for (Object[] row : stale) {
            Article article = em.find(Article.class, ((Number) row[0]).longValue());
            publish(article, article.updatedAt(), (Boolean) row[1]);
        }
        return stale.size();
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

    private PublicArticle view(Article article, Revision live, RenderedMarkdown body, Instant updatedAt) {
        SignOff signOff = signOffs.latestApproval(live).orElseThrow(
                () -> new IllegalStateException("Live revision " + live.id() + " has no sign-off"));
        PublicArticle.MedicalReview review = new PublicArticle.MedicalReview(signOff.reviewerName(),
                signOff.reviewerCredentials(), article.lastReviewedAt(), article.nextReviewDue(), null);
        List<PublicArticle.AuthorView> authors = live.authors().stream()
                .map(a -> new PublicArticle.AuthorView(a.slug(), a.displayName(), a.credentials(), a.bio(), a.website(),
                        a.avatarUrl()))
                .toList();
        Map<String, Object> jsonLd = jsonLd(live, article, signOff, authors, updatedAt);
        List<PublicArticle.ReferenceView> references = live.references().stream()
                .map(r -> new PublicArticle.ReferenceView(r.citation(), r.doi(), r.pmid(), r.url())).toList();
        return new PublicArticle(article.slug(), live.title(), live.summary(),
                new PublicArticle.Body(body.html(), renderer.publicMarkdown(live.bodyMarkdown())), body.toc(),
                new PublicArticle.Named(live.category().slug(), live.category().name()),
                live.tags().stream().map(t -> new PublicArticle.Named(t.slug(), t.name())).toList(), authors, review,
                references,
                corrections.forArticle(article).stream()
                        .map(c -> new PublicArticle.CorrectionView(c.publishedAt(), c.changeClass().value(), c.note()))
                        .toList(),
                article.firstPublishedAt(), updatedAt, live.number(), jsonLd, PublicArticle.scriptSafe(toJson(jsonLd)));
    }

    /** A schema.org MedicalWebPage that downstream sites can embed as it is. */
    private static Map<String, Object> jsonLd(Revision live, Article article, SignOff signOff,
            List<PublicArticle.AuthorView> authors, Instant updatedAt) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "MedicalWebPage");
        page.put("headline", live.title());
        page.put("description", live.summary());
        page.put("about", Map.of("@type", "Thing", "name", live.category().name()));
        page.put("datePublished", article.firstPublishedAt().toString());
        page.put("dateModified", updatedAt.toString());
        page.put("lastReviewed", article.lastReviewedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        page.put("author", authors.stream().map(a -> person(a.name(), a.credentials(), a.website())).toList());
        page.put("reviewedBy", person(signOff.reviewerName(), signOff.reviewerCredentials(), null));
        List<Map<String, Object>> citations = new ArrayList<>();
        for (Reference r : live.references()) {
            Map<String, Object> work = new LinkedHashMap<>();
            work.put("@type", "CreativeWork");
            work.put("name", r.citation());
            if (r.url() != null) {
                work.put("url", r.url());
            }
            if (r.doi() != null) {
                work.put("identifier", "https://doi.org/" + r.doi());
            }
            citations.add(work);
        }
        page.put("citation", citations);
        return page;
    }

    private static Map<String, Object> person(String name, String credentials, String url) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", name);
        if (credentials != null) {
            person.put("honorificSuffix", credentials);
        }
        if (url != null) {
            person.put("url", url);
        }
        return person;
    }

    static String plainText(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#34;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").strip();
    }

    private static String array(List<String> slugs) {
        return slugs.stream().collect(Collectors.joining(",", "{", "}"));
    }

    private String toJson(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The public view is plain records", e);
        }
    }
}
