package health.cms.delivery.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A repeated request is answered from the cache on the event loop; the answer must be the one the
 * resource gave, byte for byte and header for header, and a change must reach it as it reaches the
 * resource's entry.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class CachedAnswersTest {

    private static final AtomicBoolean PUBLISHED = new AtomicBoolean();

    @Inject
    ResponseCache cache;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles/fast-path-article", "/api/v1/articles?category=treatments-therapies&limit=2",
            "/api/v1/categories", "/api/v1/feeds/articles.atom", "/api/v1/search?q=fast"})
    void aRepeatedRequestGetsTheResourcesAnswerExactly(String uri) {
        publishOnce();
        Response fromResource = fromResource(uri);
        assertEquals(200, fromResource.statusCode(), fromResource.asString());
        assertNotNull(cache.ready(ResponseCache.requestKey(uri)), "the resource's answer is kept for this request");

        Response fromCache = given().get(uri);
        assertArrayEquals(fromResource.asByteArray(), fromCache.asByteArray());
        assertEquals(headers(fromResource), headers(fromCache));

        String etag = fromCache.header("ETag");
        Response revalidated = given().header("If-None-Match", etag).get(uri);
        assertEquals(304, revalidated.statusCode());
        assertEquals(etag, revalidated.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles/fast-path-article", "/api/v1/categories"})
    void aNarrowerAcceptGoesToTheResource(String uri) {
        publishOnce();
        given().get(uri).then().statusCode(200);
        given().accept("text/html").get(uri).then().statusCode(406);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles/fast-path-article", "/api/v1/articles?limit=3"})
    void aChangeEvictsTheFastAnswer(String uri) {
        publishOnce();
        given().get(uri).then().statusCode(200);
        cache.changed("fast-path-article");
        assertNull(cache.ready(ResponseCache.requestKey(uri)));
    }

    /**
     * The resource's own answer, kept for the fast path. A change heard while it rendered (another test's
     * publication reaching the listeners) rightly keeps it from being aliased, so that request is made again.
     */
    private Response fromResource(String uri) {
        Response answer = null;
        for (int attempt = 0; attempt < 20
                && (answer == null || cache.ready(ResponseCache.requestKey(uri)) == null); attempt++) {
            cache.clear();
            answer = given().get(uri);
        }
        return answer;
    }

    private static void publishOnce() {
        if (PUBLISHED.compareAndSet(false, true)) {
            Fixtures.published("fast-path-article");
        }
    }

    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().forEach(h -> headers.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b));
        return headers;
    }
}
