package health.cms.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import health.cms.core.media.FileBlobStore;
import health.cms.core.media.TestImages;
import health.cms.core.testing.Archives;
import health.cms.core.testing.EmbeddedDatabase;

class BackupArchiveTest {

    private static final byte[] PNG = TestImages.write(TestImages.redLeftBlueRight(40, 30), "png");
    private static final String IMAGE = BackupExportTest.sha256(PNG);
    private static final String BLOB = "media/" + IMAGE + "/original.png";

    @TempDir
    static Path dir;
    private static Path archive;

    @BeforeAll
    static void export() throws Exception {
        String url = EmbeddedDatabase.createMigratedDatabase();
        try (Connection connection = EmbeddedDatabase.connect(url); Statement s = connection.createStatement()) {
            s.execute("INSERT INTO category (slug, name, created_at) VALUES ('conditions', 'Conditions', now())");
            s.execute("INSERT INTO category (slug, name, created_at) VALUES ('treatments', 'Treatments', now())");
            s.execute("INSERT INTO media_asset (sha256, format, width, height, bytes, created_by, created_at) VALUES ('"
                    + IMAGE + "', 'png', 40, 30, " + PNG.length + ", 'writer1', now())");
        }
        FileBlobStore media = new FileBlobStore(dir.resolve("media"));
        media.put(IMAGE, "original.png", PNG);
        archive = dir.resolve("backup.zip");
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            new BackupExport(Progress.SILENT, Clock.systemUTC(), Archives.KEY, media).write(connection, archive);
        }
    }

    @Test
    void opensAnIntactArchive() {
        try (BackupArchive opened = BackupArchive.open(archive, Archives.KEY)) {
            assertEquals(2, opened.manifest().table("category").orElseThrow().rows());
        }
    }

    @Test
    void refusesAMissingFile() {
        assertRefused(dir.resolve("no-such.zip"), "There is no file");
    }

    @Test
    void refusesAFileThatIsNotAZip() throws Exception {
        assertRefused(Files.writeString(dir.resolve("notes.zip"), "just some text"),
                "not a CMS backup archive: it is not a zip file");
    }

    @Test
    void refusesAZipWithoutManifest() throws Exception {
        Path other = dir.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(other); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write("not a photo".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRefused(other, "not a CMS backup archive: it has no manifest.json");
    }

    @Test
    void refusesAManifestOfAnotherFormat() {
        assertRefused(Archives.resigned(Archives.withManifest(archive, m -> m.replace(Manifest.FORMAT, "something.else"))),
                "not a CMS backup archive");
    }

    @Test
    void refusesAnArchiveFormatNewerThanThisVersionReads() {
        assertRefused(
                Archives.resigned(
                        Archives.withManifest(archive, m -> m.replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"))),
                "written by a newer version of the CMS");
    }

    @Test
    void unsignedArchiveIsRefused() {
        assertRefused(Archives.unsigned(archive), "the archive is not signed (it has no signature.json)");
    }

    @Test
    void archiveWithRecomputedChecksumButNoValidSignatureIsRefused() {
        Path forged = Archives.forged(archive, "tables/category.jsonl", rows -> rows.replace("Conditions", "Conditionz"));
        assertRefused(forged, "the signature does not match: entries tables/category.jsonl, manifest.json were changed "
                + "after the archive was signed");
    }

    @Test
    void archiveWithAnEditedManifestIsRefused() {
        Path forged = Archives.withManifest(archive, m -> m.replace("\"rows\" : 2", "\"rows\" : 3"));
        assertRefused(forged, "entry manifest.json was changed after the archive was signed");
    }

    @Test
    void archiveWithAnAddedEntryIsRefused() {
        Path forged = Archives.withAddedEntry(archive, "tables/extra.jsonl", "{}\n");
        assertRefused(forged, "entry tables/extra.jsonl is not signed (it was added after signing)");
    }

    @Test
    void archiveSignedWithAnotherKeyIsRefusedNamingBothKeys() {
        BackupKey other = BackupKey.generate();
        BackupException refused = assertThrows(BackupException.class, () -> BackupArchive.open(archive, other).close());
        assertTrue(refused.getMessage().contains("it was signed with another backup key (key "
                + Archives.KEY.fingerprint() + "; the key given here is " + other.fingerprint() + ")"),
                refused.getMessage());
    }

    @Test
    void refusesAnEntryThatNoLongerMatchesItsChecksum() {
        Path changed = Archives.resigned(Archives.withChangedEntry(archive, "tables/category.jsonl",
                rows -> rows.replace("Conditions", "Conditionz")));
        BackupException refused = assertRefused(changed, "is damaged");
        assertTrue(refused.getMessage().contains("tables/category.jsonl does not match the SHA-256"), refused.getMessage());
    }

    @Test
    void refusesAnEntryWithARowMissing() {
        Path changed = Archives.resigned(Archives.forged(archive, "tables/category.jsonl",
                rows -> rows.substring(0, rows.indexOf('\n') + 1)));
        assertRefused(changed, "tables/category.jsonl holds 1 rows, the manifest says 2");
    }

    @Test
    void anImageChangedInTheArchiveIsRefusedByTheSignature() {
        Path changed = Archives.withChangedBytes(archive, BLOB, bytes -> flipOneBit(bytes));
        assertRefused(changed, "entry " + BLOB + " was changed after the archive was signed");
    }

    @Test
    void anImageThatNoLongerHashesToItsAddressIsRefusedEvenWhenSignedAgain() {
        // a holder of the backup key can sign anything, but not make other bytes hash to the image's SHA-256
        Path changed = Archives.resigned(Archives.withChangedBytes(archive, BLOB, bytes -> flipOneBit(bytes)));
        BackupException refused = assertRefused(changed, "is damaged: the image " + BLOB + " does not match its SHA-256");
        assertTrue(refused.getMessage().contains("nothing was restored from it"), refused.getMessage());
    }

    @Test
    void aManifestNamingAnImageEntryOutsideItsAddressIsRefused() {
        Path changed = Archives.resigned(Archives.withManifest(archive,
                m -> m.replace("\"entry\" : \"" + BLOB + "\"", "\"entry\" : \"tables/category.jsonl\"")));
        assertRefused(changed, "its manifest lists a media blob without a SHA-256, a blob name or its entry");
    }

    private static byte[] flipOneBit(byte[] bytes) {
        bytes[bytes.length / 2] ^= 1;
        return bytes;
    }

    private static BackupException assertRefused(Path file, String expected) {
        BackupException refused = assertThrows(BackupException.class, () -> BackupArchive.open(file, Archives.KEY).close());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        return refused;
    }
}
