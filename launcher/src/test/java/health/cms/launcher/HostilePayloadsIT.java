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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;

import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.testing.HostileMarkup;

/**
 * The hostile-content corpus in a real browser through the real Keycloak login (moved here from
 * {@code EditorialDeskIT}, which it outgrew): nothing a payload carries may run on any desk page.
 */
@ExtendWith(StackUnderTest.class)
class HostilePayloadsIT {

    /**
     * Hostile content in the real browser: an article and an author profile whose every rendered field
     * carries payloads of the corpus (the body all of them, the bio as many as fit), opened on every desk page
     * that shows them, plus the editor's live preview while payloads are typed. Nothing may run: no
     * dialog, no {@code window.__xss}, no uncaught error. A Content-Security-Policy violation also fails
     * the test although the browser blocked it: it means injected markup reached the page, which the
     * server's escaping and sanitizing must prevent on their own. Resources that fail to load (an image
     * of a payload pointing nowhere) are not code and are ignored.
     */
    @Test
    void hostilePayloadsNeverRunInTheBrowser(TestInfo test) throws Exception {
        List<HostileMarkup.Payload> corpus = HostileMarkup.payloads();
        String everyPayload = String.join("\n\n", corpus.stream().map(HostileMarkup.Payload::text).toList());
        // A body that shows an image is refused at save (no image may load from another host), so the saved
        // bodies carry every other payload; the live preview below still gets all of them.
        MarkdownRenderer renderer = new MarkdownRenderer();
        List<HostileMarkup.Payload> payloads = corpus.stream().filter(p -> renderer.images(p.text()).isEmpty())
                .toList();
        String all = String.join("\n\n", payloads.stream().map(HostileMarkup.Payload::text).toList());
        String suffix = Long.toString(System.nanoTime(), 36);
        String editor = token("editor1");
        HttpResponse<String> profile = manage("/manage/v1/authors", editor, null, JSON.writeValueAsString(Map.of(
                "slug", "hostile-author-" + suffix, "displayName", pick(payloads, "onerror"),
                "credentials", pick(payloads, "svg onload"), "bio", fit(payloads, 5000),
                "specialties", List.of(pick(payloads, "<script>"), pick(payloads, "javascript:")),
                "website", "https://example.org/author", "author", true)));
        assertEquals(201, profile.statusCode(), profile.body());

        String writer = token("writer1");
        Map<String, Object> article = new java.util.LinkedHashMap<>();
        article.put("slug", "hostile-" + suffix);
        article.put("title", pick(payloads, "\"><script>"));
        article.put("summary", pick(payloads, "</textarea>"));
        article.put("body", "## " + pick(corpus, "<img") + "\n\n" + everyPayload);
        HttpResponse<String> refused = manage("/manage/v1/articles", token("writer1"), null,
                JSON.writeValueAsString(article));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("may not show images"), refused.body());
        article.put("body", "## " + pick(payloads, "onerror") + "\n\n" + all);
        article.put("category", "treatments-therapies");
        article.put("authors", List.of("hostile-author-" + suffix));
        article.put("references", List.of(Map.of("citation", pick(payloads, "<svg"),
                "doi", "10.1000/\"onmouseover=\"alert(1)", "url", "https://example.org/\"><script>alert(1)</script>")));
        article.put("changeNote", pick(payloads, "<iframe"));
        HttpResponse<String> created = manage("/manage/v1/articles", writer, null, JSON.writeValueAsString(article));
        assertEquals(201, created.statusCode(), created.body());
        long id = JSON.readTree(created.body()).path("id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        etag = transition(id, writer, etag, Map.of("action", "submit", "comment", pick(payloads, "<details")));
        etag = transition(id, token("reviewer1"), etag, Map.of("action", "approve", "comment", pick(payloads, "<body")));
        article.remove("slug");
        article.put("body", all + "\n\n## Revised " + pick(payloads, "<math"));
        article.put("changeNote", pick(payloads, "<form"));
        HttpResponse<String> edited = manage("PUT", "/manage/v1/articles/" + id, writer, etag,
                JSON.writeValueAsString(article));
        assertEquals(200, edited.statusCode(), edited.body());
        transition(id, writer, edited.headers().firstValue("ETag").orElseThrow(),
                Map.of("action", "submit", "comment", pick(payloads, "<input")));

        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            List<String> ran = new ArrayList<>();
            Map<String, List<String>> pages = Map.of(
                    "writer1", List.of("/", "/articles", "/articles/" + id, "/articles/" + id + "/history?from=1&to=2"),
                    "reviewer1", List.of("/", "/review", "/review/" + id),
                    "editor1", List.of("/", "/catalog", "/catalog/profiles/hostile-author-" + suffix,
                            "/articles/" + id + "/history"));
            for (Map.Entry<String, List<String>> user : pages.entrySet()) {
                Page page = desk(browser, user.getKey());
                watch(page, user.getKey(), ran);
                try {
                    for (String path : user.getValue()) {
                        page.navigate(settings().adminUrl() + path);
                        settle(page, user.getKey() + " " + path, ran);
                    }
                    if (user.getKey().equals("writer1")) {
                        // The live preview puts the server's sanitized fragment into the page with innerHTML.
                        page.navigate(settings().adminUrl() + "/articles/new");
                        page.fill("#f-title", pick(payloads, "onerror"));
                        page.fill("#f-summary", pick(payloads, "<svg"));
                        page.fill("#f-body", everyPayload);
                        page.waitForSelector("#preview .reader p");
                        settle(page, "writer1 live preview", ran);
                    }
                    screenshot(page, "hostile-" + user.getKey());
                } catch (AssertionError | RuntimeException e) {
                    screenshot(page, "FAILED-" + test.getTestMethod().orElseThrow().getName() + "-" + user.getKey());
                    throw e;
                }
            }
            assertTrue(ran.isEmpty(), "injected code ran or reached the page:\n" + String.join("\n", ran));
        }
    }

    /** As many payloads as fit in a field of this length, one per line. */
    private static String fit(List<HostileMarkup.Payload> payloads, int max) {
        StringBuilder text = new StringBuilder();
        for (HostileMarkup.Payload p : payloads) {
            if (text.length() + p.text().length() + 1 > max) {
                break;
            }
            text.append(p.text()).append('\n');
        }
        return text.toString();
    }

    private static String pick(List<HostileMarkup.Payload> payloads, String containing) {
        return payloads.stream().map(HostileMarkup.Payload::text).filter(p -> p.contains(containing)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the corpus has no payload with " + containing));
    }

    private static String transition(long id, String token, String etag, Map<String, String> action) throws Exception {
        HttpResponse<String> response = manage("/manage/v1/articles/" + id + "/transitions", token, etag,
                JSON.writeValueAsString(action));
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /** Records every sign of code that ran, or that the Content-Security-Policy had to stop. */
    private static void watch(Page page, String user, List<String> ran) {
        page.onDialog(dialog -> {
            ran.add(user + " at " + page.url() + ": a " + dialog.type() + " dialog: " + dialog.message());
            dialog.dismiss();
        });
        page.onPageError(error -> ran.add(user + " at " + page.url() + ": uncaught error: " + error));
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
                ran.add(user + " at " + page.url() + ": console error"
                        + (message.text().contains("Content Security Policy") ? " (blocked by the CSP)" : "") + ": "
                        + message.text());
            }
        });
    }

    /** Waits for the page to load and for late handlers (image errors, autofocus), then reads the marker. */
    private static void settle(Page page, String where, List<String> ran) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.waitForTimeout(300);
        Object marker = page.evaluate("() => window.__xss");
        if (marker != null) {
            ran.add(where + ": window.__xss was set to " + marker);
        }
    }
}
