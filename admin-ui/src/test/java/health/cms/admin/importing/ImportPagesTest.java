package health.cms.admin.importing;

import static health.cms.admin.testing.DeskForms.idFrom;
import static health.cms.admin.testing.DeskForms.multipart;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ImportPagesTest {

    private static final String GOOD = """
            {"slug": "import-page-one", "title": "One", "summary": "Lead.", "body": "## A\\n\\nText.", "category": "treatments-therapies", "authors": ["anna-berg"], "references": [{"citation": "Doe J. 2020."}]}
            """;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void anUploadedFileIsImportedAndEveryLineIsReported() throws InterruptedException {
        String file = GOOD + "{not json}\n";
        String location = multipart("writer1").multiPart("file", "articles.jsonl", file.getBytes(StandardCharsets.UTF_8),
                "application/x-ndjson").post("/imports")
                .then().statusCode(303).extract().header("Location");
        long id = idFrom(location);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String page;
        do {
            Thread.sleep(200);
            page = given().get("/imports/" + id).then().statusCode(200).extract().asString();
        } while (page.contains("http-equiv=\"refresh\"") && Instant.now().isBefore(deadline));
        given().get("/imports/" + id).then().statusCode(200)
                .body(containsString("Finished"))
                .body(containsString("<strong>1</strong> created"))
                .body(containsString("not a valid JSON article"))
                .body(not(containsString("http-equiv=\"refresh\"")));
        given().get("/imports").then().statusCode(200).body(containsString("/imports/" + id));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void anEmptyImportIsRefusedOnTheForm() {
        multipart("writer1").multiPart("lines", "   ").post("/imports")
                .then().statusCode(400).body(containsString("the file has no lines"));
    }

    @Test
    @TestSecurity(user = "writer2", roles = "writer")
    void someoneElsesImportIsNotFound() {
        given().get("/imports/987654").then().statusCode(404).body(containsString("Import 987654"));
    }

    @Test
    @TestSecurity(user = "import-limit-desk", roles = "writer")
    void aThirdConcurrentImportIsRefusedOnTheFormNamingTheLimit() {
        ImportJobs jobs = Fixtures.bean(ImportJobs.class);
        Instant now = Fixtures.bean(java.time.Clock.class).instant();
        jobs.start("import-limit-desk", false, 1, now, Integer.MAX_VALUE, now.minus(ArticleImporter.STALLED_AFTER));
        jobs.start("import-limit-desk", false, 1, now, Integer.MAX_VALUE, now.minus(ArticleImporter.STALLED_AFTER));

        multipart("import-limit-desk").multiPart("lines", GOOD).post("/imports")
                .then().statusCode(409).body(containsString("at most 2 may run at once per person"));
    }
}
