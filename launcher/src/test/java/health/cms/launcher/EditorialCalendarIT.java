package health.cms.launcher;

import static health.cms.launcher.EndToEnd.JSON;
import static health.cms.launcher.EndToEnd.approvedThroughTheApi;
import static health.cms.launcher.EndToEnd.desk;
import static health.cms.launcher.EndToEnd.launchChromium;
import static health.cms.launcher.EndToEnd.manage;
import static health.cms.launcher.EndToEnd.playwright;
import static health.cms.launcher.EndToEnd.screenshot;
import static health.cms.launcher.EndToEnd.settings;
import static health.cms.launcher.EndToEnd.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The editorial calendar in a real browser: an editor drags a scheduled publication to another day, and the
 * workflow replans it at the same time of day.
 */
@ExtendWith(StackUnderTest.class)
class EditorialCalendarIT {

    @Test
    void anEditorDragsAScheduledPublicationToAnotherDay(TestInfo test) throws Exception {
        String slug = "calendar-" + System.nanoTime();
        String title = "Sun protection for children";
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        // stay in the month shown, and in the future
        LocalDate target = day.getDayOfMonth() <= 20 ? day.plusDays(2) : day.minusDays(2);
        LocalTime time = LocalTime.of(9, 30);
        scheduleThroughTheApi(slug, title, day.atTime(time).toInstant(ZoneOffset.UTC).toString());
        // a second plan in the same month, so the screenshot shows more than one entry
        scheduleThroughTheApi(slug + "-vaccines", "Vaccines for adults: what and when",
                day.plusDays(day.getDayOfMonth() <= 20 ? 5 : -4).atTime(14, 0).toInstant(ZoneOffset.UTC).toString());

        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page editor = desk(browser, "editor1");
            try {
                editor.navigate(settings().adminUrl() + "/calendar?view=month&date=" + day);
                String entry = "td[data-day='" + day + "'] li.entry-publication:has-text('" + title + "')";
                editor.waitForSelector(entry);
                screenshot(editor, "editorial-calendar");

                editor.locator(entry + " .entry-kind").dragTo(editor.locator("td[data-day='" + target + "']"));
                editor.waitForURL(url -> url.contains("/calendar?") && url.contains("done=moved"));
                editor.waitForSelector("td[data-day='" + target + "'] li.entry-publication:has-text('" + title + "')");
                assertEquals(0, editor.locator(entry).count(), "the old day no longer has it");
                assertTrue(editor.textContent("p.flash").contains("Moved."));

                JsonNode moved = calendarEntry(target, slug);
                assertEquals(target.atTime(time).toInstant(ZoneOffset.UTC).toString(), moved.path("at").asText(),
                        "the new day, at the same time: " + moved);
                assertEquals("publication", moved.path("kind").asText());
            } catch (AssertionError | RuntimeException e) {
                screenshot(editor, "FAILED-" + test.getTestMethod().orElseThrow().getName());
                throw e;
            }
        }
    }

    /** Writer1 drafts and submits, reviewer1 approves it to go live at {@code publishAt}. */
    private static void scheduleThroughTheApi(String slug, String title, String publishAt) throws Exception {
        JsonNode approved = approvedThroughTheApi(Map.of("slug", slug, "title", title,
                "summary", "Shade, clothing and sunscreen.", "body", "## Shade\n\nKeep babies out of direct sun.",
                "references", List.of(Map.of("citation", "Doe J. Sun safety. 2021."))), Map.of("publishAt", publishAt));
        assertEquals("scheduled", approved.path("status").asText(), approved.toString());
    }

    private static JsonNode calendarEntry(LocalDate day, String slug) throws Exception {
        HttpResponse<String> read = manage("GET", "/manage/v1/calendar?from=" + day + "&to=" + day, token("editor1"), null,
                "");
        assertEquals(200, read.statusCode(), read.body());
        for (JsonNode entry : JSON.readTree(read.body()).path("entries")) {
            if (entry.path("slug").asText().equals(slug)) {
                return entry;
            }
        }
        throw new AssertionError("no calendar entry for " + slug + " on " + day + ": " + read.body());
    }
}
