package health.cms.delivery.search;

import static health.cms.delivery.testing.Publishing.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.delivery.testing.Eventually;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TranslationService;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The delivery API's search as readers use it, over articles published through the real workflow. */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class SearchResourceTest {

    @BeforeAll
    static void content() {
        Fixtures.ensureBasics();
        publish(Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.input("sr-infarction",
                "Myocardial infarction in women", "## Warning signs\n\nJaw pain and nausea can be the only signs.")));
        publish(Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.input("sr-chemo-lay",
                "Chemo at home", "## Before the first cycle\n\nWhat to pack for the infusion day.")));
        Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.input("sr-draft", "Zqsrdraftonly heart attack draft",
                "## Section\n\nNever live."));
    }

    /** The index hears of the publications above over NOTIFY; the HTTP port is known only once a test runs. */
    @BeforeEach
    void indexed() {
        Eventually.check(() -> given().get("/api/v1/search?q=chemo").then().body("items.slug", hasItem("sr-chemo-lay")));
    }

    @Test
    void layWordsFindClinicalPagesAndBack() {
        given().get("/api/v1/search?q=heart attack").then().statusCode(200).body("items[0].slug", equalTo("sr-infarction"))
                .body("items.slug", not(hasItem("sr-draft")));
        given().get("/api/v1/search?q=chemotherapy").then().body("items.slug", hasItem("sr-chemo-lay"));
        given().get("/api/v1/search?q=\"warning signs\" -chemo").then().body("items.slug", equalTo(List.of("sr-infarction")));
    }

    @Test
    void misspeltQueryAnswersForTheCorrection() {
        given().get("/api/v1/search?q=infarktion").then().statusCode(200).body("didYouMean", equalTo("infarction"))
                .body("resultsFor", equalTo("infarction")).body("items[0].slug", equalTo("sr-infarction"));
    }

    @Test
    void facetsCountTheResultsAndFilterThem() {
        Map<String, Object> facets = given()
                .get("/api/v1/search?q=section OR cycle OR signs&facets=category,tag,author,reviewer,reviewedWithin")
                .then().statusCode(200).extract().jsonPath().getMap("facets");
        assertTrue(facets.keySet().containsAll(List.of("category", "tag", "author", "reviewer", "reviewedWithin")),
                facets.toString());
        List<Map<String, Object>> tags = given().get("/api/v1/search?q=jaw&facets=tag").jsonPath().getList("facets.tag");
        assertEquals(List.of(Map.of("value", "cancer", "name", "Cancer", "count", 1)), tags);
        given().get("/api/v1/search?q=jaw&tag=no-such-tag").then().statusCode(200).body("items.size()", equalTo(0));
        given().get("/api/v1/search?q=jaw&reviewedWithin=1").then().body("items[0].slug", equalTo("sr-infarction"));
        given().get("/api/v1/search?q=jaw&facets=colour").then().statusCode(400);
        given().get("/api/v1/search?q=jaw&reviewedWithin=0").then().statusCode(400);
    }

    @Test
    void suggestCompletesLiveTitlesAndVocabularyOnly() {
        given().get("/api/v1/search/suggest?q=myocard").then().statusCode(200)
                .body("suggestions.text", hasItem("Myocardial infarction in women"))
                .body("suggestions.text", hasItem("myocardial infarction"));
        given().get("/api/v1/search/suggest?q=zqsrdraft").then().statusCode(200).body("suggestions.size()", equalTo(0));
        given().get("/api/v1/search/suggest?q=").then().statusCode(400);
    }

    @Test
    void publishAndUnpublishReachSearchWithinOneSecond() {
        Article live = publish(Fixtures.drafting().create(Fixtures.WRITER1, Fixtures.input("sr-quick",
                "Zqsrquickword guide", "## Section\n\nText.")));
        Eventually.get(() -> given().get("/api/v1/search?q=zqsrquickword").then().body("items.slug",
                equalTo(List.of("sr-quick"))), Eventually.SEARCH);
        Fixtures.transitions().apply(Fixtures.EDITOR1, live.id(), live.version(),
                TransitionRequest.of(EditorialAction.UNPUBLISH));
        Eventually.get(() -> given().get("/api/v1/search?q=zqsrquickword").then().body("items.size()", equalTo(0)),
                Eventually.SEARCH);
        given().get("/api/v1/search/suggest?q=zqsrquick").then().body("suggestions.size()", equalTo(0));
    }

    @Test
    void aGermanQueryWithAnInflectionFindsTheGermanTranslationInItsLanguageOnly() {
        Article source = Fixtures.published("sr-flu-shot");
        Fixtures.reads(Fixtures.REVIEWER1, "de");
        Article draft = Fixtures.bean(TranslationService.class).translate(Fixtures.WRITER2, source.id(), "de",
                Fixtures.input("sr-grippeimpfung", "Grippeimpfung für Ältere",
                        "## Wirkung\n\nDie Impfungen schützen vor schweren Verläufen."));
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER2, draft.id(), draft.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                TransitionRequest.of(EditorialAction.APPROVE));

        // the text says "Impfungen" and "schweren Verläufen"; the reader asks in the singular
        Eventually.check(() -> given().queryParam("q", "Impfung").queryParam("locale", "de").get("/api/v1/search")
                .then().statusCode(200).body("items.slug", equalTo(List.of("sr-grippeimpfung"))));
        // de-AT is not configured: its language is
        given().queryParam("q", "schwerer Verlauf").queryParam("locale", "de-AT").get("/api/v1/search").then()
                .statusCode(200).body("items.slug", equalTo(List.of("sr-grippeimpfung")))
                .body("items[0].snippet", containsString("<mark>Verläufen</mark>"));
        // English is the default: the German article is not among English results, the English source is
        given().queryParam("q", "Impfung").get("/api/v1/search").then().statusCode(200)
                .body("items.slug", not(hasItem("sr-grippeimpfung")));
        given().queryParam("q", "Impfung").queryParam("locale", "fr").get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
