package health.cms.core.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of media live, addressed by the SHA-256 (hex) of the original and a rendition name such
 * as {@code original.jpg} or {@code 640.webp}. A blob under a key never changes, so anyone may cache it
 * forever. A {@code put} is all or nothing: a reader sees the whole blob or none.
 */
public interface BlobStore {

    void put(String sha256, String name, byte[] bytes);

    Optional<byte[]> get(String sha256, String name);

    boolean exists(String sha256, String name);

    void delete(String sha256, String name);

    /**
     * The blob as a file of this machine, when the store keeps it in one, so a server can hand it to the kernel
     * ({@code sendfile}) instead of copying it through memory; empty for remote stores and for a missing blob.
     */
    default Optional<Path> localFile(String sha256, String name) {
        return Optional.empty();
    }

    /** The names stored under one hash, sorted. */
    List<String> list(String sha256);

    /** Refuses keys that could leave the store's namespace (a path or an S3 key is built from them). */
    static void check(String sha256, String name) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        if (name != null && !name.matches("[a-z0-9]{1,16}\\.[a-z]{3,4}")) {
            throw new IllegalArgumentException("not a rendition name: " + name);
        }
    }
}
