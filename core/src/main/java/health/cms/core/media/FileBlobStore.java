package health.cms.core.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs in a folder: {@code <root>/<first two hex digits>/<sha256>/<name>}. Each blob is written to a
 * temporary file beside its place and moved there atomically, so a crash never leaves half a file.
 */
public final class FileBlobStore implements BlobStore {

    private final Path root;

    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public void put(String sha256, String name, byte[] bytes) {
        BlobStore.check(sha256, name);
        Path target = path(sha256, name);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + sha256 + "/" + name, e);
        }
    }

    @Override
    public Optional<byte[]> get(String sha256, String name) {
        BlobStore.check(sha256, name);
        try {
            return Optional.of(Files.readAllBytes(path(sha256, name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + sha256 + "/" + name, e);
        }
    }

    @Override
    public boolean exists(String sha256, String name) {
        BlobStore.check(sha256, name);
        return Files.isRegularFile(path(sha256, name));
    }

    @Override
    public Optional<Path> localFile(String sha256, String name) {
        BlobStore.check(sha256, name);
        Path file = path(sha256, name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void delete(String sha256, String name) {
        BlobStore.check(sha256, name);
        try {
            Files.deleteIfExists(path(sha256, name));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + sha256 + "/" + name, e);
        }
    }

    @Override
    public List<String> list(String sha256) {
        BlobStore.check(sha256, null);
        Path folder = root.resolve(sha256.substring(0, 2)).resolve(sha256);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + sha256, e);
        }
    }

    private Path path(String sha256, String name) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256).resolve(name);
    }
}
