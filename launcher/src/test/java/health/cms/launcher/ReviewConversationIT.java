package health.cms.launcher;

import static health.cms.launcher.EndToEnd.JSON;
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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * The review conversation in a real browser through the real Keycloak login: the reviewer selects a sentence
 * on the review screen and comments on it as blocking, approval is refused; the writer resolves the comment
 * beside the editor; the reviewer approves.
 */
@ExtendWith(StackUnderTest.class)
class ReviewConversationIT {

    private static final String SENTENCE = "A common schedule is 200 mg every three weeks.";

    @Test
    void aBlockingCommentOnASelectedSentenceHoldsTheApprovalUntilTheWriterResolvesIt(TestInfo test) throws Exception {
        long id = submittedThroughTheApi("conversation-" + System.nanoTime());
        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page reviewer = desk(browser, "reviewer1");
            Page writer = desk(browser, "writer1");
            try {
                reviewer.navigate(settings().adminUrl() + "/review/" + id);
                // select the sentence in "As readers will see it", as a reviewer does with the mouse
                reviewer.evaluate("sentence => {"
                        + " const reader = document.getElementById('reader');"
                        + " const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);"
                        + " let node; while ((node = walker.nextNode()) && !node.textContent.includes(sentence)) {}"
                        + " const start = node.textContent.indexOf(sentence);"
                        + " const range = document.createRange();"
                        + " range.setStart(node, start); range.setEnd(node, start + sentence.length);"
                        + " const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);"
                        + "}", SENTENCE);
                reviewer.waitForFunction("s => document.querySelector('#new-comment [name=exact]').value === s",
                        SENTENCE);
                reviewer.fill("#new-comment [name=body]", "Which trial gives this schedule? Please cite it.");
                reviewer.check("#new-comment [name=blocking]");
                reviewer.click("#new-comment button[type=submit]");
                reviewer.waitForSelector("#blocking-open");
                assertTrue(reviewer.textContent("#comments").contains(SENTENCE), "the comment quotes the sentence");
                assertTrue(reviewer.isVisible("#blocking-open"), "the screen says a blocking comment is open");
                assertEquals(0, reviewer.locator("form[data-action=approve]").count(), "no approve form while blocked");
                screenshot(reviewer, "review-blocking-comment");
                HttpResponse<String> refused = approve(id);
                assertEquals(409, refused.statusCode(), "the API refuses the approval too: " + refused.body());

                writer.navigate(settings().adminUrl() + "/articles/" + id);
                writer.click("#comments article.blocking button:has-text('Resolve')");
                // the editor lists open threads only: the resolved one leaves it
                writer.locator("#comments article.blocking")
                        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
                screenshot(writer, "editor-comment-resolved");

                reviewer.navigate(settings().adminUrl() + "/review/" + id);
                assertTrue(reviewer.textContent("#comments").contains("Resolved by writer1"));
                reviewer.check("form[data-action=approve] input[name=conflict][value=none]");
                reviewer.click("form[data-action=approve] button[type=submit]");
                reviewer.waitForURL("**/review/" + id + "?done=approve");
                screenshot(reviewer, "review-approved-after-resolution");
                assertEquals("published", status(id), "approved and live");
            } catch (AssertionError | RuntimeException e) {
                screenshot(reviewer, "FAILED-reviewer-" + test.getTestMethod().orElseThrow().getName());
                screenshot(writer, "FAILED-writer-" + test.getTestMethod().orElseThrow().getName());
                throw e;
            }
        }
    }

    private static String status(long id) throws Exception {
        HttpResponse<String> state = manage("GET", "/manage/v1/articles/" + id, token("editor1"), null, "");
        return JSON.readTree(state.body()).path("status").asText();
    }

    private static HttpResponse<String> approve(long id) throws Exception {
        HttpResponse<String> state = manage("GET", "/manage/v1/articles/" + id, token("reviewer1"), null, "");
        return manage("/manage/v1/articles/" + id + "/transitions", token("reviewer1"),
                state.headers().firstValue("ETag").orElseThrow(),
                JSON.writeValueAsString(Map.of("action", "approve", "conflictOfInterest", "none")));
    }

    private static long submittedThroughTheApi(String slug) throws Exception {
        HttpResponse<String> submitted = EndToEnd.submittedThroughTheApi(Map.of("slug", slug,
                "title", "Checkpoint inhibitor schedules", "summary", "How often immunotherapy is given.",
                "body", "## Dosage\n\n" + SENTENCE + " Infusions take about 30 minutes."));
        return JSON.readTree(submitted.body()).path("id").asLong();
    }
}
