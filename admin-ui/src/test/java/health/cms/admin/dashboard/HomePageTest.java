package health.cms.admin.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HomePageTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    @TestSecurity(user = "reviewer2", roles = {"medical-reviewer", "writer", "offline_access"})
    @OidcSecurity(claims = @Claim(key = "name", value = "Robert Checker"))
    void showsTheUsersNameRolesAndTheSectionsForThoseRoles() {
        given().redirects().follow(false).get("/")
                .then()
                .statusCode(200)
                .body(containsString("Good to see you, Robert Checker"))
                .body(containsString("data-role=\"writer\""))
                .body(containsString("data-role=\"medical-reviewer\""))
                .body(not(containsString("offline_access")))
                .body(containsString("My drafts"))
                .body(containsString("Review queue"))
                .body(not(containsString("The desk's pipeline")))
                .body(not(containsString("href=\"/catalog\"")));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterSeesTheirOwnDraftsAndSubmissionsOnly() {
        Article mine = Fixtures.draft("home-mine");
        Article waiting = Fixtures.submitted("home-waiting");
        given().get("/").then().statusCode(200)
                .body(containsString("/articles/" + mine.id()))
                .body(containsString("/articles/" + waiting.id()))
                .body(not(containsString("id=\"queue\"")));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void aReviewerSeesSubmittedArticlesInTheQueue() {
        Article waiting = Fixtures.submitted("home-queue");
        given().get("/").then().statusCode(200)
                .body(containsString("/review/" + waiting.id()))
                .body(not(containsString("id=\"mine\"")));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void anEditorSeesThePipelineAndTheWeeklyChart() {
        Fixtures.published("home-pipeline");
        given().get("/").then().statusCode(200)
                .body(containsString("The desk's pipeline"))
                .body(containsString("<svg class=\"chart\""))
                .body(containsString("href=\"/catalog\""))
                .body(not(containsString("id=\"queue\"")));
    }

    @Test
    void theChartScalesBarsToTheBusiestWeek() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        List<HomePage.Bar> bars = HomePage.chart(List.of(new DeskOverview.Week(monday.minusWeeks(1), 2, 4),
                new DeskOverview.Week(monday, 0, 1)));
        assertEquals(HomePage.CHART_HEIGHT / 2, bars.get(0).publishedHeight());
        assertEquals(HomePage.CHART_HEIGHT, bars.get(0).reviewsHeight());
        assertEquals(0, bars.get(1).publishedHeight());
        assertEquals(HomePage.BAR_SLOT, bars.get(1).x());
        assertEquals("23 Nov", bars.get(1).label());
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void pagesCarryAStrictContentSecurityPolicyAndSecurityHeaders() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    @Test
    @TestSecurity(user = "newcomer", roles = {})
    void explainsWhenTheUserHasNoEditorialRole() {
        given().get("/")
                .then()
                .statusCode(200)
                .body(containsString("no editorial role yet"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        given().redirects().follow(false).get("/")
                .then()
                .statusCode(302)
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("client_id=quarkus-web-app"));
    }
}
