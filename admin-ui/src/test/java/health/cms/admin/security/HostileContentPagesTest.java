package health.cms.admin.security;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.admin.importing.ArticleImporter;
import health.cms.admin.importing.ImportSource;
import health.cms.admin.testing.OwnDatabase;
import health.cms.core.article.ArticleRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.HostileMarkup;
import health.cms.workflow.testing.Fixtures;
import health.cms.workflow.testing.HostileArticles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/**
 * Every payload of the hostile-content corpus in every field the desk renders (see
 * {@link HostileArticles}), then every desk page that shows them: the editor with its preview, the
 * live preview fragment, a refused form that re-renders what was typed, an error page that repeats a
 * bad filter, the review screen with the rendered text and the diff, the history, the lists and
 * dashboards, the catalog and profile pages, and an import report. None may carry executable markup
 * beyond the page's own script file and chart.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(OwnDatabase.class)
class HostileContentPagesTest {

    /** The desk's own tags, exactly as its templates write them. */
    private static final Set<String> OWN_TAGS = Set.of("<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta http-equiv=\"refresh\" content=\"2\">", "<link rel=\"stylesheet\" href=\"/css/admin.css\">",
            "<script src=\"/js/editor.js\" defer>", "<script src=\"/js/pickers.js\" defer>",
            "<script src=\"/js/comments.js\" defer>", "<script src=\"/js/calendar.js\" defer>");
    private static final Predicate<String> OWN = tag -> OWN_TAGS.contains(tag)
            || tag.startsWith("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<HostileArticles.Made> made;

    @BeforeAll
    static void writeTheCorpusIntoEveryField() {
        made = HostileArticles.withHistory("desk-xss", HostileMarkup.payloads());
    }

    @Test
    @TestSecurity(user = "reviewer2", roles = {"medical-reviewer", "writer"})
    void editorPreviewReviewScreenAndHistoryRenderNothingExecutable() throws Exception {
        List<String> problems = eachPayload(m -> {
            List<String> found = new ArrayList<>();
            String p = m.payload().text();
            check(found, m, "editor", given().get("/articles/" + m.articleId()), 200);
            check(found, m, "review screen", given().get("/review/" + m.articleId()), 200);
            check(found, m, "history", given().get("/articles/" + m.articleId() + "/history?from=1&to=3"), 200);
            check(found, m, "live preview", form("reviewer2").formParam("title", p).formParam("summary", p)
                    .formParam("body", p).post("/articles/preview"), 200);
            check(found, m, "refused form", form("reviewer2").formParam("slug", "Not A Slug").formParam("title", p)
                    .formParam("summary", p).formParam("body", p).formParam("category", m.category())
                    .formParam("refCitation", p).formParam("refDoi", p).formParam("refUrl", p)
                    .formParam("changeNote", p).formParam("intent", "save").post("/articles"), 400);
            check(found, m, "error page", given().queryParam("status", p).get("/articles"), 400);
            return found;
        });
        assertEquals(HostileMarkup.payloads().size(), made.size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @TestSecurity(user = "reviewer2", roles = {"medical-reviewer", "writer"})
    void listsAndDashboardRenderNothingExecutable() {
        List<String> problems = new ArrayList<>();
        check(problems, null, "dashboard", given().get("/"), 200);
        check(problems, null, "review queue", given().get("/review"), 200);
        // The newest changes come first: the first pages are the hostile articles, revision 3 in review.
        for (int page = 1; page <= made.size() / 50 + 1; page++) {
            Response list = given().get("/articles?page=" + page);
            check(problems, null, "article list page " + page, list, 200);
            assertTrue(made.stream().anyMatch(m -> list.asString().contains("/articles/" + m.articleId() + "\"")),
                    "page " + page + " lists hostile articles");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void catalogAndProfilePagesRenderNothingExecutable() throws Exception {
        List<String> problems = new ArrayList<>();
        check(problems, null, "editor's dashboard", given().get("/"), 200);
        check(problems, null, "catalog", given().get("/catalog"), 200);
        // the hostile articles are live, so their re-review dates are on the calendar
        Set<String> months = made.stream().map(m -> QuarkusTransaction.requiringNew().call(() -> Fixtures
                .bean(ArticleRepository.class).findById(m.articleId()).nextReviewDue()))
                .filter(Objects::nonNull).map(due -> due.toString().substring(0, 7) + "-01").collect(Collectors.toSet());
        assertFalse(months.isEmpty(), "the hostile articles have re-review dates");
        for (String month : months) {
            Response calendar = given().get("/calendar?view=month&date=" + month);
            check(problems, null, "calendar " + month, calendar, 200);
            assertTrue(made.stream().anyMatch(m -> calendar.asString().contains("/articles/" + m.articleId() + "\"")),
                    "the calendar of " + month + " shows hostile articles");
        }
        problems.addAll(eachPayload(m -> {
            List<String> found = new ArrayList<>();
            check(found, m, "author profile", given().get("/catalog/profiles/" + m.author()), 200);
            check(found, m, "reviewer profile", given().get("/catalog/profiles/" + m.reviewer()), 200);
            check(found, m, "category", given().get("/catalog/categories/" + m.category()), 200);
            return found;
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void anImportReportRenderNothingExecutable() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (HostileMarkup.Payload payload : HostileMarkup.payloads()) {
            lines.append(payload.text().replace('\n', ' ')).append('\n');
            lines.append(json(Map.of("slug", payload.text(), "title", payload.text()))).append('\n');
        }
        long job = Fixtures.bean(ArticleImporter.class)
                .start(Fixtures.WRITER1, ImportSource.of(lines.toString(), "body"), false).id();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Fixtures.bean(ArticleImporter.class).view(Fixtures.WRITER1, job, false).isRunning()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        List<String> problems = new ArrayList<>();
        Response report = given().get("/imports/" + job);
        check(problems, null, "import report", report, 200);
        assertTrue(report.asString().contains("result-error"), "the report lists the refused lines");
        check(problems, null, "imports", given().get("/imports"), 200);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The pages of every payload, two payloads at a time (the session is the test method's, for every thread). */
    private static List<String> eachPayload(Function<HostileArticles.Made, List<String>> pages) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (HostileArticles.Made m : made) {
                results.add(pool.submit(() -> pages.apply(m)));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> result : results) {
                problems.addAll(result.get());
            }
            return problems;
        } finally {
            pool.shutdown();
        }
    }

    private static void check(List<String> problems, HostileArticles.Made m, String page, Response response,
            int status) {
        String where = (m == null ? "" : m.payload() + " -> ") + page;
        if (response.statusCode() != status) {
            problems.add(where + ": expected " + status + ", got " + response.statusCode());
        }
        HostileMarkup.executable(response.asString(), OWN).forEach(found -> problems.add(where + ": " + found));
    }

    private static String json(Map<String, String> line) throws JsonProcessingException {
        return JSON.writeValueAsString(line);
    }
}
