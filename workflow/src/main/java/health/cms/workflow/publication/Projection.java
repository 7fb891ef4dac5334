package health.cms.workflow.publication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import health.cms.core.article.SearchAppearance;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.markdown.RenderedMarkdown;
import health.cms.core.publication.PublicArticle;

/**
 * Derives a live article's public entry from its signed live revision (rendered and sanitized again by
 * the one {@link MarkdownRenderer}) and writes it into the delivery read model over plain JDBC: the one
 * projection, used by the {@link PublicationProjector} inside a workflow action and by a restore, which
 * runs without CDI and rebuilds the read model instead of trusting the archive's copy.
 */
public final class Projection {

    /**
     * The one mapper for stored documents (Quarkus's defaults for these records: ISO-8601 instants), so the
     * apps and a restore outside them write the same document for the same article.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    // The text search parser reads anything between < and > as an XML tag and drops it, so text that shows
    // angle brackets ("`<above 140 mmHg>`", an escaped "<b>") is indexed with them turned into spaces.
    private static final String UPSERT = """
            INSERT INTO published_article (article_id, slug, revision_id, title, summary, body_text, category_slug,
                tag_slugs, author_slugs, first_published_at, updated_at, next_review_due, document, locale, family_id,
                search)
            SELECT v.article_id, v.slug, v.revision_id, v.title, v.summary, v.body_text, v.category_slug, v.tag_slugs,
                v.author_slugs, v.first_published_at, v.updated_at, v.next_review_due, v.document, v.locale,
                v.family_id,
                setweight(to_tsvector('english', translate(v.title, '<>', '  ')), 'A')
                || setweight(to_tsvector('english', translate(v.summary, '<>', '  ')), 'B')
                || setweight(to_tsvector('english', translate(v.body_text, '<>', '  ')), 'C')
            FROM (SELECT CAST(? AS bigint) AS article_id, CAST(? AS text) AS slug, CAST(? AS bigint) AS revision_id,
                CAST(? AS text) AS title, CAST(? AS text) AS summary, CAST(? AS text) AS body_text,
                CAST(? AS text) AS category_slug, CAST(? AS text[]) AS tag_slugs, CAST(? AS text[]) AS author_slugs,
                CAST(? AS timestamptz) AS first_published_at, CAST(? AS timestamptz) AS updated_at,
                CAST(? AS timestamptz) AS next_review_due, CAST(? AS jsonb) AS document, CAST(? AS text) AS locale,
                CAST(? AS bigint) AS family_id) AS v
            ON CONFLICT (article_id) DO UPDATE SET slug = EXCLUDED.slug, revision_id = EXCLUDED.revision_id,
                title = EXCLUDED.title, summary = EXCLUDED.summary, body_text = EXCLUDED.body_text,
                category_slug = EXCLUDED.category_slug, tag_slugs = EXCLUDED.tag_slugs,
                author_slugs = EXCLUDED.author_slugs, first_published_at = EXCLUDED.first_published_at,
                updated_at = EXCLUDED.updated_at, next_review_due = EXCLUDED.next_review_due,
                document = EXCLUDED.document, locale = EXCLUDED.locale, family_id = EXCLUDED.family_id,
                search = EXCLUDED.search""";

    /**
     * A live article as its public entry is derived from it: the live revision's signed fields, the
     * reviewer of its latest approval as they were when they signed, and the article's dates and
     * public corrections. Plain values, so they can come from entities or from restored rows alike.
     */
    public record LiveArticle(long articleId, String slug, Instant firstPublishedAt, Instant lastReviewedAt,
            Instant nextReviewDue, long revisionId, int revisionNumber, String title, String summary, String bodyMarkdown,
            PublicArticle.Named category, List<PublicArticle.Named> tags, List<PublicArticle.AuthorView> authors,
            List<PublicArticle.ReferenceView> references, SearchAppearance seo, Reviewer reviewer,
            List<PublicArticle.CorrectionView> corrections, List<PublicArticle.ImageView> images, String leadImage) {

        /** An article whose revision shows no images. */
        public LiveArticle(long articleId, String slug, Instant firstPublishedAt, Instant lastReviewedAt,
                Instant nextReviewDue, long revisionId, int revisionNumber, String title, String summary,
                String bodyMarkdown, PublicArticle.Named category, List<PublicArticle.Named> tags,
                List<PublicArticle.AuthorView> authors, List<PublicArticle.ReferenceView> references, SearchAppearance seo,
                Reviewer reviewer, List<PublicArticle.CorrectionView> corrections) {
            this(articleId, slug, firstPublishedAt, lastReviewedAt, nextReviewDue, revisionId, revisionNumber, title,
                    summary, bodyMarkdown, category, tags, authors, references, seo, reviewer, corrections, List.of(), null);
        }

        public LiveArticle {
            images = images == null ? List.of() : List.copyOf(images);
            firstPublishedAt = stored(firstPublishedAt);
            lastReviewedAt = stored(lastReviewedAt);
            nextReviewDue = stored(nextReviewDue);
            tags = List.copyOf(tags);
            authors = List.copyOf(authors);
            references = List.copyOf(references);
            corrections = corrections.stream()
                    .map(c -> new PublicArticle.CorrectionView(stored(c.date()), c.changeClass(), c.note())).toList();
        }

        /** The same article with its category and tags named otherwise (in its language). */
        LiveArticle withTerms(PublicArticle.Named category, List<PublicArticle.Named> tags) {
            return new LiveArticle(articleId, slug, firstPublishedAt, lastReviewedAt, nextReviewDue, revisionId,
                    revisionNumber, title, summary, bodyMarkdown, category, tags, authors, references, seo, reviewer,
                    corrections, images, leadImage);
        }
    }

    /**
     * The name and credentials of the reviewer who signed off the live text, frozen at that moment, and the
     * conflicts of interest they disclosed with that sign-off.
     */
    public record Reviewer(String name, String credentials, List<String> disclosures) {

        public Reviewer {
            disclosures = List.copyOf(disclosures);
        }
    }

    private final MarkdownRenderer renderer;

    public Projection(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    /** Writes (or replaces) the article's public entry; {@code updatedAt} is its public "updated" time. */
    public void write(Connection connection, LiveArticle live, Instant updatedAt) throws SQLException {
        updatedAt = stored(updatedAt);
        RenderedMarkdown body = renderer.render(live.bodyMarkdown(), ArticlePictures.pictures(live.images()));
        ArticleLanguage language = ArticleLanguage.read(connection, live.articleId());
        live = LocalTermNames.localize(connection, live, language.locale());
        PublicArticle view = view(live, body, updatedAt, language);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setLong(1, live.articleId());
            upsert.setString(2, live.slug());
            upsert.setLong(3, live.revisionId());
            upsert.setString(4, live.title());
            upsert.setString(5, live.summary());
            upsert.setString(6, plainText(body.html()));
            upsert.setString(7, live.category().slug());
            upsert.setArray(8, connection.createArrayOf("text",
                    live.tags().stream().map(PublicArticle.Named::slug).toArray()));
            upsert.setArray(9, connection.createArrayOf("text",
                    live.authors().stream().map(PublicArticle.AuthorView::slug).toArray()));
            upsert.setObject(10, utc(live.firstPublishedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            upsert.setObject(11, utc(updatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
            upsert.setObject(12, utc(live.nextReviewDue()), Types.TIMESTAMP_WITH_TIMEZONE);
            upsert.setString(13, toJson(view));
            upsert.setString(14, language.locale());
            upsert.setLong(15, language.familyId());
            upsert.executeUpdate();
        }
    }

    /**
     * The public view of an article's revision as it would be served, rendered by the one renderer: what the
     * read model holds for a live article, and what the preview API shows of a working revision (which may
     * have no reviewer, review date or first publication yet).
     */
    public PublicArticle view(LiveArticle article, Instant updatedAt) {
        return view(article, renderer.render(article.bodyMarkdown(), ArticlePictures.pictures(article.images())),
                stored(updatedAt), ArticleLanguage.NONE);
    }

    private PublicArticle view(LiveArticle live, RenderedMarkdown body, Instant updatedAt, ArticleLanguage language) {
        PublicArticle.MedicalReview review = new PublicArticle.MedicalReview(live.reviewer().name(),
                live.reviewer().credentials(), live.lastReviewedAt(), live.nextReviewDue(), null,
                live.reviewer().disclosures());
        Map<String, Object> jsonLd = jsonLd(live, updatedAt, language.locale());
        return new PublicArticle(live.slug(), live.title(), live.summary(),
                new PublicArticle.Body(body.html(),
                        renderer.publicMarkdown(live.bodyMarkdown(), ArticlePictures.pictures(live.images()))),
                body.toc(),
                live.category(), live.tags(), live.authors(), review, live.references(), live.corrections(),
                live.firstPublishedAt(), updatedAt, live.revisionNumber(), live.seo(), jsonLd,
                PublicArticle.scriptSafe(toJson(jsonLd)), live.images(),
                ArticlePictures.lead(live.images(), live.leadImage()), language.locale(), language.translation(),
                language.alternates());
    }

    /** A schema.org MedicalWebPage that downstream sites can embed as it is. */
    private static Map<String, Object> jsonLd(LiveArticle live, Instant updatedAt, String locale) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "MedicalWebPage");
        // What the writer chose for search results, else the article's own title and lead.
        page.put("headline", live.seo().titleOr(live.title()));
        page.put("description", live.seo().descriptionOr(live.summary()));
        if (locale != null) {
            page.put("inLanguage", locale);
        }
        if (live.seo().canonicalUrl() != null) {
            page.put("url", live.seo().canonicalUrl());
        }
        if (live.seo().socialImageUrl() != null) {
            page.put("image", live.seo().socialImageUrl());
        }
        ArticlePictures.jsonLd(page, live.images(), live.leadImage());
        // Ordered, so the ready-to-embed text is the same in every JVM (Map.of iterates in a per-run order).
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("@type", "Thing");
        about.put("name", live.category().name());
        page.put("about", about);
        // A live article has every one of these; a previewed draft may not have them yet.
        if (live.firstPublishedAt() != null) {
            page.put("datePublished", live.firstPublishedAt().toString());
        }
        page.put("dateModified", updatedAt.toString());
        if (live.lastReviewedAt() != null) {
            page.put("lastReviewed", live.lastReviewedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        page.put("author", live.authors().stream().map(a -> person(a.name(), a.credentials(), a.website())).toList());
        if (live.reviewer().name() != null) {
            page.put("reviewedBy", person(live.reviewer().name(), live.reviewer().credentials(), null));
        }
        List<Map<String, Object>> citations = new ArrayList<>();
        for (PublicArticle.ReferenceView r : live.references()) {
            Map<String, Object> work = new LinkedHashMap<>();
            work.put("@type", "CreativeWork");
            work.put("name", r.title() == null ? r.citation() : r.title());
            if (r.authors() != null) {
                work.put("author", r.authors());
            }
            if (r.source() != null) {
                work.put("isPartOf", Map.of("@type", "Periodical", "name", r.source()));
            }
            if (r.year() != null) {
                work.put("datePublished", r.year().toString());
            }
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

    /**
     * The instant as PostgreSQL keeps it: microseconds, rounded half up as the JDBC driver rounds when it
     * writes. The document then holds the same times as the rows, so deriving it again from stored rows (a
     * restore) gives the same document as deriving it from the workflow's in-memory entities.
     */
    static Instant stored(Instant instant) {
        if (instant == null) {
            return null;
        }
        long micros = (instant.getNano() + 500L) / 1_000L;
        return Instant.ofEpochSecond(instant.getEpochSecond(), micros * 1_000L);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The public view is plain records", e);
        }
    }
}
