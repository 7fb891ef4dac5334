package health.cms.launcher;

import static health.cms.launcher.EndToEnd.HTTP;
import static health.cms.launcher.EndToEnd.JSON;
import static health.cms.launcher.EndToEnd.desk;
import static health.cms.launcher.EndToEnd.draft;
import static health.cms.launcher.EndToEnd.get;
import static health.cms.launcher.EndToEnd.launchChromium;
import static health.cms.launcher.EndToEnd.playwright;
import static health.cms.launcher.EndToEnd.screenshot;
import static health.cms.launcher.EndToEnd.settings;
import static health.cms.launcher.EndToEnd.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The editorial desk in a real browser through the real Keycloak login: an article from first
 * draft to the public API and back offline, separation of duties, and two writers saving at once.
 * Every main page is saved as a screenshot under {@code launcher/target/screenshots/}.
 */
@ExtendWith(StackUnderTest.class)
class EditorialDeskIT {

    private static final Pattern ARTICLE_ID = Pattern.compile("/articles/(\\d+)");

    @Test
    void anArticleGoesFromDraftThroughMedicalReviewToThePublicApiAndOffline(TestInfo test) throws Exception {
        String slug = "immunotherapy-desk-" + System.nanoTime();
        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page writer = desk(browser, "writer1");
            try {
                screenshot(writer, "dashboard-writer");
                writer.navigate(settings().adminUrl() + "/articles/new");
                writer.fill("#f-title", "Immunotherapy: how it works and what to expect");
                writer.fill("#f-slug", slug);
                writer.fill("#f-summary", "Immunotherapy helps your own immune system find and attack cancer cells.");
                writer.selectOption("#f-category", "treatments-therapies");
                writer.selectOption("#f-authors", "elena-marsh");
                writer.selectOption("#f-tags", new String[]{"cancer", "immunotherapy"});
                writer.fill("#f-body", "## How it works\n\nCheckpoint inhibitors release a brake on T cells.\n\n"
                        + "## Dosage\n\nA common schedule is 200 mg every three weeks.");
                writer.locator("input[name=refCitation]").first()
                        .fill("Example A, et al. Checkpoint inhibitors in practice. Clin Oncol. 2023;12:45-60.");
                writer.locator("input[name=refPmid]").first().fill("31234567");
                writer.fill("#f-changeNote", "First draft");
                // the live preview is rendered by the server while typing
                writer.waitForSelector("#preview h2:has-text('Dosage')");
                writer.click("button[name=intent][value=save]");
                writer.waitForURL("**/articles/*?done=created");
                long id = idIn(writer.url());
                assertTrue(writer.textContent(".flash").contains("Draft created"));
                screenshot(writer, "editor-draft");

                // reviewer2 also writes: they add a sentence, so later they may not sign this round off
                Page coWriter = desk(browser, "reviewer2");
                coWriter.navigate(settings().adminUrl() + "/articles/" + id);
                coWriter.fill("#f-body", coWriter.inputValue("#f-body") + "\n\nSide effects are usually mild.");
                coWriter.click("button[name=intent][value=save]");
                coWriter.waitForURL("**/articles/" + id + "?done=saved");

                writer.navigate(settings().adminUrl() + "/articles/" + id);
                writer.click("form[data-action=submit] button[type=submit]");
                writer.waitForURL("**/articles/" + id + "?done=submit");
                assertTrue(writer.isVisible("text=its text is locked"));

                coWriter.navigate(settings().adminUrl() + "/review/" + id);
                assertTrue(coWriter.textContent("#sod").contains("another medical reviewer must sign it off"));
                assertEquals(0, coWriter.locator("form[data-action=approve]").count(), "no approve form for reviewer2");
                screenshot(coWriter, "review-own-work-refused");

                Page reviewer = desk(browser, "reviewer1");
                screenshot(reviewer, "dashboard-reviewer");
                reviewer.navigate(settings().adminUrl() + "/review");
                screenshot(reviewer, "review-queue");
                reviewer.navigate(settings().adminUrl() + "/review/" + id);
                assertTrue(reviewer.locator(".diff ins.numeric").count() > 0, "the dose is flagged in the diff");
                assertTrue(reviewer.textContent(".reader").contains("Checkpoint inhibitors release a brake"));
                screenshot(reviewer, "review-screen");
                reviewer.fill("#approve-comment", "Doses and risks match the cited trial.");
                reviewer.click("form[data-action=approve] button[type=submit]");
                reviewer.waitForURL("**/review/" + id + "?done=approve");

                assertEquals(200, waitForStatus(settings().apiUrl() + "/api/v1/articles/" + slug, 200));
                JsonNode published = JSON.readTree(get(settings().apiUrl() + "/api/v1/articles/" + slug).body());
                assertEquals("Immunotherapy: how it works and what to expect", published.path("title").asText());

                Page editor = desk(browser, "editor1");
                screenshot(editor, "dashboard-editor");
                editor.navigate(settings().adminUrl() + "/articles/" + id + "/history");
                screenshot(editor, "history");
                editor.navigate(settings().adminUrl() + "/articles/" + id);
                screenshot(editor, "editor-live-for-editor");
                editor.click("form[data-action=unpublish] button[type=submit]");
                editor.waitForURL("**/articles/" + id + "?done=unpublish");
                assertEquals(404, waitForStatus(settings().apiUrl() + "/api/v1/articles/" + slug, 404));

                editor.navigate(settings().adminUrl() + "/articles");
                screenshot(editor, "article-list");
                editor.navigate(settings().adminUrl() + "/catalog");
                screenshot(editor, "catalog");
                writer.navigate(settings().adminUrl() + "/imports");
                screenshot(writer, "import");
            } catch (AssertionError | RuntimeException e) {
                screenshot(writer, "FAILED-" + test.getTestMethod().orElseThrow().getName());
                throw e;
            }
        }
    }

    @Test
    void twoWritersSavingAtOnceLoseNothing(TestInfo test) throws Exception {
        long id = draftThroughTheApi("conflict-desk-" + System.nanoTime());
        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page first = desk(browser, "writer1");
            Page second = desk(browser, "writer2");
            try {
                first.navigate(settings().adminUrl() + "/articles/" + id);
                second.navigate(settings().adminUrl() + "/articles/" + id);

                second.fill("#f-body", "## Dosage\n\nTake 400 mg every six weeks.");
                second.click("button[name=intent][value=save]");
                second.waitForURL("**/articles/" + id + "?done=saved");

                first.fill("#f-body", "## Dosage\n\nTake 200 mg every three weeks. Writer one's own paragraph.");
                first.click("button[name=intent][value=save]");
                first.waitForSelector(".conflict");
                screenshot(first, "editor-conflict");
                assertTrue(first.textContent(".conflict").contains("400"), "the other writer's change is shown");
                assertTrue(first.inputValue("#f-body").contains("Writer one's own paragraph."), "your text is kept");

                first.fill("#f-body", "## Dosage\n\nTake 400 mg every six weeks. Writer one's own paragraph.");
                first.click("button[name=intent][value=save]");
                first.waitForURL("**/articles/" + id + "?done=saved");
            } catch (AssertionError | RuntimeException e) {
                screenshot(first, "FAILED-" + test.getTestMethod().orElseThrow().getName());
                throw e;
            }
        }
        JsonNode revisions = JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create(settings().adminUrl() + "/manage/v1/articles/" + id + "/revisions"))
                .header("Authorization", "Bearer " + token("writer1")).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        String bodies = revisions.toString();
        assertEquals(3, revisions.size(), bodies);
        assertTrue(bodies.contains("Take 400 mg every six weeks.\""), "writer2's revision is in the history");
        assertTrue(bodies.contains("Writer one's own paragraph."), "writer1's merged revision is in the history");
        assertFalse(revisions.get(2).path("createdBy").asText().isBlank());
    }

    private static long draftThroughTheApi(String slug) throws Exception {
        return JSON.readTree(draft(Map.of("slug", slug, "title", "Two writers",
                "body", "## Dosage\n\nTake 200 mg every three weeks.")).body()).path("id").asLong();
    }

    /** Polls until the URL answers the expected status (the public cache follows changes over NOTIFY). */
    private static int waitForStatus(String url, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        do {
            status = get(url).statusCode();
        } while (status != expected && System.nanoTime() < deadline && pause());
        return status;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    private static long idIn(String url) {
        Matcher m = ARTICLE_ID.matcher(url);
        assertTrue(m.find(), url);
        return Long.parseLong(m.group(1));
    }
}
