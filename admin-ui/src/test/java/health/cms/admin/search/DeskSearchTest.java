package health.cms.admin.search;

import static health.cms.admin.testing.ManageApi.article;
import static health.cms.admin.testing.ManageApi.submitted;
import static health.cms.admin.testing.ManageApi.transition;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.writer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.testing.DeskForms;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The desk's search finds every article in any state by the words of its working revision, within moments of
 * a change made on any path, with filters, facet counts, synonyms, typo correction, escaped snippets and pages.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeskSearchTest {

    private static final long PATIENCE_MILLIS = 5_000;

    @Inject
    DataSource database;

    @BeforeEach
    void basics() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.ensureBasics();
    }

    @Test
    void aNewDraftIsFoundByTheWordsOfItsBodyWithItsStatusAndAMarkedSnippet() {
        long id = create("desk-search-draft", "## Dosing\n\nThe zygomorphic tablet is taken once a day.");
        JsonPath found = until("q=zygomorphic", hits -> hits.getList("articles.id", Long.class).contains(id));
        assertEquals("draft", found.getString("articles[0].status"));
        assertTrue(found.getString("articles[0].snippet").contains("<mark>zygomorphic</mark>"),
                found.getString("articles[0].snippet"));
        assertTrue(found.getBoolean("indexReady"));
    }

    @Test
    void anEditMakesTheOldWordsGoAndTheNewWordsCount() {
        Response created = writer1().body(article("desk-search-edit", "Quinquennial checks are advised."))
                .post("/manage/v1/articles");
        long id = created.jsonPath().getLong("id");
        until("q=quinquennial", hits -> hits.getList("articles.id", Long.class).contains(id));
        writer1().header("If-Match", created.header("ETag"))
                .body(article("desk-search-edit", "Biennial checks are advised.")).put("/manage/v1/articles/" + id)
                .then().statusCode(200);
        until("q=biennial", hits -> hits.getList("articles.id", Long.class).contains(id));
        until("q=quinquennial", hits -> !hits.getList("articles.id", Long.class).contains(id));
    }

    @Test
    void statusAndReviewerFiltersNarrowTheHitsAndFacetsCountThem() {
        String[] waiting = submitted("desk-search-waiting");
        long id = Long.parseLong(waiting[0]);
        editor1().header("If-Match", waiting[1]).body(Map.of("reviewer", "reviewer1"))
                .put("/manage/v1/articles/" + id + "/assignee").then().statusCode(200);
        until("q=desk-search-waiting&status=medical-review&assignee=reviewer1",
                hits -> hits.getList("articles.id", Long.class).contains(id));
        JsonPath drafts = search("q=desk-search-waiting&status=draft").jsonPath();
        assertFalse(drafts.getList("articles.id", Long.class).contains(id));
        JsonPath any = search("q=desk-search-waiting").jsonPath();
        assertTrue(any.getList("facets.status.value").contains("medical-review"), any.prettify());
        assertTrue(any.getList("facets.assignee.value").contains("reviewer1"), any.prettify());
        assertTrue(any.getList("facets.category.value").contains("treatments-therapies"), any.prettify());
    }

    @Test
    void publishedArticlesAreFoundAndAnUnpublishShowsAtOnce() {
        String[] waiting = submitted("desk-search-live");
        long id = Long.parseLong(waiting[0]);
        Response live = transition(reviewer1(), id, waiting[1], "approve", Map.of("comment", "Checked."));
        live.then().statusCode(200);
        until("q=desk-search-live&status=published", hits -> hits.getList("articles.id", Long.class).contains(id));
        transition(editor1(), id, live.header("ETag"), "unpublish", Map.of("comment", "Outdated")).then().statusCode(200);
        until("q=desk-search-live&status=draft", hits -> hits.getList("articles.id", Long.class).contains(id));
    }

    @Test
    void laySynonymsAndMisspellingsFindTheClinicalText() {
        long id = create("desk-search-synonym", "Untreated hypertension strains the arteries over the years.");
        until("q=high blood pressure", hits -> hits.getList("articles.id", Long.class).contains(id));
        JsonPath corrected = until("q=hypertensoin", hits -> hits.getList("articles.id", Long.class).contains(id));
        assertEquals("hypertension", corrected.getString("correctedTo"));
    }

    @Test
    void snippetsCarryNoMarkupOfTheArticleButTheMarks() {
        long id = create("desk-search-markup", "Tablets <b>dissolve</b> & fizz; 5 < 10 ml of xylophagous water.");
        JsonPath found = until("q=xylophagous", hits -> hits.getList("articles.id", Long.class).contains(id));
        String snippet = found.getString("articles[0].snippet");
        assertFalse(snippet.contains("<b>"), snippet);
        assertTrue(snippet.replace("<mark>", "").replace("</mark>", "").indexOf('<') < 0, snippet);
    }

    @Test
    void aRenamedTagIsFoundUnderItsNewName() throws Exception {
        long id = create("desk-search-tag", "Plain text about nothing special.");
        until("q=desk-search-tag", hits -> hits.getList("articles.id", Long.class).contains(id));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // As psql would do it: the trigger, not the desk's code, has to tell the index.
            statement.executeUpdate("UPDATE tag SET name = name || ' quokka' WHERE slug = 'cancer'");
            try {
                until("q=quokka desk-search-tag", hits -> hits.getList("articles.id", Long.class).contains(id));
            } finally {
                statement.executeUpdate("UPDATE tag SET name = left(name, length(name) - 7) WHERE slug = 'cancer'");
            }
        }
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatingAHit() {
        for (int i = 0; i < 5; i++) {
            create("desk-search-page-" + i, "Every page mentions the pangolin clinic.");
        }
        until("q=pangolin", hits -> hits.getList("articles").size() >= 5);
        Set<Long> seen = new HashSet<>();
        List<Long> order = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = search("q=pangolin&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).jsonPath();
            List<Long> ids = page.getList("articles.id", Long.class);
            assertTrue(ids.size() <= 2);
            ids.forEach(idOnPage -> assertTrue(seen.add(idOnPage), "repeated " + idOnPage));
            order.addAll(ids);
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(5, order.size(), order.toString());
    }

    @Test
    void badParametersAreRefusedOneByOneAsProblems() {
        writer1().get("/manage/v1/search/articles?status=flying&review=soon&changedSince=yesterday&cursor=x&category=A B")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("status")).body("errors.field", hasItem("review"))
                .body("errors.field", hasItem("changedSince")).body("errors.field", hasItem("cursor"))
                .body("errors.field", hasItem("category"));
        writer1().get("/manage/v1/search/articles?limit=0").then().statusCode(400).body("errors[0].field",
                equalTo("limit"));
        writer1().get("/manage/v1/search/articles?q=" + "a".repeat(201)).then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().get("/manage/v1/search/articles?q=x").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void theDeskPageListsHitsWithFacetLinksAndExplainsBadInput() {
        long id = create("desk-search-page", "Sphygmomanometer readings at home.");
        until("q=sphygmomanometer", hits -> hits.getList("articles.id", Long.class).contains(id));
        given().get("/search?q=sphygmomanometer").then().statusCode(200)
                .body(containsString("href=\"/articles/" + id + "\""))
                .body(containsString("<mark>Sphygmomanometer</mark>"))
                .body(containsString("href=\"/search?q=sphygmomanometer&amp;status=draft\""));
        given().get("/search?changedSince=last-week").then().statusCode(400)
                .body(containsString("must be a date like 2026-12-31"));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void anEditorAddsAVocabularyGroupFromTheDeskAndTheDeskIndexUsesIt() {
        long id = create("desk-search-vocabulary", "The wombat rash clears in a week.");
        until("q=wombat", hits -> hits.getList("articles.id", Long.class).contains(id));
        DeskForms.form("editor1").formParam("terms", "numbat itch, wombat rash").post("/search/vocabulary").then()
                .statusCode(303).header("Location", containsString("/search/vocabulary?done=added"));
        given().get("/search/vocabulary").then().statusCode(200).body(containsString("numbat itch, wombat rash"));
        until("q=numbat itch", hits -> hits.getList("articles.id", Long.class).contains(id));
        DeskForms.form("editor1").formParam("terms", "lonely").post("/search/vocabulary").then().statusCode(400)
                .body(containsString("a group has 2 to"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("terms", "a b, c d").post("/search/vocabulary").then().statusCode(not(equalTo(303)));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void writersSeeTheVocabularyButNoFormToChangeIt() {
        given().get("/search/vocabulary").then().statusCode(200).body(not(containsString("name=\"terms\"")));
        DeskForms.form("writer1").formParam("terms", "x ray, radiograph").post("/search/vocabulary").then()
                .statusCode(403);
    }

    private static long create(String slug, String body) {
        return writer1().body(article(slug, body)).post("/manage/v1/articles").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    private static Response search(String query) {
        return writer1().get("/manage/v1/search/articles?" + query).then().statusCode(200).extract().response();
    }

    /** Searches until the answer satisfies {@code wanted}, for at most a few seconds; fails with the last answer. */
    private static JsonPath until(String query, Predicate<JsonPath> wanted) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        JsonPath last;
        do {
            last = search(query).jsonPath();
            if (wanted.test(last)) {
                return last;
            }
            sleep();
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("Not within " + PATIENCE_MILLIS + " ms: " + query + " -> " + last.prettify());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
