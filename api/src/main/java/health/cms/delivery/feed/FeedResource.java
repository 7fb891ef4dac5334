package health.cms.delivery.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import health.cms.core.slug.Slugs;
import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.DeliveryConfig;
import health.cms.delivery.http.Responses;
import health.cms.delivery.problem.BadParameterException;
import health.cms.delivery.store.ListItem;
import health.cms.delivery.store.PublishedArticles;

/**
 * Feeds of new and updated live articles (Atom and JSON Feed, optionally per category), a public
 * corrections feed.
 */
@Path("/api/v1/feeds")
public class FeedResource {

    static final int FEED_SIZE = 50;
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";

    @Inject
    PublishedArticles store;
    @Inject
    Responses responses;
    @Inject
    DeliveryConfig config;

    @GET
    @Path("/articles.atom")
    @Produces(ATOM)
    public Response atom(
            @QueryParam("category") @Pattern(regexp = Slugs.PATTERN, message = "must be a category slug") String category,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.cached("atom:" + category, () -> {
            List<ListItem> items = newest(category);
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                    .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                    .append(element("title", config.siteName() + (category == null ? "" : " — " + category)))
                    .append(element("id", "urn:cms:feed:articles:" + (category == null ? "all" : category)))
                    .append(element("updated",
                            items.isEmpty() ? Instant.EPOCH.toString() : items.get(0).updatedAt().toString()));
            for (ListItem item : items) {
                xml.append("<entry>\n")
                        .append(element("title", item.title()))
                        .append(element("id", "urn:cms:article:" + item.slug()))
                        .append("<link href=\"").append(xml(url(item.slug()))).append("\"/>\n")
                        .append(element("published", item.publishedAt().toString()))
                        .append(element("updated", item.updatedAt().toString()))
                        .append(element("summary", item.summary()));
                item.authors().forEach(a -> xml.append("<author>").append(element("name", a.name())).append("</author>\n"));
                xml.append("<category term=\"").append(xml(item.category().slug())).append("\" label=\"")
                        .append(xml(item.category().name())).append("\"/>\n</entry>\n");
            }
            xml.append("</feed>\n");
            return CachedResponse.of(xml.toString(), ATOM, keys(category));
        }, ifNoneMatch);
    }

    @GET
    @Path("/articles.json")
    @Produces(JSON_FEED)
    public Response jsonFeed(
            @QueryParam("category") @Pattern(regexp = Slugs.PATTERN, message = "must be a category slug") String category,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.cached("jsonfeed:" + category, () -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (ListItem item : newest(category)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", "urn:cms:article:" + item.slug());
                entry.put("url", url(item.slug()));
                entry.put("title", item.title());
                entry.put("summary", item.summary());
                entry.put("date_published", item.publishedAt().toString());
                entry.put("date_modified", item.updatedAt().toString());
                entry.put("authors", item.authors().stream().map(a -> Map.of("name", a.name())).toList());
                entry.put("tags", item.tags().stream().map(ListItem.Named::name).toList());
                items.add(entry);
            }
            Map<String, Object> feed = new LinkedHashMap<>();
            feed.put("version", "https://jsonfeed.org/version/1.1");
            feed.put("title", config.siteName() + (category == null ? "" : " — " + category));
            feed.put("items", items);
            return responses.json(feed, JSON_FEED, keys(category));
        }, ifNoneMatch);
    }

    @GET
    @Path("/corrections.json")
    @Produces(JSON_FEED)
    public Response corrections(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.cached("corrections", () -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Map<String, Object> c : store.corrections(FEED_SIZE)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", "urn:cms:correction:" + c.get("id"));
                entry.put("url", url((String) c.get("slug")));
                entry.put("title", "Correction (" + c.get("changeClass") + "): " + c.get("title"));
                entry.put("content_text", c.get("note"));
                entry.put("date_published", c.get("date").toString());
                items.add(entry);
            }
            Map<String, Object> feed = new LinkedHashMap<>();
            feed.put("version", "https://jsonfeed.org/version/1.1");
            feed.put("title", config.siteName() + " — corrections");
            feed.put("items", items);
            return responses.json(feed, JSON_FEED, List.of("corrections"));
        }, ifNoneMatch);
    }

    private List<ListItem> newest(String category) {
        if (category != null && !store.exists("category", category)) {
            throw new BadParameterException("category", "unknown category '" + category + "'");
        }
        return store.list(new PublishedArticles.Filter(category, null, null, null, null), Optional.empty(), FEED_SIZE)
                .items();
    }

    private static List<String> keys(String category) {
        return category == null ? List.of("articles") : List.of("articles", "category-" + category);
    }

    String url(String slug) {
        return config.articleUrl().replace("{slug}", slug);
    }

    private static String element(String name, String text) {
        return "<" + name + ">" + xml(text) + "</" + name + ">\n";
    }

    static String xml(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                        .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }
}
