package health.cms.delivery.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import health.cms.core.locale.Locales;
import health.cms.core.slug.Slugs;
import health.cms.delivery.article.ArticleResource;
import health.cms.delivery.catalog.CatalogQueries;
import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.DeliveryConfig;
import health.cms.delivery.http.Responses;
import health.cms.delivery.store.ListItem;
import health.cms.delivery.store.PublishedArticles;

/**
 * Feeds of new and updated live articles (Atom and JSON Feed, optionally per category), a public
 * corrections feed. Each feed is in one language ({@code ?locale=}, the default locale when absent), says so, and
 * is cached per language.
 */
@Path("/api/v1/feeds")
public class FeedResource {

    static final int FEED_SIZE = 50;
    static final String ATOM = "application/atom+xml";
    static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
    static final String JSON_FEED = "application/feed+json";

    @Inject
    PublishedArticles store;
    @Inject
    CatalogQueries catalog;
    @Inject
    PublishedCorrections corrections;
    @Inject
    Responses responses;
    @Inject
    DeliveryConfig config;
    @Inject
    Locales locales;

    @GET
    @Path("/articles.atom")
    @Produces(ATOM)
    public Response atom(
            @QueryParam("category") @Pattern(regexp = Slugs.PATTERN, message = "must be a category slug") String category,
            @QueryParam("locale") @Size(max = 35) @Pattern(regexp = ArticleResource.LOCALE_PATTERN, message = ArticleResource.LOCALE_MESSAGE) String locale,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        String language = language(locale);
        return responses.cached("atom:" + category + ":" + language, () -> {
            List<ListItem> items = newest(category, language);
            byte[] feed = XmlDocument.write("utf-8", "feed", ATOM_NAMESPACE, language, xml -> {
                xml.element("title", title(category)).newline()
                        .element("id", "urn:cms:feed:articles:" + (category == null ? "all" : category)
                                + languageSuffix(language))
                        .newline()
                        .element("updated", (items.isEmpty() ? Instant.EPOCH : items.get(0).updatedAt()).toString())
                        .newline();
                for (ListItem item : items) {
                    xml.start("entry").newline()
                            .element("title", item.title()).newline()
                            .element("id", "urn:cms:article:" + item.slug()).newline()
                            .empty("link", "href", url(item.slug())).newline()
                            .element("published", item.publishedAt().toString()).newline()
                            .element("updated", item.updatedAt().toString()).newline()
                            .element("summary", item.summary()).newline();
                    for (ListItem.Named author : item.authors()) {
                        xml.start("author").element("name", author.name()).newline().end().newline();
                    }
                    xml.empty("category", "term", item.category().slug(), "label", item.category().name()).newline()
                            .end().newline();
                }
            });
            return CachedResponse.of(feed, ATOM, keys(category));
        }, ifNoneMatch);
    }

    @GET
    @Path("/articles.json")
    @Produces(JSON_FEED)
    public Response jsonFeed(
            @QueryParam("category") @Pattern(regexp = Slugs.PATTERN, message = "must be a category slug") String category,
            @QueryParam("locale") @Size(max = 35) @Pattern(regexp = ArticleResource.LOCALE_PATTERN, message = ArticleResource.LOCALE_MESSAGE) String locale,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        String language = language(locale);
        return responses.cached("jsonfeed:" + category + ":" + language, () -> {
            List<JsonFeed.ArticleItem> items = newest(category, language).stream()
                    .map(item -> new JsonFeed.ArticleItem("urn:cms:article:" + item.slug(), url(item.slug()),
                            item.title(), item.summary(), item.publishedAt().toString(), item.updatedAt().toString(),
                            item.authors().stream().map(a -> new JsonFeed.Author(a.name())).toList(),
                            item.tags().stream().map(ListItem.Named::name).toList()))
                    .toList();
            return responses.json(JsonFeed.of(title(category), language, items), JSON_FEED, keys(category));
        }, ifNoneMatch);
    }

    @GET
    @Path("/corrections.json")
    @Produces(JSON_FEED)
    public Response corrections(
            @QueryParam("locale") @Size(max = 35) @Pattern(regexp = ArticleResource.LOCALE_PATTERN, message = ArticleResource.LOCALE_MESSAGE) String locale,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        String language = language(locale);
        return responses.cached("corrections:" + language, () -> {
            List<JsonFeed.CorrectionItem> items = corrections.newest(FEED_SIZE, language).stream()
                    .map(c -> new JsonFeed.CorrectionItem("urn:cms:correction:" + c.id(), url(c.slug()),
                            "Correction (" + c.changeClass() + "): " + c.title(), c.note(), c.date().toString()))
                    .toList();
            return responses.json(JsonFeed.of(config.siteName() + " — corrections", language, items), JSON_FEED,
                    List.of("corrections"));
        }, ifNoneMatch);
    }

    private List<ListItem> newest(String category, String locale) {
        catalog.requireKnown("category", CatalogQueries.Kind.CATEGORY, category);
        return store.list(PublishedArticles.Filter.category(category).inLocale(locale), Optional.empty(), FEED_SIZE)
                .items();
    }

    /** The configured locale asked for, the default one when none was; an unconfigured one is refused. */
    private String language(String locale) {
        return locales.requested("locale", locale);
    }

    /** Feeds in the default locale keep the ids they had before feeds had languages. */
    private String languageSuffix(String locale) {
        return locale.equals(locales.defaultLocale()) ? "" : ":" + locale;
    }

    private String title(String category) {
        return config.siteName() + (category == null ? "" : " — " + category);
    }

    private static List<String> keys(String category) {
        return category == null ? List.of("articles") : List.of("articles", "category-" + category);
    }

    private String url(String slug) {
        return config.articleUrl().replace("{slug}", slug);
    }
}
