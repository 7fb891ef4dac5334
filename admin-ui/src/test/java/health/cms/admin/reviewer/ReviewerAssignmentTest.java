package health.cms.admin.reviewer;

import static health.cms.admin.testing.DeskForms.form;
import static health.cms.admin.testing.Tokens.as;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.writer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.catalog.DeskCatalog;
import health.cms.admin.testing.ManageApi;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.Actor;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The right reviewer: suggestions by the category's specialties, load and languages; an editor assigns
 * outside the specialty only with a reason the audit keeps; a reviewer takes articles in their own specialty;
 * declarations kept on the reviewer's page and shown on the review screen.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewerAssignmentTest {

    private static final String CARDIOLOGIST = "cardio1";

    @BeforeEach
    void cardiology() {
        Fixtures.ensureBasics();
        QuarkusTransaction.requiringNew().run(() -> {
            if (Fixtures.bean(CategoryRepository.class).findBySlug("heart-health").isPresent()) {
                return;
            }
            Fixtures.bean(DeskCatalog.class).createCategory(Fixtures.EDITOR1, "heart-health", "Heart health", null, 12,
                    null, List.of("Cardiology"));
            Profile carla = new Profile("carla-cardio", new ProfileDetails("Carla Cardio", "MD", null, null, null,
                    List.of("Cardiology"), CARDIOLOGIST, false, true), Instant.now());
            carla.keepExpertise(List.of("Cardiology"), List.of("de", "en"));
            Fixtures.bean(ProfileRepository.class).persist(carla);
        });
    }

    @Test
    void suggestionsPutTheCategorysSpecialistsFirstWithTheirLoadAndLanguages() {
        String[] article = submittedInHeartHealth("suggest-one");
        int loadBefore = writer1().get("/manage/v1/articles/" + article[0] + "/reviewers").jsonPath()
                .getInt("reviewers.find { it.username == 'cardio1' }.openReviews");
        assign(editor1(), submittedInHeartHealth("suggest-busy"), CARDIOLOGIST, null).then().statusCode(200);

        Response suggestions = writer1().get("/manage/v1/articles/" + article[0] + "/reviewers");

        suggestions.then().statusCode(200).body("specialties", equalTo(List.of("Cardiology")))
                .body("reviewers[0].username", equalTo(CARDIOLOGIST))
                .body("reviewers[0].inSpecialty", equalTo(true))
                .body("reviewers[0].matching", equalTo(List.of("Cardiology")))
                .body("reviewers[0].languages", equalTo(List.of("de", "en")))
                .body("reviewers[0].openReviews", equalTo(loadBefore + 1))
                .body("reviewers.find { it.username == 'reviewer1' }.inSpecialty", equalTo(false))
                // writer1 wrote it and anna-berg (writer1) is its byline: never suggested to review it
                .body("reviewers.username", not(hasItem("writer1")));
    }

    @Test
    void anEditorAssigningOutsideTheSpecialtyMustGiveAReasonThatTheAuditKeeps() {
        String[] article = submittedInHeartHealth("assign-outside");

        assign(editor1(), article, "reviewer1", null).then().statusCode(400).body("errors.field", hasItem("reason"));
        Response assigned = assign(editor1(), article, "reviewer1", "The cardiologist is on leave");

        assigned.then().statusCode(200).body("assignedReviewer", equalTo("reviewer1"));
        editor1().get("/manage/v1/articles/" + article[0] + "/audit").then().statusCode(200)
                .body("find { it.action == 'assign-reviewer' }.comment",
                        equalTo("reviewer1 (outside Cardiology: The cardiologist is on leave)"));
    }

    @Test
    void aReviewerTakesAnArticleInTheirSpecialtyButNotOneOutsideIt() {
        String[] article = submittedInHeartHealth("self-take");

        assign(reviewer1(), article, "reviewer1", "I know hearts too").then().statusCode(403);
        assign(as(CARDIOLOGIST, "medical-reviewer"), article, CARDIOLOGIST, null).then().statusCode(200)
                .body("assignedReviewer", equalTo(CARDIOLOGIST));
    }

    @Test
    void aReviewerCannotAssignSomeoneElse() {
        String[] article = submittedInHeartHealth("assign-other");

        assign(as(CARDIOLOGIST, "medical-reviewer"), article, "reviewer1", "please").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void theDeskAssignFormListsSuggestionsAndAsksForTheReasonBesideTheField() {
        String[] article = submittedInHeartHealth("desk-assign");

        given().get("/articles/" + article[0] + "/reviewer").then().statusCode(200)
                .body(containsString("Carla Cardio")).body(containsString("needs Cardiology"));
        form("editor1").formParam("reviewer", "reviewer1").formParam("version", etagVersion(article))
                .post("/articles/" + article[0] + "/reviewer").then().statusCode(400)
                .body(containsString("say why they should review it"));
        form("editor1").formParam("reviewer", "reviewer1").formParam("reason", "Second opinion")
                .formParam("version", etagVersion(article)).post("/articles/" + article[0] + "/reviewer")
                .then().statusCode(303);
        given().get("/articles/" + article[0] + "/reviewer").then().statusCode(200)
                .body(containsString("<strong id=\"assigned\">reviewer1</strong>"));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void aReviewerKeepsDeclarationsThatTheReviewScreenShows() {
        String[] article = submittedInHeartHealth("declared");
        form("reviewer1").formParam("organisation", "Acme Pharma").formParam("kind", "advisory board")
                .formParam("periodFrom", "2024-01-01").formParam("periodTo", "2023-01-01")
                .post("/reviewing/declarations").then().statusCode(400)
                .body(containsString("must not be before the start"));
        form("reviewer1").formParam("organisation", "Acme Pharma").formParam("kind", "advisory board")
                .formParam("periodFrom", "2024-01-01").post("/reviewing/declarations").then().statusCode(303);
        form("reviewer1").formParam("specialties", "Oncology, Haematology").formParam("languages", "en, fr")
                .post("/reviewing/expertise").then().statusCode(303);

        given().get("/reviewing").then().statusCode(200).body(containsString("Oncology, Haematology"))
                .body(containsString("en, fr"));
        given().get("/review/" + article[0]).then().statusCode(200)
                .body(containsString("Acme Pharma · advisory board · since 2024-01-01"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(Expertise.class)
                .declarationsOf("reviewer1").stream()
                .anyMatch(d -> d.periodFrom().equals(LocalDate.of(2024, 1, 1)))));
        form("reviewer1").formParam("specialties", "Oncology").formParam("languages", "en")
                .post("/reviewing/expertise").then().statusCode(303);
    }

    @Test
    @TestSecurity(user = "cardio1", roles = "medical-reviewer")
    void aReviewersOwnDeclarationIsTheirsToWithdraw() {
        var declaration = QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(Expertise.class).declare(
                Actor.of("reviewer1", java.util.Set.of("medical-reviewer")), "Other Org", "grant",
                LocalDate.of(2020, 1, 1), null));

        form(CARDIOLOGIST).post("/reviewing/declarations/" + declaration.id() + "/delete").then().statusCode(404);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(Expertise.class)
                .declarationsOf("reviewer1").stream().filter(d -> d.id().equals(declaration.id())).count()));
    }

    private static Response assign(RequestSpecification who, String[] article, String reviewer, String reason) {
        String etag = editor1().get("/manage/v1/articles/" + article[0]).header("ETag");
        Map<String, Object> body = new HashMap<>();
        body.put("reviewer", reviewer);
        body.put("reason", reason);
        return who.header("If-Match", etag).body(body).put("/manage/v1/articles/" + article[0] + "/assignee");
    }

    private static String etagVersion(String[] article) {
        return editor1().get("/manage/v1/articles/" + article[0]).jsonPath().getString("version");
    }

    private static String[] submittedInHeartHealth(String slug) {
        Map<String, Object> input = new HashMap<>(ManageApi.article(slug, "## Heart\n\nTake 5 mg once a day."));
        input.put("category", "heart-health");
        Response created = writer1().body(input).post("/manage/v1/articles");
        created.then().statusCode(201);
        long id = created.jsonPath().getLong("id");
        Response submitted = ManageApi.transition(writer1(), id, created.header("ETag"), "submit", Map.of());
        submitted.then().statusCode(200);
        return new String[]{String.valueOf(id), submitted.header("ETag")};
    }
}
