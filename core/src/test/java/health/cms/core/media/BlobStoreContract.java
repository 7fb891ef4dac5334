package health.cms.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What every {@link BlobStore} does: the same tests run against the folder and a real S3-compatible server. */
abstract class BlobStoreContract {

    private static final String HASH = ImagePipeline.sha256("contract".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER = ImagePipeline.sha256("other".getBytes(StandardCharsets.UTF_8));

    /** A store that holds nothing yet. */
    abstract BlobStore store();

    @Test
    void returnsTheBytesItWasGiven() {
        BlobStore store = store();
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        store.put(HASH, "original.jpg", bytes);
        assertArrayEquals(bytes, store.get(HASH, "original.jpg").orElseThrow());
        assertTrue(store.exists(HASH, "original.jpg"));
    }

    @Test
    void answersEmptyForABlobItDoesNotHold() {
        BlobStore store = store();
        assertEquals(Optional.empty(), store.get(HASH, "640.jpg"));
        assertFalse(store.exists(HASH, "640.jpg"));
        assertEquals(List.of(), store.list(OTHER));
    }

    @Test
    void listsTheNamesUnderOneHashOnly() {
        BlobStore store = store();
        store.put(HASH, "640.jpg", new byte[]{1});
        store.put(HASH, "320.jpg", new byte[]{2});
        store.put(OTHER, "original.png", new byte[]{3});
        assertEquals(List.of("320.jpg", "640.jpg"), store.list(HASH));
        assertEquals(List.of("original.png"), store.list(OTHER));
    }

    @Test
    void putAgainReplacesAndDeleteRemoves() {
        BlobStore store = store();
        store.put(HASH, "320.jpg", new byte[]{1});
        store.put(HASH, "320.jpg", new byte[]{2, 2});
        assertArrayEquals(new byte[]{2, 2}, store.get(HASH, "320.jpg").orElseThrow());
        store.delete(HASH, "320.jpg");
        assertFalse(store.exists(HASH, "320.jpg"));
        store.delete(HASH, "320.jpg"); // deleting what is gone is no error
    }

    @Test
    void refusesKeysThatAreNotAHashAndARenditionName() {
        BlobStore store = store();
        assertThrows(IllegalArgumentException.class, () -> store.put("../../etc", "passwd.txt", new byte[]{1}));
        assertThrows(IllegalArgumentException.class, () -> store.get(HASH, "../original.jpg"));
        assertThrows(IllegalArgumentException.class, () -> store.list("ABC"));
    }
}
