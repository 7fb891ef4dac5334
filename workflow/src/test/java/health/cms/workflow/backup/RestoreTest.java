package health.cms.workflow.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import health.cms.core.backup.BackupArchive;
import health.cms.core.backup.BackupException;
import health.cms.core.backup.BackupExport;
import health.cms.core.backup.Progress;
import health.cms.core.media.FileBlobStore;
import health.cms.core.testing.Archives;
import health.cms.core.testing.TableDumps;

class RestoreTest {

    @TempDir
    static Path dir;
    private static String source;
    private static Path archive;

    @BeforeAll
    static void exportSample() throws SQLException {
        FileBlobStore media = new FileBlobStore(dir.resolve("source-media"));
        source = SampleContent.database(media);
        archive = dir.resolve("sample.zip");
        try (Connection connection = SampleContent.connect(source)) {
            new BackupExport(Progress.SILENT, Clock.systemUTC(), Archives.KEY, media).write(connection, archive);
        }
    }

    @Test
    void restoresEveryRowIntoAnEmptyDatabaseAndChecksTheRules() throws SQLException {
        String target = SampleContent.migratedDatabase();
        Restore.Report report = restore(archive, target);

        Map<String, List<List<String>>> restored = TableDumps.of(target);
        Map<String, List<List<String>>> original = TableDumps.of(source);
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
        Restore.Report report = restore(archive, target);

        assertEquals(1, report.imagesVerified());
        assertArrayEquals(SampleContent.POLLEN_PNG, media(target).get(SampleContent.POLLEN, "original.png").orElseThrow());
        assertEquals(List.of("original.png"), media(target).list(SampleContent.POLLEN), "renditions are made again");
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
        Path forged = Archives.resigned(Archives.withChangedBytes(archive, blob, bytes -> {
            bytes[bytes.length - 20] ^= 1;
            return bytes;
        }));
        String target = SampleContent.migratedDatabase();

        BackupException refused = assertRefused(forged, target, "the image " + blob + " does not match its SHA-256");
        assertTrue(refused.getMessage().contains("nothing was restored from it"), refused.getMessage());
        assertEmpty(target);
        assertEquals(List.of(), media(target).list(SampleContent.POLLEN));
    }

    @Test
    void anArchiveWithoutItsImagesRestoresOnlyWhenTheStoreAlreadyHoldsThemIntact() throws SQLException {
        // As archives written before images travelled in them: the operator restores the media folder alongside.
        Path withoutImages = Archives.resigned(Archives.withManifest(archive,
                m -> m.substring(0, m.indexOf("\"media\"")) + "\"media\" : [ ]\n}"));
        String target = SampleContent.migratedDatabase();

        BackupException refused = assertRefused(withoutImages, target,
                "The archive lacks the image " + SampleContent.POLLEN + "/original.png of the media library");
        assertTrue(refused.getMessage().contains("Nothing was restored"), refused.getMessage());
        assertEmpty(target);

        media(target).put(SampleContent.POLLEN, "original.png", new byte[]{1, 2, 3});
        assertRefused(withoutImages, target, "holds other bytes under its name");

        media(target).put(SampleContent.POLLEN, "original.png", SampleContent.POLLEN_PNG);
        assertEquals(0, restore(withoutImages, target).imagesVerified());
        assertEquals(1L, restore(archive, SampleContent.migratedDatabase()).imagesVerified());
    }

    @Test
    void rollsBackWhenASignedSearchTitleWasEditedInTheArchive() {
        // What readers see in a search result is signed with the text: a promise added later ("cured in a day")
        // cannot ride in on an archive signed again by the holder of the backup key.
        BackupException refused = assertResignedEditRefused("tables/revision.jsonl",
                rows -> rows.replace(SampleContent.META_TITLE, "Asthma: cured in a day"), "no longer matches its content hash");
        assertTrue(refused.getMessage().contains("revision 1 of 'asthma'"), refused.getMessage());
    }

    @Test
    void rollsBackWhenASignedImageCaptionWasEditedInTheArchive() {
        // An image's caption is signed with the text: it cannot be changed in the archive either.
        BackupException refused = assertResignedEditRefused("tables/revision_image.jsonl",
                rows -> rows.replace(SampleContent.POLLEN_CAPTION, "Tree pollen, magnified"),
                "no longer matches its content hash");
        assertTrue(refused.getMessage().contains("revision 1 of 'hay-fever'"), refused.getMessage());
    }

    @Test
    void rollsBackWhenAReferencesYearWasEditedInTheArchive() {
        BackupException refused = assertResignedEditRefused("tables/revision_reference.jsonl",
                rows -> rows.replace("\"year\":2020", "\"year\":2024"), "no longer matches its content hash");
        assertTrue(refused.getMessage().contains("revision 1 of 'asthma'"), refused.getMessage());
    }

    @Test
    void editedDoseInReadModelIsNotServedAfterRestore() throws SQLException {
        // Even someone holding the backup key, who edits what readers are served and signs the archive again,
        // only gets the signed live revision served: the read model is derived again, never copied.
        Path forged = Archives.resigned(Archives.forged(archive, "tables/published_article.jsonl",
                rows -> rows.replace("10 mg", "100 mg")));
        assertTrue(Archives.entry(forged, "tables/published_article.jsonl").contains("Prednisolone 100 mg daily"));
        String target = SampleContent.migratedDatabase();

        restore(forged, target);

        String served = servedDocument(target, "asthma") + readModelText(target);
        assertTrue(served.contains("Prednisolone 10 mg daily"), served);
        assertFalse(served.contains("100 mg"), served);
    }

    @Test
    void pointsTheIdSequencesPastTheRestoredRows() throws SQLException {
        String target = SampleContent.migratedDatabase();
        restore(archive, target);
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

        BackupException refused = assertRefused(archive, target, "Refusing to restore: the database is not empty");
        assertTrue(refused.getMessage().contains("category: 1 row"), refused.getMessage());
        assertEquals(before, TableDumps.of(target));
    }

    @Test
    void rollsBackWhenTheArchivedAuditTrailDoesNotVerify() {
        // Even someone holding the backup key, who edits an event and signs the archive again, cannot pass the hash chain.
        Path forged = Archives.resigned(Archives.forged(archive, "tables/audit_event.jsonl",
                rows -> rows.replace("\"actor\":\"reviewer1\"", "\"actor\":\"editor1\"")));
        String target = SampleContent.migratedDatabase();

        BackupException refused = assertRefused(forged, target, "The audit trail in the archive does not verify");
        assertTrue(refused.getMessage().contains("event 2 was altered"), refused.getMessage());
        assertEmpty(target);
    }

    @Test
    void rollsBackWhenARevisionsTextNoLongerMatchesItsContentHash() {
        Path forged = Archives.resigned(
                Archives.forged(archive, "tables/revision.jsonl", rows -> rows.replace("Wheezing", "Sneezing")));
        String target = SampleContent.migratedDatabase();

        BackupException refused = assertRefused(forged, target, "no longer matches its content hash");
        assertTrue(refused.getMessage().contains("revision 1 of 'asthma'"), refused.getMessage());
        assertEmpty(target);
    }

    @Test
    void rollsBackWhenALiveRevisionHasNoSignOffOfItsExactText() {
        Path forged = Archives.resigned(Archives.forged(archive, "tables/sign_off.jsonl",
                rows -> rows.replaceAll("\"content_hash\":\"[0-9a-f]{64}\"", "\"content_hash\":\"" + "0".repeat(64) + "\"")));
        String target = SampleContent.migratedDatabase();

        BackupException refused = assertRefused(forged, target, "no medical sign-off of their exact live text");
        assertTrue(refused.getMessage().contains("'asthma' (revision 1)"), refused.getMessage());
        assertEmpty(target);
    }

    @Test
    void unsignedArchiveIsRefused() {
        String target = SampleContent.migratedDatabase();
        assertRefused(Archives.unsigned(archive), target, "the archive is not signed");
        assertEmpty(target);
    }

    @Test
    void archiveWithRecomputedChecksumButNoValidSignatureIsRefused() {
        Path forged = Archives.forged(archive, "tables/revision.jsonl", rows -> rows.replace("10 mg", "100 mg"));
        String target = SampleContent.migratedDatabase();

        assertRefused(forged, target, "the signature does not match: entries tables/revision.jsonl, manifest.json were "
                + "changed after the archive was signed");
        assertEmpty(target);
    }

    @Test
    void signOffWithAlteredReviewerNameIsRefused() {
        // The name is not part of the content hash: without the key, changing it breaks the signature.
        Path forged = Archives.forged(archive, "tables/sign_off.jsonl",
                rows -> rows.replace("\"reviewer_name\":\"Rita Reviewer\"", "\"reviewer_name\":\"Prof. Famous\""));
        assertTrue(Archives.entry(forged, "tables/sign_off.jsonl").contains("Prof. Famous"));
        String target = SampleContent.migratedDatabase();

        assertRefused(forged, target, "entries tables/sign_off.jsonl, manifest.json were changed");
        assertEmpty(target);
    }

    @Test
    void signOffByAReviewerTheAuditTrailDoesNotRecordIsRefusedEvenWhenSignedAgain() {
        BackupException refused = assertResignedEditRefused("tables/sign_off.jsonl",
                rows -> rows.replace("\"reviewer_user\":\"reviewer1\"", "\"reviewer_user\":\"reviewer2\""),
                "Sign-offs in the archive that its audit trail does not record");
        assertTrue(refused.getMessage().contains("sign-off 1 (approved by reviewer2 at " + SampleContent.SIGNED_AT
                + ", revision 1 of 'asthma')"), refused.getMessage());
    }

    @Test
    void signOffWithAnAlteredTimeIsRefusedEvenWhenSignedAgain() {
        assertResignedEditRefused("tables/sign_off.jsonl",
                rows -> rows.replace(SampleContent.SIGNED_AT.toString(), SampleContent.T0.minusSeconds(86_400).toString()),
                "Sign-offs in the archive that its audit trail does not record");
    }

    @Test
    void publicUpdatedTimeBeforeTheSignOffIsRefused() {
        assertResignedEditRefused("tables/published_article.jsonl",
                rows -> rows.replaceAll("\"updated_at\":\"[^\"]+\"", "\"updated_at\":\"2020-01-01T00:00:00Z\""),
                "The public \"updated\" time of 'asthma' in the archive (2020-01-01T00:00:00Z) is not between the "
                        + "sign-off of its live text");
    }

    @Test
    void refusedRestoreChangesNothing() throws SQLException {
        // Refused by the last check, after every row was inserted and the read model rebuilt.
        Path forged = Archives.resigned(Archives.forged(archive, "tables/sign_off.jsonl",
                rows -> rows.replace("\"reviewer_user\":\"reviewer1\"", "\"reviewer_user\":\"editor1\"")));
        String target = SampleContent.migratedDatabase();
        Map<String, List<List<String>>> before = TableDumps.of(target);

        assertRefused(forged, target, "Sign-offs in the archive that its audit trail does not record");

        assertEquals(before, TableDumps.of(target));
        assertEquals(List.of(), media(target).list(SampleContent.POLLEN), "no image was written either");
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
        String current = schemaVersion();
        Path newer = Archives.resigned(Archives.withManifest(archive,
                m -> m.replace("\"schemaVersion\" : \"" + current + "\"", "\"schemaVersion\" : \"99\"")));
        String target = SampleContent.migratedDatabase();

        assertRefused(newer, target, "The archive has schema version 99, newer than this database's " + current);
        assertEmpty(target);
    }

    @Test
    void refusesADatabaseMigratedToAnotherVersionThanTheArchive() {
        String older = SampleContent.migratedDatabase("6");
        assertRefused(archive, older, "The archive has schema version " + schemaVersion() + ", newer than this database's 6");
    }

    @Test
    void refusesADatabaseWithoutTheCmsSchema() {
        String bare = health.cms.core.testing.EmbeddedDatabase.createDatabase();
        assertRefused(archive, bare, "The database has no CMS schema");
    }

    /** The schema version of the sample archive: the newest migration of this build. */
    private static String schemaVersion() {
        try (BackupArchive opened = BackupArchive.open(archive, Archives.KEY)) {
            return opened.manifest().schemaVersion();
        }
    }

    private static Restore.Report restore(Path file, String target) throws SQLException {
        try (BackupArchive opened = BackupArchive.open(file, Archives.KEY); Connection c = SampleContent.connect(target)) {
            return new Restore(Progress.SILENT, media(target)).run(opened, c);
        }
    }

    /** Each target database has its own media folder. */
    private static FileBlobStore media(String target) {
        return new FileBlobStore(dir.resolve("media-" + target.replaceAll("[^A-Za-z0-9]", "_")));
    }

    private static BackupException assertRefused(Path file, String target, String expected) {
        BackupException refused = assertThrows(BackupException.class, () -> restore(file, target));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        return refused;
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

    /**
     * Restores a copy of the archive with one entry edited and signed again, as a holder of the backup key
     * could, expecting a refusal that leaves the database empty.
     */
    private static BackupException assertResignedEditRefused(String entry, UnaryOperator<String> change,
            String expected) {
        Path forged = Archives.resigned(Archives.forged(archive, entry, change));
        String target = SampleContent.migratedDatabase();
        BackupException refused = assertRefused(forged, target, expected);
        assertEmpty(target);
        return refused;
    }

    private static void assertEmpty(String url) {
        TableDumps.counts(TableDumps.of(url)).forEach((table, rows) -> assertEquals(0, rows, table + " must be empty"));
    }
}
