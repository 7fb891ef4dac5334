package health.cms.admin.importing;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static health.cms.admin.testing.Tokens.writer2;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
