package health.cms.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Puts the realm file where {@code kc.sh --import-realm} reads it. Keycloak silently skips a realm
 * that already exists, so when the realm file changed since the last start the local Keycloak
 * database is reset and the realm imported afresh.
 */
final class KeycloakRealm {

    private KeycloakRealm() {
    }

    static void prepareImport(Path keycloakHome, Path realmFile) {
        if (!Files.isRegularFile(realmFile)) {
            throw new StackException("The realm file " + realmFile + " is missing");
        }
        try {
            Path importDir = Files.createDirectories(keycloakHome.resolve("data/import"));
            Path marker = keycloakHome.resolve("data/realm.sha256");
            String hash = sha256(Files.readAllBytes(realmFile));
            boolean changed = !Files.exists(marker) || !Files.readString(marker).strip().equals(hash);
            if (changed) {
                deleteRecursively(keycloakHome.resolve("data/h2"));
            }
            Files.copy(realmFile, importDir.resolve("cms-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(marker, hash);
        } catch (IOException e) {
            throw new StackException("Could not prepare the Keycloak realm import: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
