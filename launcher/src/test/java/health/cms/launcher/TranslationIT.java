package health.cms.launcher;

import static health.cms.launcher.EndToEnd.JSON;
import static health.cms.launcher.EndToEnd.approvedThroughTheApi;
import static health.cms.launcher.EndToEnd.desk;
import static health.cms.launcher.EndToEnd.get;
import static health.cms.launcher.EndToEnd.launchChromium;
import static health.cms.launcher.EndToEnd.playwright;
import static health.cms.launcher.EndToEnd.screenshot;
import static health.cms.launcher.EndToEnd.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
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
 * A translation in a real browser: a writer starts the German translation of a live article from its Translations
 * page, translates and submits it; reviewer1, whose profile lists German, approves it; readers get it with
 * {@code ?locale=de}.
 */
@ExtendWith(StackUnderTest.class)
class TranslationIT {

    @Test
    void aWriterTranslatesAndSubmitsAndAGermanReadingReviewerApproves(TestInfo test) throws Exception {
        String slug = "hand-washing-" + System.nanoTime();
        String germanSlug = "haendewaschen-" + System.nanoTime();
        long source = liveThroughTheApi(slug);
        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page writer = desk(browser, "writer2");
            Page reviewer = desk(browser, "reviewer1");
            try {
                writer.navigate(settings().adminUrl() + "/articles/" + source + "/translations");
                writer.selectOption("#f-locale", "de");
                writer.fill("#f-slug", germanSlug);
                writer.fill("#f-title", "Händewaschen gegen Infektionen");
                writer.click("#translate-form button[type=submit]");
                writer.waitForURL("**/articles/*?done=created");
                String path = writer.url().replaceAll("\\?.*$", "");
                long translation = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));

                writer.fill("#f-summary", "Gründliches Händewaschen verhindert viele Infektionen.");
                writer.fill("#f-body", "## Wie\n\nWaschen Sie die Hände 20 Sekunden lang mit Seife.");
                writer.click("button[name=intent][value=save]");
                writer.waitForURL("**/articles/" + translation + "?done=saved");
                writer.click("form[data-action=submit] button[type=submit]");
                writer.waitForURL("**/articles/" + translation + "?done=submit");
                screenshot(writer, "translation-submitted");

                reviewer.navigate(settings().adminUrl() + "/review/" + translation);
                if (reviewer.locator("form[data-action=approve] input[name=conflict][value=none]").count() > 0) {
                    reviewer.check("form[data-action=approve] input[name=conflict][value=none]");
                }
                reviewer.click("form[data-action=approve] button[type=submit]");
                reviewer.waitForURL("**/review/" + translation + "?done=approve");
                screenshot(reviewer, "translation-approved");

                JsonNode served = JSON.readTree(waitForLive(settings().apiUrl() + "/api/v1/articles/" + slug + "?locale=de"));
                assertEquals(germanSlug, served.path("slug").asText(), served.toString());
                assertEquals("de", served.path("locale").asText());
                assertEquals("current", served.path("translation").path("status").asText());
                assertEquals("Händewaschen gegen Infektionen", served.path("title").asText());
            } catch (AssertionError | RuntimeException e) {
                screenshot(writer, "FAILED-writer-" + test.getTestMethod().orElseThrow().getName());
                screenshot(reviewer, "FAILED-reviewer-" + test.getTestMethod().orElseThrow().getName());
                throw e;
            }
        }
    }

    /** The German answer once the api heard of it (it follows the database over NOTIFY). */
    private static String waitForLive(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> answer;
        do {
            answer = get(url);
            if (answer.statusCode() == 200 && answer.body().contains("\"locale\":\"de\"")) {
                return answer.body();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no German answer at " + url + ": " + answer.statusCode() + " " + answer.body());
    }

    /** Writer1 drafts and submits the English source, reviewer1 approves it. */
    private static long liveThroughTheApi(String slug) throws Exception {
        return approvedThroughTheApi(Map.of("slug", slug, "title", "Hand washing against infections",
                "summary", "Thorough hand washing prevents many infections.", "body",
                "## How\n\nWash your hands with soap for 20 seconds.",
                "references", List.of(Map.of("citation", "Doe J. Hygiene. 2021."))), Map.of()).path("id").asLong();
    }
}
