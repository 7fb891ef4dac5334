package health.cms.workflow.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import health.cms.core.backup.BackupArchive;
import health.cms.core.backup.BackupException;
import health.cms.core.backup.Manifest;
import health.cms.core.backup.Progress;
import health.cms.core.media.BlobStore;
import health.cms.core.media.CleanImage;
import health.cms.core.media.ImageFormat;
import health.cms.core.media.ImagePipeline;

/**
 * The media library's originals in one {@link Restore}: checked before anything is written, written to the media
 * store once the rows are checked, and deleted again when the restore fails after that.
 */
final class RestoredImages {

    private final BackupArchive archive;
    private final BlobStore media;
    private final List<Manifest.Blob> images = new ArrayList<>();
    /** The blobs this restore added to the store (not the ones it already held). */
    private final List<Manifest.Blob> written = new ArrayList<>();

    RestoredImages(BackupArchive archive, BlobStore media) {
        this.archive = archive;
        this.media = media;
    }

    /**
     * Finds the original of every image the archive's library rows name, each in the archive (and hashing to its
     * address, checked when the archive was opened) or, for an archive written before images travelled with it,
     * already in the media store with exactly those bytes. Called before anything is written.
     */
    void check() {
        Optional<Manifest.Table> assets = archive.manifest().table("media_asset");
        if (assets.isEmpty()) {
            return;
        }
        try (BackupArchive.Rows rows = archive.rows(assets.get())) {
            for (JsonNode row = rows.next(); row != null; row = rows.next()) {
                String sha256 = row.path("sha256").asText();
                String name = CleanImage
                        .originalName(ImageFormat.valueOf(row.path("format").asText().toUpperCase(Locale.ROOT)));
                Optional<Manifest.Blob> archived = archive.manifest().blob(sha256, name);
                if (archived.isPresent()) {
                    images.add(archived.get());
                } else if (!storedIntact(sha256, name)) {
                    throw new BackupException("The archive lacks the image " + sha256 + "/" + name + " of the media "
                            + "library, and the media store does not hold it either (or holds other bytes under its "
                            + "name): restore the media folder or bucket that was backed up with this archive, or "
                            + "export again with this version, which puts the images into the archive. Nothing was "
                            + "restored.");
                }
            }
        }
    }

    /** How many originals the archive carried, each checked against its SHA-256. */
    long count() {
        return images.size();
    }

    private boolean storedIntact(String sha256, String name) {
        return media.get(sha256, name).map(bytes -> ImagePipeline.sha256(bytes).equals(sha256)).orElse(false);
    }

    /** Writes the verified originals (read and hashed again) to the store, noting the ones it had not held. */
    void write(Progress progress) {
        for (Manifest.Blob image : images) {
            byte[] bytes = archive.blob(image);
            boolean had = media.exists(image.sha256(), image.name());
            media.put(image.sha256(), image.name(), bytes);
            if (!had) {
                written.add(image);
            }
        }
        progress.rows("media (originals)", images.size(), true);
    }

    /** Blobs this restore added go again when it fails, so a refused restore leaves the store as it found it. */
    void deleteWritten() {
        for (Manifest.Blob image : written) {
            try {
                media.delete(image.sha256(), image.name());
            } catch (RuntimeException ignored) {
                // an unreferenced blob under its own hash harms no one; the restore's own failure is the one to report
            }
        }
    }

    /** Renditions are derived, not archived: the desk's worker makes every image's again from its original. */
    static void queueRenditions(Connection target) throws SQLException {
        try (Statement statement = target.createStatement()) {
            statement.execute("INSERT INTO media_rendition_job (asset_id, queued_at) SELECT id, now() FROM media_asset");
        }
    }
}
