package health.cms.delivery.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.DeliveryConfig;
import health.cms.delivery.http.Responses;
import health.cms.delivery.problem.BadParameterException;
import health.cms.delivery.store.PublishedArticles;

/** The sitemap of live articles with their last change. */
@Path("/sitemap.xml")
public class SitemapResource {

    static final int SITEMAP_PAGE = 50_000;

    @Inject
    PublishedArticles store;
    @Inject
    Responses responses;
    @Inject
    DeliveryConfig config;

    /** The sitemap; beyond 50,000 articles it becomes an index of numbered pages. */
    @GET
    @Produces("application/xml")
    public Response sitemap(@QueryParam("page") String pageParam, @HeaderParam("If-None-Match") String ifNoneMatch) {
        int page = BadParameterException.number("page", pageParam, 0, 1, 10_000);
        return responses.cached("sitemap:" + page, () -> {
            long total = store.count();
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            if (page == 0 && total > SITEMAP_PAGE) {
                xml.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                for (long p = 1; (p - 1) * SITEMAP_PAGE < total; p++) {
                    xml.append("<sitemap><loc>").append(FeedResource.xml(config.articleUrl().replaceAll("/api/v1/.*$", "")))
                            .append("/sitemap.xml?page=").append(p).append("</loc></sitemap>\n");
                }
                xml.append("</sitemapindex>\n");
            } else {
                int offset = page == 0 ? 0 : (page - 1) * SITEMAP_PAGE;
                xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                for (Map.Entry<String, Instant> entry : store.sitemap(offset, SITEMAP_PAGE)) {
                    xml.append("<url><loc>").append(FeedResource.xml(config.articleUrl().replace("{slug}", entry.getKey())))
                            .append("</loc><lastmod>")
                            .append(entry.getValue()).append("</lastmod></url>\n");
                }
                xml.append("</urlset>\n");
            }
            return CachedResponse.of(xml.toString(), "application/xml", List.of("sitemap"));
        }, ifNoneMatch);
    }
}
