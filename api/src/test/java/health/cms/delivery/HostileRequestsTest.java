package health.cms.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.testing.DatabaseSnapshot;
import health.cms.core.testing.hostile.Endpoint;
import health.cms.core.testing.hostile.Endpoint.Kind;
import health.cms.core.testing.hostile.HostileRequest;
import health.cms.core.testing.hostile.HostileRequests;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Thousands of generated malformed requests against every endpoint of the delivery API: none may
 * answer 5xx or name our internals, every 4xx is problem+json, and the database is unchanged.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class HostileRequestsTest {

    static final long SEED = Long.getLong("hostile.seed", 20_261_207L);
    static final int REQUESTS = Integer.getInteger("hostile.requests", 6_000);

    private static final byte[] MEDIA = health.cms.core.media.TestImages
            .write(health.cms.core.media.TestImages.redLeftBlueRight(20, 20), "png");
    private static final String MEDIA_HASH = health.cms.core.media.ImagePipeline.sha256(MEDIA);

    @Inject
    DataSource database;
    @Inject
    health.cms.core.media.BlobStore media;

    @Test
    void malformedRequestsAreRefusedCleanlyAndChangeNothing() {
        String cursor = content();
        List<Endpoint> endpoints = List.of(
                Endpoint.get("/api/v1/articles/{slug}").path("slug", Kind.SLUG, "hostile-live-1")
                        .query("locale", Kind.CHOICE, "de"),
                Endpoint.get("/api/v1/articles/{slug}").path("slug", Kind.SLUG, "hostile-old-name"),
                Endpoint.get("/api/v1/articles").query("category", Kind.SLUG, "treatments-therapies")
                        .query("tag", Kind.SLUG, "cancer").query("author", Kind.SLUG, "anna-berg")
                        .query("reviewStatus", Kind.CHOICE, "current").query("updatedSince", Kind.TIME, "2020-01-01T00:00:00Z")
                        .query("limit", Kind.NUMBER, "2").query("cursor", Kind.CURSOR, cursor),
                Endpoint.get("/api/v1/search").requiredQuery("q", Kind.TEXT, "section").query("limit", Kind.NUMBER, "2")
                        .query("cursor", Kind.CURSOR, cursor).query("category", Kind.SLUG, "treatments-therapies")
                        .query("tag", Kind.SLUG, "cancer").query("author", Kind.SLUG, "anna-berg")
                        .query("reviewer", Kind.SLUG, "rita-reviewer").query("reviewedWithin", Kind.NUMBER, "12")
                        .query("facets", Kind.CHOICE, "category,tag,reviewedWithin"),
                Endpoint.get("/api/v1/search/suggest").requiredQuery("q", Kind.TEXT, "sect").query("limit", Kind.NUMBER, "5"),
                Endpoint.get("/api/v1/authors/{slug}").path("slug", Kind.SLUG, "anna-berg"),
                Endpoint.get("/api/v1/categories").query("locale", Kind.CHOICE, "de"),
                Endpoint.get("/api/v1/tags").query("locale", Kind.CHOICE, "de-AT"),
                Endpoint.get("/api/v1/feeds/articles.atom").query("category", Kind.SLUG, "treatments-therapies")
                        .query("locale", Kind.CHOICE, "de"),
                Endpoint.get("/api/v1/feeds/articles.json").query("category", Kind.SLUG, "treatments-therapies")
                        .query("locale", Kind.CHOICE, "en"),
                Endpoint.get("/api/v1/feeds/corrections.json").query("locale", Kind.CHOICE, "es"),
                Endpoint.get("/sitemap.xml").query("page", Kind.NUMBER, "1"),
                Endpoint.get("/api/v1/categories").header("X-Api-Key", "cms_notAKeyOfThisApiAtAll"),
                Endpoint.get("/api/v1/tags").header("Authorization", "Bearer cms_notAKeyOfThisApiAtAll"),
                Endpoint.get("/api/v1/preview/articles/{slug}").path("slug", Kind.SLUG, "hostile-draft")
                        .header("X-Api-Key", "cms_notAKeyOfThisApiAtAll"),
                Endpoint.get("/media/{hash}/{name}").path("hash", Kind.TEXT, MEDIA_HASH).path("name", Kind.TEXT, "320.png"),
                Endpoint.get("/graphql").requiredQuery("query", Kind.TEXT, "{ articles(limit: 2) { items { slug title } } }")
                        .query("variables", Kind.TEXT, "{}").query("operationName", Kind.TEXT, ""),
                Endpoint.of("POST", "/graphql").json(Map.of("query",
                        "query Page($limit: Int) { articles(limit: $limit) { items { slug authorProfiles { name } } } }",
                        "variables", Map.of("limit", 2))),
                Endpoint.of("POST", "/graphql").json(Map.of("query", "{ preview(slug: \"hostile-draft\") { state } }")),
                Endpoint.get("/graphql/schema.graphql"),
                Endpoint.get("/q/health/ready"),
                Endpoint.get("/q/openapi"));
        List<HostileRequest> requests = HostileRequests.generate(SEED, REQUESTS, endpoints, (draft, random) -> {
            // The public API has no writes, so nothing needs guarding: every write must be refused. It reads
            // no bodies either and refuses any at the door; most requests drop theirs to reach the resources.
            if (random.nextInt(4) > 0) {
                draft.json = null;
                draft.form = null;
                draft.body = null;
            }
        });

        DatabaseSnapshot before = DatabaseSnapshot.settled(database, Duration.ofSeconds(10));
        HostileRequests.Report report = HostileRequests.run("localhost", RestAssured.port, requests,
                new HostileRequests.Rules(r -> !r.normalizedPath().startsWith("/q/"), r -> false,
                        // A GraphQL query sent by POST is a read (the schema has no mutations).
                        (r, response) -> r.method().equals("POST") && r.normalizedPath().equals("/graphql")));
        DatabaseSnapshot after = DatabaseSnapshot.of(database);

        report.write(java.nio.file.Path.of("target", "hostile-requests-api.txt"));
        System.out.println("api: " + report.summary());
        assertTrue(report.failures().isEmpty(), report.failures().size() + " of " + report.requests()
                + " answers broke a rule; the first ones:\n" + String.join("\n", report.failures().subList(0,
                        Math.min(40, report.failures().size()))));
        assertEquals(Map.of(), before.differences(after), "hostile requests changed the database");
        assertEquals(REQUESTS, report.requests());
    }

    /** Live articles (enough for a second page), hidden ones, a renamed slug; returns a real list cursor. */
    private String content() {
        media.put(MEDIA_HASH, "320.png", MEDIA);
        for (int i = 1; i <= 4; i++) {
            Fixtures.published("hostile-live-" + i);
        }
        Fixtures.draft("hostile-draft");
        Article renamed = Fixtures.published("hostile-old-name");
        Fixtures.drafting().renameSlug(Fixtures.EDITOR1, renamed.id(), renamed.version(), "hostile-new-name");
        return given().get("/api/v1/articles?limit=2").then().statusCode(200).extract().path("nextCursor");
    }
}
