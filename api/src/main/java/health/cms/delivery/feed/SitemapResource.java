package health.cms.delivery.feed;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import health.cms.core.refusal.WholeNumber;
import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.DeliveryConfig;
import health.cms.delivery.http.Responses;
import health.cms.delivery.store.PublishedArticles;

/** The sitemap of live articles with their last change. */
@Path("/sitemap.xml")
public class SitemapResource {

    static final int SITEMAP_PAGE = 50_000;
    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** Where {@code <xhtml:link rel="alternate" hreflang="...">} comes from (Google's sitemap extension). */
    static final String XHTML = "http://www.w3.org/1999/xhtml";

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
        int page = WholeNumber.parse("page", pageParam, 0, 1, 10_000);
        return responses.cached("sitemap:" + page, () -> {
            long total = store.count();
            byte[] sitemap;
            if (page == 0 && total > SITEMAP_PAGE) {
                String site = config.articleUrl().replaceAll("/api/v1/.*$", "");
                sitemap = XmlDocument.write("UTF-8", "sitemapindex", NAMESPACE, xml -> {
                    for (long p = 1; (p - 1) * SITEMAP_PAGE < total; p++) {
                        xml.start("sitemap").element("loc", site + "/sitemap.xml?page=" + p).end().newline();
                    }
                });
            } else {
                int offset = page == 0 ? 0 : (page - 1) * SITEMAP_PAGE;
                sitemap = XmlDocument.write("UTF-8", "urlset", NAMESPACE, Map.of("xhtml", XHTML), xml -> {
                    for (PublishedArticles.LastChange change : store.sitemap(offset, SITEMAP_PAGE)) {
                        xml.start("url").element("loc", url(change.slug()))
                                .element("lastmod", change.updatedAt().toString());
                        // every language of a translated article names all of them, itself included
                        if (change.family().size() > 1) {
                            for (PublishedArticles.Language language : change.family()) {
                                xml.emptyIn("xhtml", XHTML, "link", "rel", "alternate", "hreflang", language.locale(),
                                        "href", url(language.slug()));
                            }
                        }
                        xml.end().newline();
                    }
                });
            }
            return CachedResponse.of(sitemap, "application/xml", List.of("sitemap"));
        }, ifNoneMatch);
    }

    private String url(String slug) {
        return config.articleUrl().replace("{slug}", slug);
    }
}
