package health.cms.workflow.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import health.cms.core.backup.BackupException;
import health.cms.core.testing.Archives;
import health.cms.core.testing.TableDumps;

/** A restore into an empty database: every row, image and sequence back, the read model derived again. */
class RestoreTest {

    @RegisterExtension
    static final SampleArchive sample = new SampleArchive();

    @Test
    void restoresEveryRowIntoAnEmptyDatabaseAndChecksTheRules() throws SQLException {
        String target = SampleContent.migratedDatabase();
        Restore.Report report = sample.restore(sample.file(), target);

        Map<String, List<List<String>>> restored = TableDumps.of(target);
        Map<String, List<List<String>>> original = TableDumps.of(sample.source());
        original.remove("published_article");
        assertEquals(original, withoutReadModel(restored));
        assertEquals(3, report.auditEvents());
        assertEquals(2, report.revisionsHashed());
        assertEquals(1, report.liveRevisionsSignedOff());
        assertEquals(1L, report.rows().get("published_article"));
        String served = servedDocument(target, "asthma");
        assertTrue(served.contains("<h2 id=\\\"treatment\\\">Treatment</h2>\\n<p>Prednisolone 10 mg daily for five days.</p>"),
                "the read model is rendered again from the live revision: " + served);
        assertTrue(served.contains("\"reviewerName\": \"Rita Reviewer\""), served);
        assertTrue(served.contains("\"metaTitle\": \"Asthma: what helps\""), "the signed search title is served: " + served);
        assertTrue(served.contains("\"headline\": \"Asthma: what helps\""), "and is the JSON-LD headline: " + served);
        assertTrue(served.contains("\"year\": 2020"), "the reference's parts are served: " + served);
    }

    @Test
    void restoresEveryImageByteForByteIntoTheMediaStoreAndQueuesItsRenditions() throws SQLException {
        String target = SampleContent.migratedDatabase();
        Restore.Report report = sample.restore(sample.file(), target);

        assertEquals(1, report.imagesVerified());
        assertArrayEquals(SampleContent.POLLEN_PNG,
                sample.media(target).get(SampleContent.POLLEN, "original.png").orElseThrow());
        assertEquals(List.of("original.png"), sample.media(target).list(SampleContent.POLLEN), "renditions are made again");
        try (Connection c = SampleContent.connect(target);
                Statement s = c.createStatement();
                ResultSet rs = s
                        .executeQuery("SELECT a.sha256 FROM media_rendition_job j JOIN media_asset a ON a.id = j.asset_id")) {
            assertTrue(rs.next(), "the desk is asked to make the renditions again");
            assertEquals(SampleContent.POLLEN, rs.getString(1));
        }
    }

    @Test
    void anImageThatNoLongerMatchesItsSha256IsRefusedAndNothingIsRestored() {
        // Someone holding the backup key swaps the picture a reviewer signed: its bytes no longer hash to its address.
        String blob = "media/" + SampleContent.POLLEN + "/original.png";
        Path forged = Archives.resigned(Archives.withChangedBytes(sample.file(), blob, bytes -> {
            bytes[bytes.length - 20] ^= 1;
            return bytes;
        }));
        String target = SampleContent.migratedDatabase();

        BackupException refused = sample.assertRefused(forged, target, "the image " + blob + " does not match its SHA-256");
        assertTrue(refused.getMessage().contains("nothing was restored from it"), refused.getMessage());
        sample.assertEmpty(target);
        assertEquals(List.of(), sample.media(target).list(SampleContent.POLLEN));
    }

    @Test
    void anArchiveWithoutItsImagesRestoresOnlyWhenTheStoreAlreadyHoldsThemIntact() throws SQLException {
        // As archives written before images travelled in them: the operator restores the media folder alongside.
        Path withoutImages = Archives.resigned(Archives.withManifest(sample.file(),
                m -> m.substring(0, m.indexOf("\"media\"")) + "\"media\" : [ ]\n}"));
        String target = SampleContent.migratedDatabase();

        BackupException refused = sample.assertRefused(withoutImages, target,
                "The archive lacks the image " + SampleContent.POLLEN + "/original.png of the media library");
        assertTrue(refused.getMessage().contains("Nothing was restored"), refused.getMessage());
        sample.assertEmpty(target);

        sample.media(target).put(SampleContent.POLLEN, "original.png", new byte[]{1, 2, 3});
        sample.assertRefused(withoutImages, target, "holds other bytes under its name");

        sample.media(target).put(SampleContent.POLLEN, "original.png", SampleContent.POLLEN_PNG);
        assertEquals(0, sample.restore(withoutImages, target).imagesVerified());
        assertEquals(1L, sample.restore(sample.file(), SampleContent.migratedDatabase()).imagesVerified());
    }

    @Test
    void editedDoseInReadModelIsNotServedAfterRestore() throws SQLException {
        // Even someone holding the backup key, who edits what readers are served and signs the archive again,
        // only gets the signed live revision served: the read model is derived again, never copied.
        Path forged = Archives.resigned(Archives.forged(sample.file(), "tables/published_article.jsonl",
                rows -> rows.replace("10 mg", "100 mg")));
        assertTrue(Archives.entry(forged, "tables/published_article.jsonl").contains("Prednisolone 100 mg daily"));
        String target = SampleContent.migratedDatabase();

        sample.restore(forged, target);

        String served = servedDocument(target, "asthma") + readModelText(target);
        assertTrue(served.contains("Prednisolone 10 mg daily"), served);
        assertFalse(served.contains("100 mg"), served);
    }

    @Test
    void pointsTheIdSequencesPastTheRestoredRows() throws SQLException {
        String target = SampleContent.migratedDatabase();
        sample.restore(sample.file(), target);
        try (Connection c = SampleContent.connect(target);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("INSERT INTO category (slug, name, created_at) "
                        + "VALUES ('allergies', 'Allergies', now()) RETURNING id")) {
            rs.next();
            assertEquals(2, rs.getLong(1));
        }
    }

    @Test
    void refusesADatabaseThatIsNotEmptyNamingWhatItFoundAndChangesNothing() throws SQLException {
        String target = SampleContent.migratedDatabase();
        try (Connection c = SampleContent.connect(target); Statement s = c.createStatement()) {
            s.execute("INSERT INTO category (slug, name, created_at) VALUES ('news', 'News', now())");
        }
        Map<String, List<List<String>>> before = TableDumps.of(target);

        BackupException refused = sample.assertRefused(sample.file(), target, "Refusing to restore: the database is not empty");
        assertTrue(refused.getMessage().contains("category: 1 row"), refused.getMessage());
        assertEquals(before, TableDumps.of(target));
    }

    @Test
    void refusedRestoreChangesNothing() throws SQLException {
        // Refused by the last check, after every row was inserted and the read model rebuilt.
        Path forged = Archives.resigned(Archives.forged(sample.file(), "tables/sign_off.jsonl",
                rows -> rows.replace("\"reviewer_user\":\"reviewer1\"", "\"reviewer_user\":\"editor1\"")));
        String target = SampleContent.migratedDatabase();
        Map<String, List<List<String>>> before = TableDumps.of(target);

        sample.assertRefused(forged, target, "Sign-offs in the archive that its audit trail does not record");

        assertEquals(before, TableDumps.of(target));
        assertEquals(List.of(), sample.media(target).list(SampleContent.POLLEN), "no image was written either");
        try (Connection c = SampleContent.connect(target);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("INSERT INTO category (slug, name, created_at) "
                        + "VALUES ('allergies', 'Allergies', now()) RETURNING id")) {
            rs.next();
            assertEquals(1, rs.getLong(1), "the id sequences were not moved either");
        }
    }

    @Test
    void refusesAnArchiveFromANewerSchemaBeforeWritingAnything() {
        String current = sample.schemaVersion();
        Path newer = Archives.resigned(Archives.withManifest(sample.file(),
                m -> m.replace("\"schemaVersion\" : \"" + current + "\"", "\"schemaVersion\" : \"99\"")));
        String target = SampleContent.migratedDatabase();

        sample.assertRefused(newer, target, "The archive has schema version 99, newer than this database's " + current);
        sample.assertEmpty(target);
    }

    @Test
    void refusesADatabaseMigratedToAnotherVersionThanTheArchive() {
        String older = SampleContent.migratedDatabase("6");
        sample.assertRefused(sample.file(), older,
                "The archive has schema version " + sample.schemaVersion() + ", newer than this database's 6");
    }

    @Test
    void refusesADatabaseWithoutTheCmsSchema() {
        String bare = health.cms.core.testing.EmbeddedDatabase.createDatabase();
        sample.assertRefused(sample.file(), bare, "The database has no CMS schema");
    }

    private static Map<String, List<List<String>>> withoutReadModel(Map<String, List<List<String>>> dump) {
        Map<String, List<List<String>>> copy = new TreeMap<>(dump);
        copy.remove("published_article");
        return copy;
    }

    /** The stored public document of an article, as the api serves it. */
    private static String servedDocument(String url, String slug) throws SQLException {
        try (Connection c = SampleContent.connect(url);
                PreparedStatement query = c.prepareStatement(
                        "SELECT document::text FROM published_article WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "no public entry for " + slug);
                return rs.getString(1);
            }
        }
    }

    /** Every text column of the read model: what search and lists answer from. */
    private static String readModelText(String url) throws SQLException {
        try (Connection c = SampleContent.connect(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(title || ' ' || summary || ' ' || body_text || ' ' "
                        + "|| search::text, ' ') FROM published_article")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
