package health.cms.admin.calendar;

import static health.cms.admin.calendar.CalendarFixtures.at;
import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.DraftingAction;
import health.cms.workflow.schedule.ScheduledJob;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/**
 * The editors' calendar page: planned changes and re-reviews in their day cells, the category filter, and
 * moving a planned change through the workflow with the refusals shown on the page.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarPagesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void plannedChangesAndReviewsDueAreInTheCellsOfTheirDays() {
        LocalDate publishDay = TODAY.plusDays(10);
        LocalDate offlineDay = TODAY.plusDays(11);
        Article publication = CalendarFixtures.scheduled("cal-page-publish", at(publishDay, 9, 30));
        Article offline = CalendarFixtures.plannedOffline("cal-page-offline", at(offlineDay, 14, 0));
        Article live = QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(
                health.cms.core.article.ArticleRepository.class).findById(offline.id()));
        LocalDate reviewDay = live.nextReviewDue().atOffset(ZoneOffset.UTC).toLocalDate();

        String week = page("/calendar?view=week&date=" + publishDay);
        assertTrue(cell(week, publishDay).contains("Article cal-page-publish"), cell(week, publishDay));
        assertTrue(cell(week, publishDay).contains("Publication</span> <span class=\"entry-time\">09:30"));
        assertTrue(cell(week, publishDay).contains("href=\"/articles/" + publication.id() + "\""));
        assertFalse(cell(week, publishDay.minusDays(1)).contains("cal-page-publish"));

        String offlineWeek = page("/calendar?view=week&date=" + offlineDay);
        assertTrue(cell(offlineWeek, offlineDay).contains("Unpublication</span> <span class=\"entry-time\">14:00"));
        assertTrue(cell(offlineWeek, offlineDay).contains("Article cal-page-offline"));

        String month = page("/calendar?view=month&date=" + reviewDay);
        assertTrue(cell(month, reviewDay).contains("Re-review due"), cell(month, reviewDay));
        assertTrue(cell(month, reviewDay).contains("Article cal-page-offline"));
        assertFalse(cell(month, reviewDay).contains("action=\"/calendar/jobs/"), "a review date is not moved here");
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void theCategoryFilterShowsThatCategoryOnly() {
        LocalDate day = TODAY.plusDays(12);
        CalendarFixtures.scheduled("cal-page-treatment", at(day, 8, 0));
        CalendarFixtures.scheduledInOtherCategory("cal-page-prevention", at(day, 10, 0));

        String all = cell(page("/calendar?view=week&date=" + day), day);
        assertTrue(all.contains("cal-page-treatment") && all.contains("cal-page-prevention"), all);
        String prevention = cell(page("/calendar?view=week&date=" + day + "&category="
                + CalendarFixtures.OTHER_CATEGORY), day);
        assertTrue(prevention.contains("cal-page-prevention"), prevention);
        assertFalse(prevention.contains("cal-page-treatment"), prevention);
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void theMonthHasPreviousNextAndTodayAndRefusesABadDay() {
        String month = page("/calendar?view=month&date=2027-04-15");
        assertTrue(month.contains("April 2027"));
        assertTrue(month.contains("rel=\"prev\" href=\"/calendar?view=month&amp;date=2027-03-01\""), "previous month");
        assertTrue(month.contains("rel=\"next\" href=\"/calendar?view=month&amp;date=2027-05-01\""), "next month");
        assertTrue(month.contains("href=\"/calendar?view=month&amp;date=" + TODAY + "\">Today"), "today");
        assertTrue(month.contains("<td data-day=\"2027-03-29\" class=\"outside\""),
                "the grid starts on the Monday before the 1st, shown as outside the month");
        assertTrue(month.contains("data-day=\"2027-05-02\""), "and ends on the Sunday after the last day");
        assertFalse(month.contains("data-day=\"2027-05-03\""));
        given().get("/calendar?view=year").then().statusCode(400).body(containsString("must be month or week"));
        given().get("/calendar?date=2027-13-45").then().statusCode(400).body(containsString("must be a day like"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterIsNotShownTheCalendar() {
        given().redirects().follow(false).get("/calendar").then().statusCode(403);
        form("writer1").formParam("to", TODAY.plusDays(3).toString()).formParam("version", "1")
                .post("/calendar/jobs/1/move").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void movingAPublicationToAnotherDayKeepsItsTimeAndIsAudited() {
        LocalDate day = TODAY.plusDays(14);
        Article scheduled = CalendarFixtures.scheduled("cal-page-moved", at(day, 7, 45));
        ScheduledJob job = CalendarFixtures.pendingJob(scheduled);

        Response moved = move(job.id(), scheduled.version(), day.plusDays(3), day);
        assertEquals(303, moved.statusCode(), moved.asString());
        assertTrue(moved.header("Location").endsWith("/calendar?view=week&date=" + day + "&done=moved"),
                moved.header("Location"));

        ScheduledJob replanned = CalendarFixtures.pendingJob(scheduled);
        assertEquals(at(day.plusDays(3), 7, 45), replanned.runAt());
        assertEquals(ScheduledJob.State.CANCELLED, CalendarFixtures.jobs(scheduled).get(0).state());
        List<AuditEvent> trail = QuarkusTransaction.requiringNew()
                .call(() -> Fixtures.bean(AuditLog.class).forArticle(scheduled.id()));
        AuditEvent last = trail.get(trail.size() - 1);
        assertEquals(DraftingAction.RESCHEDULE.value(), last.action());
        assertEquals("editor1", last.actor());
        String shown = page("/calendar?view=week&date=" + day.plusDays(3) + "&done=moved");
        assertTrue(shown.contains("Moved."));
        assertTrue(cell(shown, day.plusDays(3)).contains("cal-page-moved"));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void refusedMovesAreExplainedOnTheCalendarAndChangeNothing() {
        LocalDate day = TODAY.plusDays(15);
        Article scheduled = CalendarFixtures.scheduled("cal-page-refused", at(day, 12, 0));
        ScheduledJob job = CalendarFixtures.pendingJob(scheduled);

        Response past = move(job.id(), scheduled.version(), TODAY.minusDays(1), day);
        assertEquals(400, past.statusCode());
        assertTrue(past.asString().contains("Not moved: the new time must be in the future."), past.asString());
        assertTrue(cell(past.asString(), day).contains("cal-page-refused"), "the calendar is shown again");

        Response stale = move(job.id(), scheduled.version() - 1, day.plusDays(1), day);
        assertEquals(412, stale.statusCode());
        assertTrue(stale.asString().contains("Not moved: This article was changed by"), stale.asString());

        Response badDay = move(job.id(), scheduled.version(), null, day);
        assertEquals(400, badDay.statusCode());
        assertTrue(badDay.asString().contains("Not moved: the new day is required"), badDay.asString());

        assertEquals(at(day, 12, 0), CalendarFixtures.pendingJob(scheduled).runAt(), "nothing moved");

        Response first = move(job.id(), scheduled.version(), day.plusDays(1), day);
        assertEquals(303, first.statusCode());
        Response again = move(job.id(), scheduled.version() + 1, day.plusDays(2), day);
        assertEquals(409, again.statusCode());
        assertTrue(again.asString().contains("already ran or was cancelled"), again.asString());
    }

    private static Response move(long job, long version, LocalDate to, LocalDate shown) {
        var request = form("editor1").formParam("version", version).formParam("view", "week")
                .formParam("date", shown.toString());
        if (to != null) {
            request = request.formParam("to", to.toString());
        }
        return request.post("/calendar/jobs/" + job + "/move");
    }

    private static String page(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    /** The HTML of one day's cell. */
    static String cell(String html, LocalDate day) {
        int start = html.indexOf("data-day=\"" + day + "\"");
        assertTrue(start >= 0, "no cell for " + day);
        return html.substring(start, html.indexOf("</td>", start));
    }
}
