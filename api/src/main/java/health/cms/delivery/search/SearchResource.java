package health.cms.delivery.search;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import health.cms.core.locale.Locales;
import health.cms.core.refusal.Refusal;
import health.cms.core.refusal.WholeNumber;
import health.cms.core.search.Facet;
import health.cms.core.search.SearchEngine;
import health.cms.core.search.SearchQuery;
import health.cms.core.slug.Slugs;
import health.cms.delivery.article.ArticleResource;
import health.cms.delivery.http.Parameters;
import health.cms.delivery.http.Responses;
import health.cms.delivery.store.Cursor;

/**
 * Search over live articles (this replica's Lucene index, see {@link SearchIndex}): BM25 over title,
 * summary, headings, body, tags, category and authors; phrases, exclusions, medical synonyms, spelling
 * correction, facets and filters; and completion of what a reader is typing.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final String SLUG_MESSAGE = "must be lowercase letters, digits and single hyphens";
    static final String REVIEWED_WITHIN = "reviewedWithin";
    static final Map<String, Facet> COUNTABLE = Map.of("category", Facet.CATEGORY, "tag", Facet.TAG, "author",
            Facet.AUTHOR, "reviewer", Facet.REVIEWER);

    private final SearchIndex index;
    private final LiveSearch search;
    private final Responses responses;
    private final Locales locales;

    SearchResource(SearchIndex index, LiveSearch search, Responses responses, Locales locales) {
        this.index = index;
        this.search = search;
        this.responses = responses;
        this.locales = locales;
    }

    @GET
    @Operation(operationId = "search", summary = "Search live articles")
    @APIResponse(responseCode = "200", description = "Live articles matching the query, best first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class)))
    public Response search(
            @QueryParam("q") @NotBlank(message = "is required") @Size(max = 200) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String q,
            @QueryParam("category") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) @Size(max = 200) String category,
            @QueryParam("tag") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) @Size(max = 200) String tag,
            @QueryParam("author") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) @Size(max = 200) String author,
            @QueryParam("reviewer") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) @Size(max = 200) String reviewer,
            @QueryParam(REVIEWED_WITHIN) String reviewedWithinParam,
            @QueryParam("facets") @Pattern(regexp = "[a-zA-Z,]{0,60}", message = "must be a comma-separated list of category, tag, author, reviewer, reviewedWithin") String facetsParam,
            @QueryParam("limit") String limitParam,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "A configured locale (BCP 47): the query is analysed as its language (stemmed as "
                    + "German for de) and finds the articles in that language only; the default locale when absent") @QueryParam("locale") @Size(max = 35) @Pattern(regexp = ArticleResource.LOCALE_PATTERN, message = ArticleResource.LOCALE_MESSAGE) String localeParam,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        int limit = WholeNumber.parse("limit", limitParam, 20, 1, 100);
        String locale = locales.requested("locale", localeParam);
        Integer reviewedWithin = reviewedWithinParam == null
                ? null
                : WholeNumber.parse(REVIEWED_WITHIN, reviewedWithinParam, 12, 1, 120);
        Optional<Cursor> position = Parameters.cursor(cursor, Cursor::rank);
        Set<Facet> counted = EnumSet.noneOf(Facet.class);
        boolean countReviewed = facets(facetsParam, counted);
        Map<Facet, String> filters = new LinkedHashMap<>();
        putIfGiven(filters, Facet.CATEGORY, category);
        putIfGiven(filters, Facet.TAG, tag);
        putIfGiven(filters, Facet.AUTHOR, author);
        putIfGiven(filters, Facet.REVIEWER, reviewer);
        SearchQuery query = search.query(q, filters, reviewedWithin, counted, countReviewed, limit, position, locale);
        String key = String.join("\u0000", "search", Long.toString(index.generation()), locale, q.strip(),
                String.valueOf(category),
                String.valueOf(tag),
                String.valueOf(author), String.valueOf(reviewer), String.valueOf(reviewedWithin),
                String.valueOf(facetsParam), Integer.toString(limit), String.valueOf(cursor));
        return responses.cached(key, () -> responses.json(search.page(query), List.of("articles")),
                ifNoneMatch);
    }

    @GET
    @Path("/suggest")
    public Response suggest(
            @QueryParam("q") @NotBlank(message = "is required") @Size(max = 100) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String q,
            @QueryParam("limit") String limitParam,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        int limit = WholeNumber.parse("limit", limitParam, 8, 1, 20);
        return responses.cached("suggest\u0000" + index.generation() + "\u0000" + limit + "\u0000" + q.strip(),
                () -> responses.json(new Suggestions(index.engine().suggest(q.strip(), limit)), List.of("articles")),
                ifNoneMatch);
    }

    /** Completions: article titles (with the slug to link to) first, then vocabulary terms (no slug). */
    public record Suggestions(List<SearchEngine.Suggestion> suggestions) {
    }

    /** Reads the {@code facets} parameter into the facets to count; returns whether reviewedWithin is asked. */
    private static boolean facets(String param, Set<Facet> counted) {
        boolean reviewed = false;
        if (param == null || param.isBlank()) {
            return false;
        }
        for (String name : param.split(",")) {
            if (name.equals(REVIEWED_WITHIN)) {
                reviewed = true;
            } else if (COUNTABLE.containsKey(name.toLowerCase(Locale.ROOT))) {
                counted.add(COUNTABLE.get(name.toLowerCase(Locale.ROOT)));
            } else {
                throw Refusal.invalid("facets", "must be a comma-separated list of category, tag, author, reviewer, "
                        + REVIEWED_WITHIN);
            }
        }
        return reviewed;
    }

    private static void putIfGiven(Map<Facet, String> filters, Facet facet, String value) {
        if (value != null && !value.isEmpty()) {
            filters.put(facet, value);
        }
    }
}
