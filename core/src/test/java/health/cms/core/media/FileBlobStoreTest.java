package health.cms.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void leavesOnlyTheFinishedBlobOnDisk() throws IOException {
        String hash = ImagePipeline.sha256(new byte[]{9});
        store().put(hash, "original.png", new byte[]{9, 9});
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
    }
}
