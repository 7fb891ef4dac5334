package health.cms.launcher;

import static health.cms.launcher.EndToEnd.JSON;
import static health.cms.launcher.EndToEnd.desk;
import static health.cms.launcher.EndToEnd.draft;
import static health.cms.launcher.EndToEnd.launchChromium;
import static health.cms.launcher.EndToEnd.manage;
import static health.cms.launcher.EndToEnd.playwright;
import static health.cms.launcher.EndToEnd.screenshot;
import static health.cms.launcher.EndToEnd.settings;
import static health.cms.launcher.EndToEnd.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The writer's desk in a real browser: the toolbar and the live preview, the readability grade of a text
 * whose grade is published, and autosave bringing back the text of a closed tab.
 */
@ExtendWith(StackUnderTest.class)
class WritersDeskIT {

    /** Wikipedia's example: 13 words, 24 syllables, one sentence: grade 11.3. */
    private static final String PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";

    @Test
    void writeWithTheToolbarSeeTheGradeCloseTheTabAndRestoreTheText(TestInfo test) throws Exception {
        long id = draftThroughTheApi("writers-desk-" + System.nanoTime());
        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page writer = desk(browser, "writer1");
            Page shown = writer;
            try {
                writer.navigate(settings().adminUrl() + "/articles/" + id);
                writer.fill("#f-body", "");
                writer.click(".md-toolbar button[data-command=h2]");
                writer.keyboard().type("Living with it");
                writer.keyboard().press("End");
                writer.keyboard().type("\n\n" + PLATYPUS);
                assertTrue(writer.inputValue("#f-body").startsWith("## Living with it"), writer.inputValue("#f-body"));
                // the server renders the preview and measures the text while the writer types
                writer.waitForSelector("#preview h2:has-text('Living with it')");
                writer.waitForSelector("#preview #readability-grade:has-text('11.3')");
                writer.keyboard().type("\n\n## Care\n\nHypertension is common.");
                writer.waitForSelector("#preview .reader u.clinical:has-text('Hypertension')");
                screenshot(writer, "writers-desk-editor");

                writer.waitForSelector("#autosave-status:has-text('Autosaved')");
                // autosave runs every 3 s while the text changes: let the tick after the last keystroke land
                writer.waitForTimeout(7000);
                String typed = writer.inputValue("#f-body");
                writer.close();
                shown = null;

                Page back = desk(browser, "writer1");
                shown = back;
                back.navigate(settings().adminUrl() + "/articles/" + id);
                back.waitForSelector("#autosave-offer");
                screenshot(back, "writers-desk-autosave-offer");
                back.click("#restore-autosave");
                back.waitForURL("**/articles/" + id + "?restore=true");
                assertEquals(typed, back.inputValue("#f-body"));
                back.click("button[name=intent][value=save]");
                back.waitForURL("**/articles/" + id + "?done=saved");
                assertEquals(0, back.locator("#autosave-offer").count(), "saving drops the scratch copy");

                HttpResponse<String> article = manage("GET", "/manage/v1/articles/" + id, token("writer1"), null, "");
                assertEquals(11.3, JSON.readTree(article.body()).path("readability").path("sections").path(0)
                        .path("scores").path("grade").asDouble(), article.body());

                Page reviewer = desk(browser, "reviewer1");
                reviewer.navigate(settings().adminUrl() + "/review/" + id);
                reviewer.waitForSelector(".readability-card u.clinical:has-text('hypertension')");
                screenshot(reviewer, "writers-desk-review");
            } catch (AssertionError | RuntimeException e) {
                if (shown != null) {
                    screenshot(shown, "FAILED-" + test.getTestMethod().orElseThrow().getName());
                }
                throw e;
            }
        }
    }

    private static long draftThroughTheApi(String slug) throws Exception {
        return JSON.readTree(draft(Map.of("slug", slug, "title", "Living with high blood pressure",
                "summary", "What helps day to day.", "body", "## Start\n\nA first line.")).body()).path("id").asLong();
    }
}
