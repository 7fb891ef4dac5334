package health.cms.delivery.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The catalog's JSON keeps its field names, their order and its nulls, which downstream parsers may rely on. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CatalogResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void categoriesTagsAndAuthorPagesHaveTheirFieldsInADocumentedOrder() throws Exception {
        Fixtures.published("catalog-fields");
        JsonNode category = bySlug(read("/api/v1/categories"), "treatments-therapies");
        assertEquals(List.of("slug", "name", "description", "reviewIntervalMonths", "liveArticles"), fields(category));
        assertEquals("", category.path("description").asText(), "no description is an empty text, not null");
        assertEquals(List.of("slug", "name", "liveArticles"), fields(bySlug(read("/api/v1/tags"), "cancer")));
        JsonNode author = read("/api/v1/authors/anna-berg");
        assertEquals(List.of("slug", "name", "credentials", "bio", "website", "avatarUrl", "specialties", "author",
                "reviewer", "articles"), fields(author));
        assertEquals(true, author.path("avatarUrl").isNull(), "a missing avatar is an explicit null");
        assertEquals(true, author.path("author").asBoolean());
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
