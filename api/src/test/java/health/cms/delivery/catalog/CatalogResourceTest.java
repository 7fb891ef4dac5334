package health.cms.delivery.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.delivery.testing.Publishing;
import health.cms.delivery.testing.Refusals;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The catalog's JSON keeps its field names, their order and its nulls, which downstream parsers may rely on,
 * and its lists come in pages of a bounded size.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class CatalogResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void categoriesTagsAndAuthorPagesHaveTheirFieldsInADocumentedOrder() throws Exception {
        Fixtures.published("catalog-fields");
        JsonNode category = bySlug(read("/api/v1/categories?limit=500"), "treatments-therapies");
        assertEquals(List.of("slug", "name", "description", "reviewIntervalMonths", "liveArticles"), fields(category));
        assertEquals("", category.path("description").asText(), "no description is an empty text, not null");
        assertEquals(List.of("slug", "name", "liveArticles"), fields(bySlug(read("/api/v1/tags?limit=500"), "cancer")));
        JsonNode author = read("/api/v1/authors/anna-berg");
        assertEquals(List.of("slug", "name", "credentials", "bio", "website", "avatarUrl", "specialties", "author",
                "reviewer", "articles"), fields(author));
        assertEquals(true, author.path("avatarUrl").isNull(), "a missing avatar is an explicit null");
        assertEquals(true, author.path("author").asBoolean());
    }

    @Test
    void categoryAndTagListsCannotBeAskedForMoreThanTheMaximumPage() throws Exception {
        Fixtures.published("catalog-page-one");
        QuarkusTransaction.requiringNew().run(() -> Fixtures.bean(CategoryRepository.class).findBySlug("prevention")
                .ifPresentOrElse(c -> {
                }, () -> Fixtures.bean(CategoryRepository.class)
                        .persist(new Category("prevention", "Prevention", null, 12, Instant.now()))));
        ArticleInput input = Fixtures.input("catalog-page-two", "Second category", "## A\n\nText.");
        Publishing.publish(Fixtures.drafting().create(Fixtures.WRITER1, new ArticleInput(input.slug(), input.title(),
                input.summary(), input.body(), "prevention", input.authors(), input.tags(), input.references(),
                input.changeNote())));

        Response first = given().get("/api/v1/categories?limit=1");
        first.then().statusCode(200).body("size()", equalTo(1))
                .header("Link", equalTo("</api/v1/categories?limit=1&offset=1>; rel=\"next\""));
        JsonNode second = JSON.readTree(given().get("/api/v1/categories?limit=1&offset=1").then().statusCode(200)
                .extract().asString());
        assertEquals(1, second.size());
        assertNotEquals(JSON.readTree(first.asString()).get(0).path("slug"), second.get(0).path("slug"));
        given().get("/api/v1/categories?limit=500").then().statusCode(200).header("Link", nullValue());

        Refusals.assertBadParameter("/api/v1/categories?limit=501", "limit");
        Refusals.assertBadParameter("/api/v1/tags?limit=100000", "limit");
        Refusals.assertBadParameter("/api/v1/tags?offset=-1", "offset");
    }

    private static JsonNode read(String url) throws Exception {
        return JSON.readTree(given().get(url).then().statusCode(200).extract().asString());
    }

    private static JsonNode bySlug(JsonNode list, String slug) {
        for (JsonNode entry : list) {
            if (entry.path("slug").asText().equals(slug)) {
                return entry;
            }
        }
        throw new AssertionError(slug + " not in " + list);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
