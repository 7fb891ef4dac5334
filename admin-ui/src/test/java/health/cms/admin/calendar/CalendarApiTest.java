package health.cms.admin.calendar;

import static health.cms.admin.calendar.CalendarFixtures.at;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The calendar over the management API: the same entries as the page, for editors, at most 62 days at once. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void anEditorReadsThePlannedChangesOfARangePerCategory() {
        LocalDate day = TODAY.plusDays(20);
        Article treatment = CalendarFixtures.scheduled("cal-api-treatment", at(day, 9, 0));
        CalendarFixtures.scheduledInOtherCategory("cal-api-prevention", at(day, 11, 0));
        long job = CalendarFixtures.pendingJob(treatment).id();

        editor1().get("/manage/v1/calendar?from=" + day + "&to=" + day).then().statusCode(200)
                .body("from", equalTo(day.toString())).body("entries.slug", hasItem("cal-api-treatment"))
                .body("entries.slug", hasItem("cal-api-prevention"))
                .body("entries.find { it.slug == 'cal-api-treatment' }.kind", equalTo("publication"))
                .body("entries.find { it.slug == 'cal-api-treatment' }.day", equalTo(day.toString()))
                .body("entries.find { it.slug == 'cal-api-treatment' }.at", startsWith(day + "T09:00"))
                .body("entries.find { it.slug == 'cal-api-treatment' }.jobId", equalTo((int) job))
                .body("entries.find { it.slug == 'cal-api-treatment' }.movable", equalTo(true))
                .body("entries.find { it.slug == 'cal-api-treatment' }.category", equalTo("treatments-therapies"));
        editor1().get("/manage/v1/calendar?from=" + day + "&to=" + day + "&category=" + CalendarFixtures.OTHER_CATEGORY)
                .then().statusCode(200).body("entries.slug", hasItem("cal-api-prevention"))
                .body("entries.slug", not(hasItem("cal-api-treatment")));
        editor1().get("/manage/v1/calendar?from=" + day.plusDays(1) + "&to=" + day.plusDays(7)).then().statusCode(200)
                .body("entries.slug", not(hasItem("cal-api-treatment")));
    }

    @Test
    void aRangeOfMoreThan62DaysIsRefusedAsAProblemAndMissingEndsHaveDefaults() {
        editor1().get("/manage/v1/calendar?from=2027-01-01&to=2027-03-03").then().statusCode(200);
        editor1().get("/manage/v1/calendar?from=2027-01-01&to=2027-03-04").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        editor1().get("/manage/v1/calendar?from=2027-01-01").then().statusCode(200).body("to", equalTo("2027-01-29"));
        editor1().get("/manage/v1/calendar").then().statusCode(200).body("from", equalTo(TODAY.toString()));
        editor1().get("/manage/v1/calendar?from=2027-02-01&to=2027-01-01").then().statusCode(400)
                .contentType("application/problem+json");
        editor1().get("/manage/v1/calendar?from=tomorrow&to=2027-01-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        editor1().get("/manage/v1/calendar?from=0000-01-01&to=0000-01-02").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        editor1().get("/manage/v1/calendar?from=2027-01-01&to=2027-01-02&category=Not%20A%20Slug").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("category"));
    }

    @Test
    void onlyEditorsReadTheCalendar() {
        writer1().get("/manage/v1/calendar?from=2027-01-01&to=2027-01-02").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/manage/v1/calendar?from=2027-01-01&to=2027-01-02").then().statusCode(401);
    }
}
