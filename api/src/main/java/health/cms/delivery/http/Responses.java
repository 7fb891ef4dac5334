package health.cms.delivery.http;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Turns views into cacheable bodies and bodies into HTTP answers with ETag, 304 revalidation and
 * the CDN headers; every delivery resource answers through here.
 */
@ApplicationScoped
public class Responses {

    private final ResponseCache cache;
    private final ObjectMapper json;
    private final CurrentVertxRequest request;
    private final String cacheControl;

    Responses(DeliveryConfig config, ResponseCache cache, ObjectMapper json, CurrentVertxRequest request) {
        this.cache = cache;
        this.json = json;
        this.request = request;
        this.cacheControl = "public, max-age=" + config.maxAgeSeconds() + ", stale-while-revalidate="
                + config.staleWhileRevalidateSeconds();
    }

    /** Answers from the cache, rendering on a miss; a null rendering is a 404. */
    public Response cached(String key, Supplier<CachedResponse> render, String ifNoneMatch) {
        CachedResponse cached = cache.get(key, ResponseCache.requestKey(request.getCurrent().request().uri()), render);
        if (cached == null) {
            throw new NotFoundException();
        }
        return of(cached, ifNoneMatch);
    }

    public CachedResponse json(Object value, List<String> surrogateKeys) {
        return json(value, MediaType.APPLICATION_JSON, surrogateKeys);
    }

    public CachedResponse json(Object value, String contentType, List<String> surrogateKeys) {
        try {
            return CachedResponse.of(json.writeValueAsBytes(value), contentType, surrogateKeys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Views are plain records and maps", e);
        }
    }

    public Response of(CachedResponse cached, String ifNoneMatch) {
        Response.ResponseBuilder response = cached.matches(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(cached.body(), cached.contentType());
        if (cached.next() != null) {
            response.header("Link", "<" + cached.next() + ">; rel=\"next\"");
        }
        if (cached.locales() != null && cached.locales().locale() != null) {
            response.header("Content-Language", cached.locales().locale());
        }
        return response
                .tag(new EntityTag(cached.etag().substring(1, cached.etag().length() - 1)))
                .header("Cache-Control", cacheControl)
                .header("Surrogate-Key", String.join(" ", cached.surrogateKeys()))
                .header("Vary", vary(cached))
                .build();
    }

    /** What a shared cache must key this answer on: an article's language is negotiated too. */
    static String vary(CachedResponse cached) {
        return cached.locales() == null ? "Accept-Encoding" : "Accept-Encoding, Accept-Language";
    }

    /** The {@code Cache-Control} value of every cacheable answer. */
    public String cacheControl() {
        return cacheControl;
    }
}
