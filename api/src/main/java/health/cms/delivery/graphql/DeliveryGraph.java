package health.cms.delivery.graphql;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.GraphQLException;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.core.locale.Locales;
import health.cms.core.preview.ShareToken;
import health.cms.core.publication.PublicArticle;
import health.cms.core.refusal.Refusal;
import health.cms.core.refusal.WholeNumber;
import health.cms.core.search.Facet;
import health.cms.delivery.article.LiveArticles;
import health.cms.delivery.catalog.CatalogQueries;
import health.cms.delivery.feed.PublishedCorrections;
import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.Parameters;
import health.cms.delivery.preview.PreviewAccess;
import health.cms.delivery.search.LiveSearch;
import health.cms.delivery.search.SearchPage;
import health.cms.delivery.store.Cursor;
import health.cms.delivery.store.PublishedArticles;
import health.cms.workflow.review.ReviewStatus;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The read-only GraphQL schema at {@code /graphql}: published content only, from the same read model, views and
 * checks as the REST endpoints, plus the preview of a working revision for preview-key and share-link holders.
 */
@GraphQLApi
public class DeliveryGraph {

    @Inject
    LiveArticles live;
    @Inject
    PublishedArticles store;
    @Inject
    CatalogQueries catalog;
    @Inject
    PublishedCorrections published;
    @Inject
    LiveSearch search;
    @Inject
    ArticleBatches batches;
    @Inject
    PreviewAccess previews;
    @Inject
    ObjectMapper json;
    @Inject
    CurrentVertxRequest request;
    @Inject
    Locales locales;

    @Query
    @Description("The live article at this slug, or null when nothing is live there; with a locale, in that language "
            + "if the article is live in it, with the fallback of GET /api/v1/articles/{slug}?locale=")
    public Article article(@NonNull String slug,
            @Description("A BCP 47 tag such as de or de-AT: falls back to its shorter forms, then the default locale, "
                    + "else the article at this slug") String locale)
            throws GraphQLException {
        GraphArguments.slug("slug", slug);
        return GraphArguments.read(() -> {
            GraphArguments.locale("locale", locale);
            CachedResponse answer = live.answer(slug);
            if (answer != null && locale != null) {
                answer = live.negotiate(answer, List.of(locale));
            }
            return answer == null ? null : Article.of(read(answer.body()));
        });
    }

    @Query
    @Description("Live articles, newest first, with the filters and cursor of GET /api/v1/articles (limit 1-100, default 20)")
    public ArticlePage articles(String category, String tag, String author,
            @Description("current, due-soon or overdue") String reviewStatus,
            @Description("ISO-8601 UTC time, e.g. 2026-01-31T00:00:00Z") String updatedSince, Integer limit,
            String cursor) throws GraphQLException {
        return GraphArguments.read(() -> {
            GraphArguments.slug("category", category);
            GraphArguments.slug("tag", tag);
            GraphArguments.slug("author", author);
            GraphArguments.text("cursor", cursor, 200);
            GraphArguments.text("updatedSince", updatedSince, 40);
            int size = WholeNumber.parse("limit", GraphArguments.number(limit), 20, 1, 100);
            PublishedArticles.Filter filter = new PublishedArticles.Filter(category, tag, author,
                    reviewStatus(reviewStatus), Parameters.instant("updatedSince", updatedSince), null);
            PublishedArticles.Page page = store.list(filter, Parameters.cursor(cursor, Cursor::updatedAt), size);
            if (page.items().isEmpty()) {
                catalog.requireKnown("category", CatalogQueries.Kind.CATEGORY, category);
                catalog.requireKnown("tag", CatalogQueries.Kind.TAG, tag);
                catalog.requireKnown("author", CatalogQueries.Kind.PROFILE, author);
            }
            return new ArticlePage(page.items().stream().map(ArticleSummary::of).toList(), page.nextCursor());
        });
    }

    @Query
    @Description("Search over live articles, as GET /api/v1/search (q at most 200 characters; limit 1-100, default 20)")
    public SearchResults search(@NonNull String q, String category, String tag, String author, String reviewer,
            @Description("Only articles reviewed within this many months (1-120)") Integer reviewedWithin,
            Integer limit, String cursor,
            @Description("A configured locale: the query is analysed as its language and finds articles in it only; "
                    + "the default locale when absent") String locale)
            throws GraphQLException {
        return GraphArguments.read(() -> {
            GraphArguments.locale("locale", locale);
            String language = locales.requested("locale", locale);
            GraphArguments.text("q", q, 200);
            if (q.isBlank()) {
                throw Refusal.invalid("q", "is required");
            }
            GraphArguments.slug("category", category);
            GraphArguments.slug("tag", tag);
            GraphArguments.slug("author", author);
            GraphArguments.slug("reviewer", reviewer);
            GraphArguments.text("cursor", cursor, 200);
            int size = WholeNumber.parse("limit", GraphArguments.number(limit), 20, 1, 100);
            Integer months = reviewedWithin == null
                    ? null
                    : WholeNumber.parse("reviewedWithin", reviewedWithin.toString(), 12, 1, 120);
            Map<Facet, String> filters = new LinkedHashMap<>();
            putIfGiven(filters, Facet.CATEGORY, category);
            putIfGiven(filters, Facet.TAG, tag);
            putIfGiven(filters, Facet.AUTHOR, author);
            putIfGiven(filters, Facet.REVIEWER, reviewer);
            SearchPage page = search.page(search.query(q, filters, months, EnumSet.noneOf(Facet.class), false, size,
                    Parameters.cursor(cursor, Cursor::rank), language));
            return new SearchResults(page.items().stream().map(ArticleSummary::of).toList(), page.nextCursor(),
                    page.didYouMean(), page.resultsFor());
        });
    }

    @Query
    @Description("Categories that have live articles, by name (limit 1-500, default 100)")
    public List<CatalogQueries.CategoryView> categories(Integer limit, Integer offset) throws GraphQLException {
        return GraphArguments.slice(limit, offset, catalog::categories);
    }

    @Query
    @Description("Tags that have live articles, by name (limit 1-500, default 100)")
    public List<CatalogQueries.TagView> tags(Integer limit, Integer offset) throws GraphQLException {
        return GraphArguments.slice(limit, offset, catalog::tags);
    }

    @Query
    @Description("Public profiles of the authors of live articles, by name (limit 1-500, default 100)")
    public List<CatalogQueries.ProfileView> authors(Integer limit, Integer offset) throws GraphQLException {
        return GraphArguments.slice(limit, offset, catalog::authors);
    }

    @Query
    @Description("The medical reviewers who signed live articles, as the articles name them; slug is search's reviewer filter")
    public List<CatalogQueries.ReviewerView> reviewers(Integer limit, Integer offset) throws GraphQLException {
        return GraphArguments.slice(limit, offset, catalog::reviewers);
    }

    @Query
    @Description("Public factual and clinical corrections of live articles in one language (the default locale when "
            + "none is given), newest first, as the corrections feed (limit 1-100, default 50)")
    public List<PublishedCorrections.Correction> corrections(Integer limit, String locale) throws GraphQLException {
        return GraphArguments.read(() -> {
            GraphArguments.locale("locale", locale);
            return published.newest(WholeNumber.parse("limit", GraphArguments.number(limit), 50, 1, 100),
                    locales.requested("locale", locale));
        });
    }

    @Query
    @Description("The working revision of an article: needs a preview key (Authorization: Bearer or X-Api-Key) or a share link's token; never cached")
    public PreviewArticle preview(@NonNull String slug, String token) throws GraphQLException {
        GraphArguments.slug("slug", slug);
        GraphArguments.text("token", token, ShareToken.MAX_LENGTH);
        // Whatever happens next, this answer is for this caller only: never in a shared cache.
        request.getCurrent().put(GraphHttp.PRIVATE, Boolean.TRUE);
        var headers = request.getCurrent().request().headers();
        Optional<ObjectNode> view;
        try {
            view = GraphArguments.read(() -> previews.open(slug, token, headers.get("X-Api-Key"),
                    headers.get("Authorization")));
        } catch (PreviewAccess.RefusedException e) {
            throw new GraphQLException(e.problem().title() + ": " + e.getMessage());
        }
        if (view.isEmpty()) {
            return null;
        }
        ObjectNode node = view.get();
        PublicArticle article = json.convertValue(node.deepCopy().without(List.of("preview", "state",
                "workingRevision", "signed")), PublicArticle.class);
        return new PreviewArticle(Article.of(article), true, node.path("state").asText(),
                node.path("workingRevision").asInt(), node.path("signed").asBoolean());
    }

    @Name("authorProfiles")
    @Description("The full author boxes (bio, website, avatar, specialties), read for the whole page at once")
    public List<List<CatalogQueries.ProfileView>> authorProfiles(@Source List<ArticleSummary> items)
            throws GraphQLException {
        return GraphArguments.read(() -> batches.authorProfiles(items));
    }

    @Name("medicalReview")
    @Description("Who signed the live text and when it is due again, read for the whole page at once")
    public List<PublicArticle.MedicalReview> medicalReview(@Source List<ArticleSummary> items) throws GraphQLException {
        return GraphArguments.read(() -> batches.medicalReviews(items));
    }

    @Name("corrections")
    @Description("The article's public corrections, read for the whole page at once")
    public List<List<PublicArticle.CorrectionView>> articleCorrections(@Source List<ArticleSummary> items)
            throws GraphQLException {
        return GraphArguments.read(() -> batches.corrections(items));
    }

    private PublicArticle read(byte[] body) {
        try {
            return json.readValue(body, PublicArticle.class);
        } catch (IOException e) {
            throw new IllegalStateException("The article is the JSON REST serves", e);
        }
    }

    private static ReviewStatus reviewStatus(String value) {
        if (value == null) {
            return null;
        }
        for (ReviewStatus status : ReviewStatus.values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        throw Refusal.invalid("reviewStatus", "must be current, due-soon or overdue");
    }

    private static void putIfGiven(Map<Facet, String> filters, Facet facet, String value) {
        if (value != null && !value.isEmpty()) {
            filters.put(facet, value);
        }
    }
}
