package health.cms.admin.importing;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static health.cms.admin.testing.Tokens.writer2;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.testing.Tokens;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ImportApiTest {

    @Inject
    DataSource database;

    private static String line(String slug) {
        return "{\"slug\":\"" + slug + "\",\"title\":\"Imported " + slug + "\",\"summary\":\"Lead.\","
                + "\"body\":\"## Section\\n\\nText.\",\"category\":\"treatments-therapies\",\"author\":\"anna-berg\","
                + "\"tags\":[\"cancer\"],\"references\":[{\"citation\":\"Doe J. Trial. 2020.\"}]}";
    }

    private static final String FILE = String.join("\n",
            line("import-one"),
            "{ this is not json",
            line("import-two"),
            "",
            line("import-one").replace("treatments-therapies", "no-such-category").replace("import-one", "import-bad"),
            line("import-three"));

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    static JsonPath runToEnd(RequestSpecification who, String file, boolean submit) {
        String location = who.contentType("application/x-ndjson").body(bytes(file))
                .post("/manage/v1/imports?submit=" + submit)
                .then().statusCode(202).extract().header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = who.get(location).then().statusCode(200).extract().jsonPath();
            if (job.getString("state").equals("finished")) {
                return job;
            }
        }
        throw new AssertionError("import did not finish in 30 s");
    }

    @Test
    void goodLinesAreCreatedBadLinesReportedAndARerunCreatesNoDuplicates() {
        JsonPath first = runToEnd(writer1(), FILE, false);
        assertEquals(5, first.getInt("totalLines"));
        assertEquals(3, first.getInt("created"));
        assertEquals(2, first.getInt("failed"));
        assertEquals("error", first.getString("results.find { it.line == 2 }.result"));
        assertEquals("category unknown category 'no-such-category'", first.getString("results.find { it.line == 5 }.reason"));
        assertEquals("created", first.getString("results.find { it.line == 6 }.result"));

        JsonPath second = runToEnd(writer1(), FILE, false);
        assertEquals(0, second.getInt("created"));
        assertEquals(3, second.getInt("skipped"));
        writer1().get("/manage/v1/articles?createdBy=writer1&limit=200").then()
                .body("findAll { it.slug == 'import-one' }.size()", equalTo(1));
    }

    @Test
    void theImporterReportsARemoteImagePerLine() {
        String withImage = line("import-with-image").replace("Text.", "![chart](https://tracker.example/c.png)");
        String reason = reasonTheSecondLineIsRefused(line("import-beside-image"), withImage);
        assertTrue(reason.startsWith("body ") && reason.contains("'https://tracker.example/c.png'"), reason);
    }

    @Test
    void theImporterRefusesAProfileThatIsNoAuthorPerLine() {
        String byReviewer = line("import-reviewer-byline").replace("anna-berg", "rita-reviewer");
        String reason = reasonTheSecondLineIsRefused(line("import-author-byline"), byReviewer);
        assertTrue(reason.contains("'rita-reviewer' is not marked as an author"), reason);
    }

    /** Imports a good line and a bad one: the good one is created, and the bad one's reason is returned. */
    private static String reasonTheSecondLineIsRefused(String good, String bad) {
        JsonPath job = runToEnd(writer1(), String.join("\n", good, bad), false);
        assertEquals("created", job.getString("results.find { it.line == 1 }.result"));
        assertEquals("error", job.getString("results.find { it.line == 2 }.result"));
        return job.getString("results.find { it.line == 2 }.reason");
    }

    @Test
    void anImportCannotTakeAnotherArticlesOldSlug() {
        runToEnd(writer1(), line("import-renamed-away"), false);
        long id = writer1().get("/manage/v1/articles?createdBy=writer1&limit=200").then().extract().jsonPath()
                .getLong("find { it.slug == 'import-renamed-away' }.id");
        String etag = editor1().get("/manage/v1/articles/" + id).then().extract().header("ETag");
        editor1().header("If-Match", etag).body(java.util.Map.of("slug", "import-renamed-here"))
                .put("/manage/v1/articles/" + id + "/slug").then().statusCode(200);

        JsonPath job = runToEnd(writer1(), line("import-renamed-away"), false);
        assertEquals("error", job.getString("results[0].result"), job.prettify());
        assertTrue(job.getString("results[0].reason").contains("old address of another article"), job.prettify());
    }

    @Test
    void importCanSubmitForReviewButNeverPublishes() {
        JsonPath job = runToEnd(writer1(), line("import-submitted"), true);
        long id = job.getLong("results[0].articleId");
        writer1().get("/manage/v1/articles/" + id).then().body("status", equalTo("medical-review"))
                .body("live", equalTo(false));
    }

    @Test
    void importNeedsTheWriterRoleAndSomeLines() {
        editor1().contentType("application/x-ndjson").body(bytes(line("by-editor")))
                .post("/manage/v1/imports")
                .then().statusCode(403).contentType("application/problem+json");
        writer1().contentType("application/x-ndjson").body(bytes("\n\n"))
                .post("/manage/v1/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void anotherUserCannotReadSomeoneElsesImport() {
        String location = writer1().contentType("application/x-ndjson").body(bytes(line("import-private")))
                .post("/manage/v1/imports").then().statusCode(202).extract().header("Location");
        writer2().get(location).then().statusCode(404).body("detail", containsString("Import"));
    }

    @Test
    void thirdConcurrentImportOfOneUserIsRefused() {
        String user = "import-limit-" + System.nanoTime();
        ImportJobs jobs = Fixtures.bean(ImportJobs.class);
        Instant now = Fixtures.bean(Clock.class).instant();
        Instant stalledBefore = now.minus(ArticleImporter.STALLED_AFTER);
        jobs.start(user, false, 1, now, 2, stalledBefore);
        jobs.start(user, false, 1, now, 2, stalledBefore);

        Tokens.as(user, "writer").contentType("application/x-ndjson").body(bytes(line("import-third")))
                .post("/manage/v1/imports")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("You already have 2 imports running, and at most 2 may run at once"));
        assertEquals(0, writer1().get("/manage/v1/articles?createdBy=" + user).then().extract().jsonPath()
                .getList("$").size());
        // the limit is per person: someone else's import starts
        String other = "import-limit-other-" + System.nanoTime();
        Tokens.as(other, "writer").contentType("application/x-ndjson").body(bytes(line("import-other-" + System.nanoTime())))
                .post("/manage/v1/imports").then().statusCode(202);
    }

    @Test
    void anImportCutOffByARestartDoesNotCountAgainstTheLimit() {
        String user = "import-stalled-" + System.nanoTime();
        ImportJobs jobs = Fixtures.bean(ImportJobs.class);
        Instant now = Fixtures.bean(Clock.class).instant();
        Instant longAgo = now.minus(ArticleImporter.STALLED_AFTER).minusSeconds(1);
        jobs.start(user, false, 1, longAgo, 2, longAgo.minus(ArticleImporter.STALLED_AFTER));
        jobs.start(user, false, 1, now, 2, now.minus(ArticleImporter.STALLED_AFTER));

        Tokens.as(user, "writer").contentType("application/x-ndjson")
                .body(bytes(line("import-after-stall-" + System.nanoTime())))
                .post("/manage/v1/imports").then().statusCode(202);
    }

    /**
     * 250 lines are reported in three batches (100, 100, 50): each line's row is written once, by its
     * own batch's transaction, and never again; rewriting the report per batch would give every row the
     * last batch's transaction.
     */
    @Test
    void reportIsAppendedNotRewritten() throws SQLException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            file.append("{ not json ").append(i).append('\n');
        }
        JsonPath job = runToEnd(writer1(), file.toString(), false);
        assertEquals(250, job.getInt("failed"));
        assertEquals(250, job.getList("results").size());

        List<String> writtenBy = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT line, xmin::text FROM import_job_line WHERE job_id = ? ORDER BY line")) {
            query.setLong(1, job.getLong("id"));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertEquals(writtenBy.size() + 1, rows.getInt(1));
                    writtenBy.add(rows.getString(2));
                }
            }
        }
        assertEquals(250, writtenBy.size());
        assertEquals(List.of(writtenBy.get(0), writtenBy.get(100), writtenBy.get(200)),
                writtenBy.stream().distinct().toList(), "one transaction per batch, in file order");
        assertEquals(writtenBy.get(0), writtenBy.get(99));
        assertEquals(writtenBy.get(100), writtenBy.get(199));
        assertEquals(writtenBy.get(200), writtenBy.get(249));
    }
}
