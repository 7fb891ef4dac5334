package health.cms.launcher;

import static health.cms.launcher.EndToEnd.JSON;
import static health.cms.launcher.EndToEnd.get;
import static health.cms.launcher.EndToEnd.launchChromium;
import static health.cms.launcher.EndToEnd.logIn;
import static health.cms.launcher.EndToEnd.manage;
import static health.cms.launcher.EndToEnd.playwright;
import static health.cms.launcher.EndToEnd.settings;
import static health.cms.launcher.EndToEnd.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import health.cms.admin.security.AccessMatrix;
import health.cms.admin.security.ManagementApiMatrix;

/**
 * The whole local stack as the run command starts it (embedded PostgreSQL, real Keycloak, both apps,
 * demo content), driven through the real Keycloak login in Debian's Chromium.
 */
@ExtendWith(StackUnderTest.class)
class LocalStackIT {

    @Test
    void writerLogsIntoTheDeskThroughKeycloakAndOut() {
        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page page = browser.newPage();
            page.navigate(settings().adminUrl() + "/");
            assertTrue(page.url().startsWith(settings().realmUrl() + "/protocol/openid-connect/auth"),
                    "an anonymous visitor is sent to the Keycloak login, got " + page.url());

            logIn(page, "writer1");

            assertTrue(page.textContent("h1").startsWith("Good to see you, "), page.content());
            assertEquals(List.of("writer"), page.locator("[data-role]").allTextContents().stream().map(String::strip).toList());
            assertTrue(page.content().contains("writer1"));

            page.click("text=Sign out");
            page.waitForURL(settings().adminUrl() + "/signed-out**");
            assertEquals("You are signed out", page.textContent("h1"));
            page.navigate(settings().adminUrl() + "/");
            assertTrue(page.url().startsWith(settings().realmUrl()), "after logout the desk asks for a login again");
        }
    }

    @Test
    void reviewerWithTwoRolesSeesBoth() {
        try (Playwright playwright = playwright(); Browser browser = launchChromium(playwright)) {
            Page page = browser.newPage();
            page.navigate(settings().adminUrl() + "/");
            logIn(page, "reviewer2");
            assertEquals(List.of("writer", "medical-reviewer"),
                    page.locator("[data-role]").allTextContents().stream().map(String::strip).toList());
        }
    }

    @Test
    void deliveryApiServesThePublishedDemoArticle() throws Exception {
        HttpResponse<String> response = get(settings().apiUrl() + "/api/v1/articles/immunotherapy-treatment-effect-risks");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode article = JSON.readTree(response.body());
        assertEquals("Immunotherapy: treatment, effect and risks", article.path("title").asText());
        assertEquals("Treatments & Therapies", article.path("category").path("name").asText());
        assertFalse(article.path("authors").path(0).path("credentials").asText().isBlank(), "author box with credentials");
        assertFalse(article.path("medicalReview").path("reviewerName").asText().isBlank(), "named medical reviewer");

        HttpResponse<String> missing = get(settings().apiUrl() + "/api/v1/articles/not-published-anywhere");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
    }

    /** The api connects as the read-only role, a member of cms_delivery and nothing else. */
    @Test
    void apiReadsAsTheReadOnlyRole() throws Exception {
        assertEquals(200, get(settings().apiUrl() + "/api/v1/articles?limit=1").statusCode());
        try (Connection owner = DriverManager.getConnection(settings().jdbcUrl(), LocalPostgres.APP_USER,
                LocalPostgres.APP_PASSWORD); Statement s = owner.createStatement()) {
            assertEquals(List.of("cms_delivery"), column(s, """
                    SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
                    JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = '%s'""".formatted(LocalPostgres.API_USER)));
            // the pool keeps the connection that served the request above
            assertFalse(column(s, "SELECT pid FROM pg_stat_activity WHERE datname = 'cms' AND usename = '"
                    + LocalPostgres.API_USER + "'").isEmpty(), "the api holds connections as " + LocalPostgres.API_USER);
        }
    }

    private static List<String> column(Statement s, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void cliTokensCarryTheRealmRoles() throws Exception {
        String token = token("reviewer2");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("reviewer2", claims.path("preferred_username").asText());
        List<String> roles = JSON.convertValue(claims.path("realm_access").path("roles"), List.class);
        assertTrue(roles.containsAll(List.of("medical-reviewer", "writer")), "roles: " + roles);
        assertFalse(roles.contains("editor"));
        assertEquals(URLEncoder.encode(settings().realmUrl(), StandardCharsets.UTF_8),
                URLEncoder.encode(claims.path("iss").asText(), StandardCharsets.UTF_8));
    }

    /**
     * The management API's column of the authorization matrix (admin-ui's AccessMatrix) with tokens from
     * the real Keycloak for every demo user; the fast run with WireMock-signed tokens is in admin-ui.
     */
    @Test
    void managementApiAnswersEveryDemoUserAsTheAuthorizationMatrixSays() {
        ManagementApiMatrix matrix = new ManagementApiMatrix(URI.create(settings().adminUrl()), user -> {
            try {
                return token(user);
            } catch (Exception e) {
                throw new IllegalStateException("no Keycloak token for " + user, e);
            }
        }, new ManagementApiMatrix.Site("treatments-therapies", "elena-marsh", "cancer"));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        // Every column but "outsider": the realm has no account without a desk role.
        for (String user : List.of("anonymous", "writer1", "writer2", "reviewer1", "reviewer2", "editor1")) {
            ManagementApiMatrix.Outcome outcome = matrix.runColumn(user);
            checked += outcome.checked();
            mismatches.addAll(outcome.mismatches());
        }
        assertEquals(6 * AccessMatrix.managementApi().size(), checked);
        assertTrue(mismatches.isEmpty(), "with real Keycloak tokens:\n  " + String.join("\n  ", mismatches));
    }

    @Test
    void aPublishAndAnUnpublishReachASecondApiReplicaAndItsSearchWithinOneSecond() throws Exception {
        Path log = settings().stateDir().resolve("logs/api-replica.log");
        ManagedProcess replica = ManagedProcess.start("api replica",
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m", "-jar",
                        settings().appJar("api").toString()),
                Map.of("CMS_DB_URL", settings().jdbcUrl(), "CMS_DB_USER", LocalPostgres.API_USER, "CMS_DB_PASSWORD",
                        LocalPostgres.API_PASSWORD, "CMS_LOCAL_STACK", "true", "CMS_API_PORT", "28082",
                        "CMS_API_MANAGEMENT_PORT", "29082"),
                settings().projectDir(), log);
        try {
            replica.awaitReady("http://localhost:28082/q/health/ready", Duration.ofSeconds(90), name -> {
            });
            List<String> replicas = List.of(settings().apiUrl(), "http://localhost:28082");
            String list = "/api/v1/articles?category=treatments-therapies&limit=1";
            String before = get(replicas.get(1) + list).body();
            String writer = token("writer1");
            String word = "zqreplica" + System.nanoTime();
            String slug = "replica-check-" + System.nanoTime();
            HttpResponse<String> created = manage("/manage/v1/articles", writer, null, article(slug, word));
            assertEquals(201, created.statusCode(), created.body());
            // A draft with a word of its own: it must never be found on either replica, before or after.
            String draftWord = "zqdraftonly" + System.nanoTime();
            HttpResponse<String> draft = manage("/manage/v1/articles", writer, null,
                    article("replica-draft-" + System.nanoTime(), draftWord));
            assertEquals(201, draft.statusCode(), draft.body());
            String transitions = "/manage/v1/articles/" + JSON.readTree(created.body()).path("id").asLong() + "/transitions";
            HttpResponse<String> submitted = manage(transitions, writer, created.headers().firstValue("ETag").orElseThrow(),
                    "{\"action\": \"submit\"}");
            assertEquals(200, submitted.statusCode(), submitted.body());
            HttpResponse<String> approved = manage(transitions, token("reviewer1"),
                    submitted.headers().firstValue("ETag").orElseThrow(), "{\"action\": \"approve\"}");
            assertEquals(200, approved.statusCode(), approved.body());
            assertTrue(within1s(() -> {
                for (String api : replicas) {
                    if (!get(api + list).body().contains(slug)
                            || !get(api + "/api/v1/search?q=" + word).body().contains(slug)) {
                        return false;
                    }
                }
                return true;
            }),
                    "the new article tops the cached list and is found on both replicas within one second");
            assertFalse(before.contains(slug));
            HttpResponse<String> unpublished = manage(transitions, token("editor1"),
                    approved.headers().firstValue("ETag").orElseThrow(),
                    "{\"action\": \"unpublish\", \"comment\": \"Replica check done\"}");
            assertEquals(200, unpublished.statusCode(), unpublished.body());
            assertTrue(within1s(() -> {
                for (String api : replicas) {
                    if (get(api + "/api/v1/search?q=" + word).body().contains(slug)
                            || get(api + "/api/v1/articles/" + slug).statusCode() != 404) {
                        return false;
                    }
                }
                return true;
            }),
                    "the unpublished article is gone from search and delivery on both replicas within one second");
            for (String api : replicas) {
                assertFalse(get(api + "/api/v1/search?q=" + draftWord).body().contains("replica-draft-"), api);
                assertFalse(get(api + "/api/v1/search/suggest?q=" + draftWord).body().contains("replica-draft-"), api);
            }
        } finally {
            replica.stop();
        }
    }

    private static String article(String slug, String word) throws Exception {
        return JSON.writeValueAsString(Map.of("slug", slug, "title", "Replica check " + word, "summary", "Lead.",
                "body", "## A\n\nText about " + word + ".", "category", "treatments-therapies", "authors",
                List.of("elena-marsh"), "references", List.of(Map.of("citation", "Doe J. Trial. 2020."))));
    }

    /** Whether the condition holds at some point within one second, asked again and again. */
    private static boolean within1s(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Check {

        boolean holds() throws Exception;
    }

}
