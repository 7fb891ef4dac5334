package health.cms.delivery.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.LocalName;
import health.cms.core.taxonomy.TagRepository;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A translation is served with its category's and tags' names in its language (falling back to the default
 * name), in the article and its JSON-LD; the source keeps the default names.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class LocalTermNamesDeliveryTest {

    @Test
    void aGermanTranslationShowsTheGermanNamesAndTheOthersTheDefault() {
        Fixtures.ensureBasics();
        QuarkusTransaction.requiringNew().run(() -> {
            Fixtures.bean(CategoryRepository.class).findBySlug("treatments-therapies").orElseThrow()
                    .nameIn("de", new LocalName("Behandlungen & Therapien", "behandlungen"));
            Fixtures.bean(TagRepository.class).findBySlug("cancer").orElseThrow().nameIn("de", new LocalName("Krebs", null));
        });
        Article source = Fixtures.published("names-eczema");
        Fixtures.publishedTranslation(source, "de", "namen-ekzem");
        Fixtures.publishedTranslation(source, "es", "nombres-eccema");

        JsonPath german = given().queryParam("locale", "de-AT").get("/api/v1/articles/names-eczema").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("namen-ekzem", german.getString("slug"));
        assertEquals("treatments-therapies", german.getString("category.slug"));
        assertEquals("Behandlungen & Therapien", german.getString("category.name"));
        assertEquals("behandlungen", german.getString("category.localSlug"));
        assertEquals("Behandlungen & Therapien", german.getString("jsonLd.about.name"));
        assertEquals(List.of("Krebs"), german.getList("tags.name"));
        assertEquals(List.of("cancer"), german.getList("tags.slug"));
        assertTrue(german.getString("jsonLdScript").contains("Behandlungen \\u0026 Therapien"));

        JsonPath english = given().get("/api/v1/articles/names-eczema").then().statusCode(200).extract().jsonPath();
        assertEquals("Treatments & Therapies", english.getString("category.name"));
        assertNull(english.get("category.localSlug"));
        assertEquals(List.of("Cancer"), english.getList("tags.name"));
        JsonPath spanish = given().get("/api/v1/articles/nombres-eccema").then().statusCode(200).extract().jsonPath();
        assertEquals("Treatments & Therapies", spanish.getString("category.name"));
        assertEquals("Treatments & Therapies", spanish.getString("jsonLd.about.name"));

        // the whole list: other tests' categories and tags may fill a first page
        JsonPath categories = given().queryParam("locale", "de-CH").queryParam("limit", 500).get("/api/v1/categories").then()
                .statusCode(200)
                .extract().jsonPath();
        assertEquals("Behandlungen & Therapien",
                categories.getString("find { it.slug == 'treatments-therapies' }.name"));
        assertEquals("Krebs",
                given().queryParam("locale", "de").queryParam("limit", 500).get("/api/v1/tags").then().statusCode(200).extract()
                        .jsonPath().getString("find { it.slug == 'cancer' }.name"));
        assertEquals("Cancer",
                given().queryParam("locale", "es").queryParam("limit", 500).get("/api/v1/tags").then().statusCode(200).extract()
                        .jsonPath().getString("find { it.slug == 'cancer' }.name"));
        assertEquals("Cancer", given().queryParam("limit", 500).get("/api/v1/tags").then().statusCode(200).extract().jsonPath()
                .getString("find { it.slug == 'cancer' }.name"));
        given().queryParam("locale", "<script>").get("/api/v1/categories").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
