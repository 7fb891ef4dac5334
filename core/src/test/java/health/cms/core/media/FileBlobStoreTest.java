package health.cms.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder store passes the contract and leaves no temporary file behind. */
class FileBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    BlobStore store() {
        return new FileBlobStore(root);
    }

    @Test
    void handsOutTheFileOfAStoredBlobForSendfileAndNothingForAMissingOne() throws IOException {
        String hash = ImagePipeline.sha256(new byte[]{7});
        store().put(hash, "640.jpg", new byte[]{7, 7, 7});
        assertArrayEquals(new byte[]{7, 7, 7}, Files.readAllBytes(store().localFile(hash, "640.jpg").orElseThrow()));
        assertTrue(store().localFile(hash, "320.jpg").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store().localFile(hash, "../../etc.jpg"));
    }

    @Test
    void leavesOnlyTheFinishedBlobOnDisk() throws IOException {
        String hash = ImagePipeline.sha256(new byte[]{9});
        store().put(hash, "original.png", new byte[]{9, 9});
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
    }
}
