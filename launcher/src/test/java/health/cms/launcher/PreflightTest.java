package health.cms.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path project;

    private StackSettings settings(int apiPort) throws IOException {
        for (String module : new String[]{"api", "admin-ui"}) {
            Path jar = project.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "");
        }
        return new StackSettings(project, project.resolve("keycloak"), project.resolve(".local"), freePort(),
                freePort(), apiPort, freePort(), false);
    }

    @Test
    void aTakenPortIsNamedWithTheVariableThatMovesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            StackException refused = assertThrows(StackException.class,
                    () -> Preflight.check(settings(taken.getLocalPort())));
            assertTrue(refused.getMessage().contains("port " + taken.getLocalPort()), refused.getMessage());
            assertTrue(refused.getMessage().contains("CMS_API_PORT"), refused.getMessage());
        }
    }

    @Test
    void unbuiltAppsAreReportedWithTheCommandThatBuildsThem() throws IOException {
        StackSettings settings = settings(freePort());
        Files.delete(settings.appJar("admin-ui"));
        StackException refused = assertThrows(StackException.class, () -> Preflight.check(settings));
        assertTrue(refused.getMessage().contains("./mvnw package -Pstack"), refused.getMessage());
    }

    @Test
    void freePortsAndBuiltAppsPass() throws IOException {
        Preflight.check(settings(freePort()));
        assertTrue(Preflight.isFree(freePort()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
