package health.cms.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/** What the end-to-end tests share: HTTP calls, Keycloak tokens and logins, Chromium, screenshots. */
final class EndToEnd {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Screenshots of every main page, for a person to look at after each run. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private EndToEnd() {
    }

    static StackSettings settings() {
        return StackUnderTest.settings();
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launchChromium(Playwright playwright) {
        Path chromium = Path.of(System.getenv().getOrDefault("CMS_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium at " + chromium
                    + " (apt-get install -y chromium), or CMS_CHROMIUM pointing at another Chromium");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    /** Opens the desk in a fresh browser context (its own cookies) and logs in through Keycloak. */
    static Page desk(Browser browser, String user) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        page.navigate(settings().adminUrl() + "/");
        logIn(page, user);
        return page;
    }

    /** Fills the Keycloak login form (demo passwords equal the user name) and waits for the desk. */
    static void logIn(Page page, String user) {
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
        page.waitForURL(settings().adminUrl() + "/**");
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=cms-cli&username=" + user + "&password=" + user;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(settings().realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /**
     * Creates a draft through the management API as writer1: the given fields over a complete article (a lead,
     * a section, the demo category and author, one reference).
     */
    static HttpResponse<String> draft(Map<String, Object> fields) throws Exception {
        Map<String, Object> article = new HashMap<>(Map.of("summary", "Lead.", "body", "## A\n\nText.",
                "category", "treatments-therapies", "authors", List.of("elena-marsh"),
                "references", List.of(Map.of("citation", "Doe J. Trial. 2020."))));
        article.putAll(fields);
        HttpResponse<String> created = manage("/manage/v1/articles", token("writer1"), null,
                JSON.writeValueAsString(article));
        assertEquals(201, created.statusCode(), created.body());
        return created;
    }

    /** Writer1 drafts (as {@link #draft}) and submits an article; returns the answer to the submit. */
    static HttpResponse<String> submittedThroughTheApi(Map<String, Object> fields) throws Exception {
        HttpResponse<String> created = draft(fields);
        HttpResponse<String> submitted = manage(transitions(created), token("writer1"),
                created.headers().firstValue("ETag").orElseThrow(), "{\"action\": \"submit\"}");
        assertEquals(200, submitted.statusCode(), submitted.body());
        return submitted;
    }

    /**
     * Writer1 drafts and submits an article (as {@link #submittedThroughTheApi}), reviewer1 approves it declaring
     * no conflict of interest; {@code approval} adds to the action (a {@code publishAt} schedules it). Returns
     * the approved article's state.
     */
    static JsonNode approvedThroughTheApi(Map<String, Object> fields, Map<String, Object> approval) throws Exception {
        HttpResponse<String> submitted = submittedThroughTheApi(fields);
        Map<String, Object> approve = new HashMap<>(Map.of("action", "approve", "conflictOfInterest", "none"));
        approve.putAll(approval);
        HttpResponse<String> approved = manage(transitions(submitted), token("reviewer1"),
                submitted.headers().firstValue("ETag").orElseThrow(), JSON.writeValueAsString(approve));
        assertEquals(200, approved.statusCode(), approved.body());
        return JSON.readTree(approved.body());
    }

    /** The transitions address of the article an answer of the management API describes. */
    static String transitions(HttpResponse<String> article) throws Exception {
        return "/manage/v1/articles/" + JSON.readTree(article.body()).path("id").asLong() + "/transitions";
    }

    static HttpResponse<String> manage(String path, String token, String ifMatch, String body) throws Exception {
        return manage("POST", path, token, ifMatch, body);
    }

    static HttpResponse<String> manage(String method, String path, String token, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings().adminUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
