package health.cms.delivery.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.core.media.MediaDescription;
import health.cms.core.media.TestImages;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** GraphQL serves an article exactly as REST serves it, from the same views, in each language REST has. */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class GraphQLParityTest {

    /** What to ask for a list that is empty in the REST answer (its order cannot matter then). */
    private static final Map<String, String> EMPTY_LISTS = Map.of("corrections", "{ date changeClass note }",
            "references", "{ citation }", "tags", "{ slug }", "tableOfContents", "{ text }", "authors", "{ slug }",
            "translations", "{ locale slug source url }", "images", "{ sha256 }");

    @Inject
    ObjectMapper json;

    private Response post(String query) {
        return given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql");
    }

    @Test
    void anArticleHasExactlyTheFieldsRestServesByteForByte() throws Exception {
        Fixtures.ensureBasics();
        // with a library image in its body and as its lead, so images and leadImage are compared field by field too
        // 700 pixels wide: two renditions, so their list is compared too
        String picture = Fixtures.storedMediaAsset(TestImages.write(TestImages.redLeftBlueRight(700, 350), "png"), 700,
                350, new MediaDescription("A peak flow meter", "Reading it", "Photo: Desk", "CC BY 4.0", null, 0.5, 0.5,
                        List.of(), false, null));
        var pictured = Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.withLeadImage(Fixtures.input(
                "graph-parity", "Graph parity", "## Section\n\nText.\n\n![Meter](media:" + picture + ")"), picture));
        pictured = Fixtures.transitions().apply(Fixtures.WRITER1, pictured.id(), pictured.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Fixtures.transitions().apply(Fixtures.REVIEWER1, pictured.id(), pictured.version(),
                TransitionRequest.of(EditorialAction.APPROVE));
        ObjectNode rest = (ObjectNode) json.readTree(given().get("/api/v1/articles/graph-parity").then().statusCode(200)
                .extract().asByteArray());
        // The schema.org object is served to GraphQL as its text only (jsonLdScript), which is compared.
        rest.remove("jsonLd");
        // Every field REST sends, asked for in the order REST sends it.
        JsonNode graph = json.readTree(post("{ article(slug: \"graph-parity\") " + selection(rest) + " }").then()
                .statusCode(200).extract().asByteArray());
        assertTrue(graph.path("errors").isMissingNode(), graph.toString());
        assertEquals(json.writeValueAsString(rest), json.writeValueAsString(graph.path("data").path("article")));
        assertEquals("Rita Reviewer", graph.path("data").path("article").path("medicalReview").path("reviewerName")
                .asText());
    }

    /** What to ask for an object that is null in the REST answer. */
    private static final Map<String, String> NULL_OBJECTS = Map.of("translation",
            "{ status sourceChangedAt sourceChangeClass sourceLocale }", "leadImage", "{ sha256 }");

    @Test
    void aTranslationAndItsSourceHaveTheirLanguagesAsRestServesThem() throws Exception {
        health.cms.core.article.Article source = Fixtures.published("graph-language-source");
        Fixtures.publishedTranslation(source, "de", "graph-sprache");
        for (String slug : List.of("graph-language-source", "graph-sprache")) {
            ObjectNode rest = (ObjectNode) json.readTree(given().get("/api/v1/articles/" + slug).then().statusCode(200)
                    .extract().asByteArray());
            rest.remove("jsonLd");
            JsonNode graph = json.readTree(post("{ article(slug: \"" + slug + "\") " + selection(rest) + " }").then()
                    .statusCode(200).extract().asByteArray());
            assertTrue(graph.path("errors").isMissingNode(), graph.toString());
            assertEquals(json.writeValueAsString(rest), json.writeValueAsString(graph.path("data").path("article")));
        }
        post("{ article(slug: \"graph-sprache\") { locale translation { status sourceChangedAt sourceChangeClass "
                + "sourceLocale } translations { locale slug source url } } }").then().statusCode(200)
                .body("data.article.locale", equalTo("de"))
                .body("data.article.translation.status", equalTo("current"))
                .body("data.article.translation.sourceLocale", equalTo("en"))
                .body("data.article.translations[0].locale", equalTo("en"))
                .body("data.article.translations[0].slug", equalTo("graph-language-source"))
                .body("data.article.translations[0].source", equalTo(true))
                .body("data.article.translations[0].url", containsString("/graph-language-source"));
    }

    @Test
    void aLocaleArgumentChoosesTheLanguageWithTheFallbackOfRest() {
        health.cms.core.article.Article source = Fixtures.published("graph-fallback-source");
        Fixtures.publishedTranslation(source, "es", "graph-respaldo");
        post("{ article(slug: \"graph-fallback-source\", locale: \"es-MX\") { slug locale } }").then().statusCode(200)
                .body("data.article.slug", equalTo("graph-respaldo")).body("data.article.locale", equalTo("es"));
        post("{ article(slug: \"graph-respaldo\", locale: \"fr\") { slug locale } }").then().statusCode(200)
                .body("data.article.slug", equalTo("graph-fallback-source")).body("data.article.locale", equalTo("en"));
        post("{ article(slug: \"graph-respaldo\") { slug } }").then().statusCode(200)
                .body("data.article.slug", equalTo("graph-respaldo"));
        post("{ article(slug: \"graph-respaldo\", locale: \"<script>\") { slug } }").then().statusCode(200)
                .body("errors[0].message", containsString("locale"));
        post("{ corrections(locale: \"xx\") { title } }").then().statusCode(200)
                .body("errors[0].message", containsString("locale"));
    }

    /** A GraphQL selection of every field of this JSON object, in its order. */
    private static String selection(JsonNode object) {
        StringBuilder fields = new StringBuilder("{");
        object.fieldNames().forEachRemaining(name -> {
            JsonNode value = object.get(name);
            fields.append(' ').append(name);
            if (value.isNull()) {
                fields.append(' ').append(NULL_OBJECTS.getOrDefault(name, ""));
            } else if (value.isObject()) {
                fields.append(' ').append(selection(value));
            } else if (value.isArray() && value.isEmpty()) {
                fields.append(' ').append(EMPTY_LISTS.getOrDefault(name, ""));
            } else if (value.isArray() && value.get(0).isObject()) {
                fields.append(' ').append(selection(value.get(0)));
            }
        });
        return fields.append(" }").toString();
    }
}
