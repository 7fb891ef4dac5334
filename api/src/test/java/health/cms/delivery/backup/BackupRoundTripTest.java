package health.cms.delivery.backup;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import health.cms.core.audit.AuditLog;
import health.cms.core.backup.BackupArchive;
import health.cms.core.backup.BackupExport;
import health.cms.core.backup.Progress;
import health.cms.core.media.BlobStore;
import health.cms.core.media.FileBlobStore;
import health.cms.core.testing.Archives;
import health.cms.core.testing.EmbeddedDatabase;
import health.cms.core.testing.TableDumps;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.backup.Restore;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Issue 7's round trip: content made through the real workflow is exported, restored into an empty
 * database, and nothing is lost or changed: every row of every table, the audit chain, and every
 * answer of the public API down to the byte.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
@TestProfile(BackupRoundTripTest.AnswersFromTheDatabase.class)
class BackupRoundTripTest {

    /** No response cache, so every answer after the restore is rendered from the restored rows. */
    public static class AnswersFromTheDatabase implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.delivery.cache.enabled", "false");
        }
    }

    /** The database before the round trip: its rows, the API's answers, its audit chain, and its archive. */
    private record Original(Map<String, List<List<String>>> rows, Map<String, Answer> answers, long auditEvents,
            Path archive) {
    }

    /** One HTTP answer: status, the headers clients and CDNs act on, and the body's exact bytes. */
    private record Answer(int status, String headers, byte[] body) {

        static Answer of(Response response) {
            StringBuilder headers = new StringBuilder();
            for (String name : List.of("Content-Type", "ETag", "Location", "Surrogate-Key", "Cache-Control",
                    "Content-Language", "Vary")) {
                headers.append(name).append(": ").append(response.header(name)).append('\n');
            }
            return new Answer(response.statusCode(), headers.toString(), response.asByteArray());
        }

        String text() {
            return status + "\n" + headers + new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Original original;

    private static String inhaler;
    private static String rash;

    @Test
    void restoringIntoAFreshDatabaseKeepsEveryRowOfEveryTable() throws SQLException {
        Original before = original();
        String fresh = EmbeddedDatabase.createDatabase();
        migrate(fresh);

        BlobStore freshMedia;
        try {
            freshMedia = new FileBlobStore(Files.createTempDirectory("cms-restored-media"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Restore.Report report = restore(before.archive(), fresh, freshMedia);

        assertEquals(before.rows(), TableDumps.of(fresh));
        // every image's original comes back byte for byte into the (here: new) media store, verified by its SHA-256
        assertEquals(2, report.imagesVerified());
        assertArrayEquals(RoundTripContent.INHALER_PNG, freshMedia.get(inhaler, "original.png").orElseThrow());
        assertArrayEquals(RoundTripContent.RASH_PNG, freshMedia.get(rash, "original.png").orElseThrow());
        String subscriptions = Archives.entry(before.archive(), "tables/webhook_subscription.jsonl");
        assertTrue(subscriptions.contains("hooks.example.org") && !subscriptions.contains("whsec_"),
                "subscriptions are backed up without their secrets: " + subscriptions);
        assertEquals(before.auditEvents(), report.auditEvents(), "the whole audit chain verified on the restored rows");
        assertEquals(before.rows().get("revision").size(), report.revisionsHashed());
        assertEquals(before.rows().get("published_article").size(), report.liveRevisionsSignedOff());
    }

    @Test
    void thePublicApiAnswersByteForByteFromTheRestoredDatabase() throws SQLException {
        Original before = original();
        emptyTheAppsDatabase();
        given().get("/api/v1/articles/immunotherapy").then().statusCode(404);

        // The archive's read model says "100 mg", signed again as a holder of the backup key could: readers still
        // get exactly what was signed off, since a restore derives the read model again instead of copying it.
        Path edited = Archives.resigned(Archives.forged(before.archive(), "tables/published_article.jsonl",
                rows -> rows.replace("New dosing guidance", "New dosing guidance: take 100 mg")));
        assertTrue(Archives.entry(edited, "tables/published_article.jsonl").contains("take 100 mg"));
        // the media store lost its files too: the restore brings them back from the archive
        BlobStore media = Fixtures.bean(BlobStore.class);
        for (String image : List.of(inhaler, rash)) {
            media.delete(image, "original.png");
            given().get("/media/" + image + "/original.png").then().statusCode(404);
        }
        restore(edited, url(), media);

        for (Map.Entry<String, Answer> expected : before.answers().entrySet()) {
            Answer actual = answer(expected.getKey());
            assertEquals(expected.getValue().text(), actual.text(), expected.getKey());
            assertTrue(Arrays.equals(expected.getValue().body(), actual.body()), expected.getKey());
        }
        AuditLog.Verification audit = Fixtures.bean(AuditLog.class).verify();
        assertTrue(audit.intact(), audit.reason());
        assertEquals(before.auditEvents(), audit.eventsChecked());

        // The workflow carries on where the archive left off: new ids, sign-off, publication.
        Fixtures.published("written-after-the-restore");
        given().get("/api/v1/articles/written-after-the-restore").then().statusCode(200);
    }

    private static synchronized Original original() {
        if (original == null) {
            RoundTripContent.Images images = RoundTripContent.write();
            inhaler = images.inhaler();
            rash = images.rash();
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (String path : RoundTripContent.paths()) {
                answers.put(path, answer(path));
            }
            for (String image : List.of(inhaler, rash)) {
                answers.put("/media/" + image + "/original.png", answer("/media/" + image + "/original.png"));
            }
            String cursor = given().get("/api/v1/articles?limit=2").jsonPath().getString("nextCursor");
            String secondPage = "/api/v1/articles?limit=2&cursor=" + cursor;
            answers.put(secondPage, answer(secondPage));
            long auditEvents = Fixtures.bean(AuditLog.class).verify().eventsChecked();
            original = new Original(TableDumps.of(url()), answers, auditEvents, export());
            original.rows().forEach((table, rows) -> assertTrue(!rows.isEmpty() || table.startsWith("import_job"),
                    "the content should exercise table " + table));
            assertEquals(200, answers.get("/api/v1/articles/special-characters").status());
            assertTrue(answers.get("/api/v1/articles/pictured").text().contains("\"creditText\":\"Drawing: Desk\""),
                    answers.get("/api/v1/articles/pictured").text());
            assertEquals(301, answers.get("/api/v1/articles/old-name").status());
            assertEquals(404, answers.get("/api/v1/articles/withdrawn").status());
            assertTrue(answers.get("/api/v1/feeds/corrections.json").text().contains("The daily dose was corrected."));
            assertTrue(answers.get("/api/v1/articles/statine").text().contains("\"status\":\"outdated\""),
                    answers.get("/api/v1/articles/statine").text());
            assertTrue(answers.get("/api/v1/articles/statine").text().contains("\"name\":\"Krebs\""),
                    answers.get("/api/v1/articles/statine").text());
        }
        return original;
    }

    private static Answer answer(String path) {
        return Answer.of(given().redirects().follow(false).urlEncodingEnabled(false).get(path));
    }

    private static Path export() {
        try {
            Path dir = Files.createTempDirectory("cms-backup-test");
            Path archive = dir.resolve("backup.zip");
            try (Connection connection = connect(url())) {
                new BackupExport(Progress.SILENT, Clock.systemUTC(), Archives.KEY, Fixtures.bean(BlobStore.class))
                        .write(connection, archive);
            }
            dir.toFile().deleteOnExit();
            archive.toFile().deleteOnExit();
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Restore.Report restore(Path archive, String target, BlobStore media) throws SQLException {
        try (BackupArchive opened = BackupArchive.open(archive, Archives.KEY); Connection connection = connect(target)) {
            return new Restore(Progress.SILENT, media).run(opened, connection);
        }
    }

    /** Drops every table of the running app's database and migrates it again: an empty CMS database. */
    private static void emptyTheAppsDatabase() throws SQLException {
        try (Connection connection = connect(url()); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        migrate(url());
    }

    private static void migrate(String url) {
        // The app's own Flyway configuration (it knows where Quarkus keeps the migrations), another database.
        Flyway.configure().configuration(Fixtures.bean(Flyway.class).getConfiguration())
                .dataSource(url, "postgres", "postgres").load().migrate();
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
