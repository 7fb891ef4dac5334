package health.cms.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The whole local stack as the run command starts it (embedded PostgreSQL, real Keycloak, both apps,
 * demo content), driven through the real Keycloak login in Debian's Chromium.
 */
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static StackSettings settings;
    private static List<Long> pids;

    @BeforeAll
    static void startTheStack() throws IOException {
        Path state = Files.createTempDirectory("cms-stack-it");
        // The realm lists 28081 as a valid redirect for the desk, so the tests use the 28xxx ports.
        settings = new StackSettings(Path.of(System.getProperty("cms.project.dir")),
                Path.of(System.getProperty("cms.keycloak.home")), state, freePort(), 28180, 28080, 28081, true);
        stack = new LocalStack(settings, System.out);
        stack.start();
        pids = stack.pids();
        System.out.printf("%nLocal stack ready in %d s%n", stack.startupTime().toSeconds());
    }

    @AfterAll
    static void stopTheStack() throws IOException {
        stack.close();
        try (var paths = Files.walk(settings.stateDir())) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        for (long pid : pids.subList(1, pids.size())) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " still runs after the stack stopped");
        }
    }

    @Test
    void writerLogsIntoTheDeskThroughKeycloakAndOut() {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = launchChromium(playwright)) {
            Page page = browser.newPage();
            page.navigate(settings.adminUrl() + "/");
            assertTrue(page.url().startsWith(settings.realmUrl() + "/protocol/openid-connect/auth"),
                    "an anonymous visitor is sent to the Keycloak login, got " + page.url());

            logIn(page, "writer1");

            assertTrue(page.textContent("h1").startsWith("Welcome, "), page.content());
            assertEquals(List.of("writer"), page.locator("[data-role]").allTextContents().stream().map(String::strip).toList());
            assertTrue(page.content().contains("writer1"));

            page.click("text=Sign out");
            page.waitForURL(settings.adminUrl() + "/signed-out**");
            assertEquals("You are signed out", page.textContent("h1"));
            page.navigate(settings.adminUrl() + "/");
            assertTrue(page.url().startsWith(settings.realmUrl()), "after logout the desk asks for a login again");
        }
    }

    @Test
    void reviewerWithTwoRolesSeesBoth() {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = launchChromium(playwright)) {
            Page page = browser.newPage();
            page.navigate(settings.adminUrl() + "/");
            logIn(page, "reviewer2");
            assertEquals(List.of("writer", "medical-reviewer"),
                    page.locator("[data-role]").allTextContents().stream().map(String::strip).toList());
        }
    }

    @Test
    void deliveryApiServesThePublishedDemoArticle() throws Exception {
        HttpResponse<String> response = get(settings.apiUrl() + "/api/v1/articles/immunotherapy-treatment-effect-risks");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode article = JSON.readTree(response.body());
        assertEquals("Immunotherapy: treatment, effect and risks", article.path("title").asText());
        assertEquals("Treatments & Therapies", article.path("category").path("name").asText());
        assertFalse(article.path("authors").path(0).path("credentials").asText().isBlank(), "author box with credentials");
        assertFalse(article.path("medicalReview").path("reviewerName").asText().isBlank(), "named medical reviewer");

        HttpResponse<String> missing = get(settings.apiUrl() + "/api/v1/articles/not-published-anywhere");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void cliTokensCarryTheRealmRoles() throws Exception {
        String token = token("reviewer2");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("reviewer2", claims.path("preferred_username").asText());
        List<String> roles = JSON.convertValue(claims.path("realm_access").path("roles"), List.class);
        assertTrue(roles.containsAll(List.of("medical-reviewer", "writer")), "roles: " + roles);
        assertFalse(roles.contains("editor"));
        assertEquals(URLEncoder.encode(settings.realmUrl(), StandardCharsets.UTF_8),
                URLEncoder.encode(claims.path("iss").asText(), StandardCharsets.UTF_8));
    }

    /** Fills the Keycloak login form (demo passwords equal the user name) and waits for the desk. */
    private static void logIn(Page page, String user) {
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
        page.waitForURL(settings.adminUrl() + "/**");
    }

    @Test
    void aPublishReachesASecondApiReplicaWithinOneSecond() throws Exception {
        Path log = settings.stateDir().resolve("logs/api-replica.log");
        ManagedProcess replica = ManagedProcess.start("api replica",
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m", "-jar",
                        settings.appJar("api").toString()),
                Map.of("CMS_DB_URL", settings.jdbcUrl(), "CMS_DB_USER", "cms", "CMS_DB_PASSWORD", "cms",
                        "CMS_API_PORT", "28082"),
                settings.projectDir(), log);
        try {
            replica.awaitReady("http://localhost:28082/q/health/ready", Duration.ofSeconds(90), name -> {
            });
            String list = "/api/v1/articles?category=treatments-therapies&limit=1";
            String before = get("http://localhost:28082" + list).body();
            String writer = token("writer1");
            String slug = "replica-check-" + System.nanoTime();
            String article = JSON.writeValueAsString(Map.of("slug", slug, "title", "Replica check", "summary", "Lead.",
                    "body", "## A\n\nText.", "category", "treatments-therapies", "authors", List.of("elena-marsh"),
                    "references", List.of(Map.of("citation", "Doe J. Trial. 2020."))));
            HttpResponse<String> created = manage("/manage/v1/articles", writer, null, article);
            assertEquals(201, created.statusCode(), created.body());
            String transitions = "/manage/v1/articles/" + JSON.readTree(created.body()).path("id").asLong() + "/transitions";
            HttpResponse<String> submitted = manage(transitions, writer, created.headers().firstValue("ETag").orElseThrow(),
                    "{\"action\": \"submit\"}");
            assertEquals(200, submitted.statusCode(), submitted.body());
            HttpResponse<String> approved = manage(transitions, token("reviewer1"),
                    submitted.headers().firstValue("ETag").orElseThrow(), "{\"action\": \"approve\"}");
            assertEquals(200, approved.statusCode(), approved.body());
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            boolean onBoth = false;
            while (!onBoth && System.nanoTime() < deadline) {
                onBoth = get(settings.apiUrl() + list).body().contains(slug)
                        && get("http://localhost:28082" + list).body().contains(slug);
            }
            assertTrue(onBoth, "the new article tops the cached list on both replicas within one second");
            assertFalse(before.contains(slug));
        } finally {
            replica.stop();
        }
    }

    private static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=cms-cli&username=" + user + "&password=" + user;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(settings.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> manage(String path, String token, String ifMatch, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.adminUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Browser launchChromium(Playwright playwright) {
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

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
