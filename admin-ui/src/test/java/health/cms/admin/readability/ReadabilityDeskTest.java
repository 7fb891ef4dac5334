package health.cms.admin.readability;

import static health.cms.admin.testing.ManageApi.article;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/** Readability on the desk: with the working revision in the API, on the review screen and per category. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReadabilityDeskTest {

    private static final String PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    private static long created(String slug, String body, String category) {
        Map<String, Object> input = new HashMap<>(article(slug, body));
        input.put("category", category);
        return writer1().body(input).post("/manage/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theWorkingRevisionComesWithItsPublishedGradeAndPlainLanguageHints() {
        long id = created("readability-api", PLATYPUS + "\n\n## Care\n\nHypertension is common.", "treatments-therapies");

        writer1().get("/manage/v1/articles/" + id).then().statusCode(200)
                .body("readability.measure", equalTo("flesch-kincaid"))
                .body("readability.sections[0].scores.grade", equalTo(11.3f))
                .body("readability.targetGrade", equalTo(8.0f))
                .body("readability.aboveTarget", equalTo(true))
                .body("readability.plainLanguageHints.layTerm", hasItem("high blood pressure"))
                .body("readability.passiveSentences.size()", equalTo(0));
    }

    @Test
    void aCategoryAimsAtItsOwnGradeAndTheDashboardAveragesIt() {
        editor1().body(Map.of("slug", "plain-guides", "name", "Plain guides", "reviewIntervalMonths", 12,
                "targetGrade", 6)).post("/manage/v1/categories").then().statusCode(201)
                .body("targetGrade", equalTo(6));
        long id = created("readability-target", "The cat sat on the mat.", "plain-guides");

        writer1().get("/manage/v1/articles/" + id).then().statusCode(200)
                .body("readability.grade", equalTo(-1.4f))
                .body("readability.targetGrade", equalTo(6.0f))
                .body("readability.aboveTarget", equalTo(false));
    }

    @Test
    void aTargetGradeOutsideOneToEighteenIsA400NamingIt() {
        editor1().body(Map.of("slug", "too-hard", "name", "Too hard", "reviewIntervalMonths", 12, "targetGrade", 25))
                .post("/manage/v1/categories").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("targetGrade")));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void theReviewScreenShowsTheGradeAndTheUnexplainedTerm() {
        long id = created("readability-review", PLATYPUS + "\n\n## Skin\n\nPruritus may follow.", "treatments-therapies");

        given().get("/review/" + id).then().statusCode(200)
                .body(containsString("<td><em>Introduction</em></td><td>11.3</td>"))
                .body(containsString("data-lay=\"itching\">pruritus</u>"));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void theDashboardShowsTheAverageGradePerCategory() {
        created("readability-dashboard", "The cat sat on the mat.", "treatments-therapies");

        given().get("/").then().statusCode(200)
                .body(containsString("id=\"category-grades\""))
                .body(containsString("data-category=\"treatments-therapies\""));
    }

    @Test
    void noGradeIsMadeUpForAnEmptyBody() {
        long id = created("readability-empty", "```\ncode only\n```", "treatments-therapies");

        writer1().get("/manage/v1/articles/" + id).then().statusCode(200)
                .body("readability.grade", nullValue())
                .body("readability.words", equalTo(0));
    }
}
