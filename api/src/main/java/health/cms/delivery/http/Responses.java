package health.cms.delivery.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** Turns a rendered body into an HTTP answer with ETag, 304 revalidation and CDN headers. */
@ApplicationScoped
public class Responses {

    private final DeliveryConfig config;

    Responses(DeliveryConfig config) {
        this.config = config;
    }

    public Response of(CachedResponse cached, String ifNoneMatch) {
        Response.ResponseBuilder response = matches(ifNoneMatch, cached.etag())
                ? Response.notModified()
                : Response.ok(cached.body(), cached.contentType());
        return response
                .tag(new EntityTag(cached.etag().substring(1, cached.etag().length() - 1)))
                .header("Cache-Control", "public, max-age=" + config.maxAgeSeconds() + ", stale-while-revalidate="
                        + config.staleWhileRevalidateSeconds())
                .header("Surrogate-Key", String.join(" ", cached.surrogateKeys()))
                .header("Vary", "Accept-Encoding")
                .build();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
