package health.cms.delivery.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.apikey.ApiKeyScope;
import health.cms.core.publication.PublicArticle;
import health.cms.delivery.apikey.IssuedKeysAccess;
import health.cms.delivery.catalog.CatalogQueries;
import health.cms.delivery.store.PublishedArticles;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * GraphQL serves lists and catalogs in one query per nested field for a whole page, within its depth and size
 * limits, cacheable by GET and never by POST, and previews only for preview-key holders. (That an article is what
 * REST serves: {@link GraphQLParityTest}.)
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class GraphQLTest {

    @Inject
    ObjectMapper json;
    @Inject
    CatalogQueries catalog;
    @Inject
    PublishedArticles store;

    private Response post(String query) {
        return given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql");
    }

    @Test
    void aMissingOrDraftArticleIsNull() {
        Fixtures.draft("graph-draft");
        post("{ article(slug: \"graph-draft\") { title } }").then().statusCode(200).body("data.article", nullValue());
        post("{ articles(limit: 100) { items { slug } } }").then().body(not(containsString("graph-draft")));
    }

    @Test
    void aPageLoadsItsAuthorsReviewsAndCorrectionsInOneReadEach() {
        for (int i = 0; i < 4; i++) {
            Fixtures.published("graph-batch-" + i);
        }
        AtomicInteger profiles = new AtomicInteger();
        AtomicInteger reviews = new AtomicInteger();
        AtomicInteger corrections = new AtomicInteger();
        QuarkusMock.installMockForType(new ArticleBatches(catalog, store, json) {

            @Override
            public List<List<CatalogQueries.ProfileView>> authorProfiles(List<ArticleSummary> items) {
                profiles.incrementAndGet();
                return super.authorProfiles(items);
            }

            @Override
            public List<PublicArticle.MedicalReview> medicalReviews(List<ArticleSummary> items) {
                reviews.incrementAndGet();
                return super.medicalReviews(items);
            }

            @Override
            public List<List<PublicArticle.CorrectionView>> corrections(List<ArticleSummary> items) {
                corrections.incrementAndGet();
                return super.corrections(items);
            }
        }, ArticleBatches.class);
        post("""
                { articles(limit: 4) { items { slug authorProfiles { slug name bio }
                  medicalReview { reviewerName status } corrections { note } } nextCursor } }""").then()
                .statusCode(200).body("errors", nullValue())
                .body("data.articles.items.size()", equalTo(4))
                .body("data.articles.items[0].authorProfiles[0].name", equalTo("Anna Berg"))
                .body("data.articles.items[3].medicalReview.reviewerName", equalTo("Rita Reviewer"))
                .body("data.articles.nextCursor", notNullValue());
        assertEquals(1, profiles.get(), "author profiles of four articles in one read");
        assertEquals(1, reviews.get(), "medical reviews of four articles in one read");
        assertEquals(1, corrections.get(), "corrections of four articles in one read");
    }

    @Test
    void theListPagesWithTheRestCursorAndRefusesBadArgumentsByName() {
        Fixtures.published("graph-page-a");
        Fixtures.published("graph-page-b");
        String cursor = post("{ articles(limit: 1) { items { slug } nextCursor } }").then().statusCode(200)
                .extract().path("data.articles.nextCursor");
        String restCursor = given().get("/api/v1/articles?limit=1").then().extract().path("nextCursor");
        assertEquals(restCursor, cursor);
        post("{ articles(limit: 1, cursor: \"" + cursor + "\") { items { slug } } }").then()
                .body("data.articles.items.size()", equalTo(1));
        post("{ articles(limit: 500) { items { slug } } }").then().statusCode(200)
                .body("errors[0].message", equalTo("limit: must be a whole number from 1 to 100"));
        post("{ articles(category: \"no-such-category\") { items { slug } } }").then()
                .body("errors[0].message", equalTo("category: unknown category 'no-such-category'"));
        post("{ articles(cursor: \"nonsense\") { items { slug } } }").then()
                .body("errors[0].message", equalTo("cursor: cursor is not a value returned by this API"));
    }

    @Test
    void catalogsCorrectionsAndSearchAnswer() {
        Fixtures.published("graph-catalog");
        post("""
                { categories(limit: 500) { slug name liveArticles } tags(limit: 500) { slug name }
                  authors(limit: 500) { slug name credentials } reviewers(limit: 500) { slug name credentials liveArticles }
                  corrections { slug note } }""").then()
                .statusCode(200).body("errors", nullValue())
                .body("data.categories.name", hasItem("Treatments & Therapies"))
                .body("data.authors.name", hasItem("Anna Berg"))
                .body("data.reviewers.name", hasItem("Rita Reviewer"));
        post("{ search(q: \"\") { items { slug } } }").then().body("errors[0].message", equalTo("q: is required"));
    }

    @Test
    void aQueryDeeperThanEightLevelsIsRefusedBeforeAnythingIsRead() {
        post("{ articles { items { tags { slug } } } }").then().statusCode(200).body("errors", nullValue());
        // ten levels of fragments and fields (GraphQL has no recursion here, so depth is built with introspection)
        post("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }")
                .then().statusCode(200).body("data", nullValue())
                .body("errors[0].message", containsString("maximum query depth exceeded"));
    }

    @Test
    void aGetQueryIsCacheableWithAnEtagAndPostIsNot() {
        Fixtures.published("graph-cache");
        String query = "{ article(slug: \"graph-cache\") { title } }";
        var first = given().queryParam("query", query).get("/graphql").then().statusCode(200)
                .header("Cache-Control", containsString("public")).header("Surrogate-Key", "articles")
                .body("data.article.title", equalTo("Article graph-cache")).extract();
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), etag);
        given().queryParam("query", query).header("If-None-Match", etag).get("/graphql").then().statusCode(304);
        given().queryParam("query", query).get("/graphql").then().statusCode(200).header("ETag", etag);
        post(query).then().statusCode(200).header("Cache-Control", "private, no-store").header("ETag", nullValue())
                .body("data.article.title", equalTo("Article graph-cache"));
        // an answer with errors is never stored
        given().queryParam("query", "{ articles(limit: 0) { nextCursor } }").get("/graphql").then()
                .header("Cache-Control", "private, no-store").header("ETag", nullValue());
    }

    @Test
    void aPreviewNeedsAPreviewKeyAndIsNeverCached() {
        Fixtures.draft("graph-preview");
        String query = "{ preview(slug: \"graph-preview\") { state signed workingRevision article { title medicalReview { status } } } }";
        post(query).then().statusCode(200).body("data.preview", nullValue())
                .body("errors[0].message", containsString("Preview key required"));
        String key = IssuedKeysAccess.working("Graph preview", ApiKeyScope.PREVIEW);
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("data.preview.state", equalTo("draft")).body("data.preview.signed", equalTo(false))
                .body("data.preview.article.title", equalTo("Article graph-preview"))
                .body("data.preview.article.medicalReview.status", equalTo("not-signed"));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + key).queryParam("query", query).get("/graphql").then()
                    .statusCode(200).header("Cache-Control", "private, no-store").header("ETag", nullValue())
                    .body("data.preview.state", equalTo("draft"));
        }
        given().queryParam("query", query).get("/graphql").then().body("data.preview", nullValue())
                .body("errors[0].message", containsString("Preview key required"));
    }

    @Test
    void aMalformedOrOversizedQueryIsRefusedWithAProblem() {
        String padding = " ".repeat(GraphHttp.MAX_QUERY);
        post("{ categories { slug } }" + padding).then().statusCode(413)
                .contentType("application/problem+json").body("type", containsString("graphql-query-too-large"));
        given().queryParam("query", "{ categories { slug } }" + padding).get("/graphql").then().statusCode(413)
                .contentType("application/problem+json");
        given().get("/graphql").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"query\": 42}").post("/graphql").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("query"));
        given().contentType(ContentType.TEXT).body("{ categories { slug } }").post("/graphql").then().statusCode(415)
                .contentType("application/problem+json");
        String deep = "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500);
        given().contentType(ContentType.JSON).body("{\"query\": \"{ tags { slug } }\", \"variables\": " + deep + "}")
                .post("/graphql").then().statusCode(400).contentType("application/problem+json");
        given().options("/graphql/schema.graphql").then().statusCode(204);
    }

    @Test
    void restStillRefusesBadParametersWithA400AfterGraphQLRanOnTheSameThreads() {
        for (int i = 0; i < 20; i++) {
            post("{ articles(limit: 1) { items { slug } } }").then().statusCode(200);
            given().queryParam("query", "{ tags(limit: " + (i + 1) + ") { slug } }").get("/graphql").then()
                    .statusCode(200);
            given().get("/api/v1/articles/a.b").then().statusCode(400).contentType("application/problem+json");
        }
        post("{ nope }").then().statusCode(200).body("errors[0].message", notNullValue())
                .body(not(containsString("Exception")));
        post("{{7*7}}").then().statusCode(200).body("errors[0].message", notNullValue()).body(not(containsString("Exception")));
    }

    @Test
    void theSchemaDocumentAndTheOpenApiDescriptionPointDevelopersToGraphQL() {
        String schema = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        assertTrue(
                schema.replaceAll("\\s+", " ")
                        .matches("(?s).* article\\( \"[^\"]*\" locale: String, slug: String! \\): Article .*"),
                schema);
        assertTrue(schema.contains("preview("), schema);
        assertFalse(schema.contains("Mutation"), "the GraphQL API is read-only");
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.description", containsString("/graphql/schema.graphql"));
    }
}
