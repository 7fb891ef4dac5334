package health.cms.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher as {@code ./mvnw package -Pstack} runs it (forked by a parent that waits for it), with a real
 * embedded PostgreSQL and stand-ins for Keycloak (a kc.sh that runs a JVM as its child, as the real one does)
 * and the two apps: a signal to the parent or to the launcher stops every part and shuts PostgreSQL down cleanly.
 */
class StackSignalsTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @ParameterizedTest(name = "SIG{1} to the {0}")
    @CsvSource({"parent, TERM", "parent, HUP", "launcher, TERM"})
    void aSignalStopsEveryPartAndPostgresShutsDownCleanly(String target, String signal) throws Exception {
        Path project = standInProject();
        Path output = dir.resolve("stack.out");
        ProcessBuilder forking = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
                ForkingParent.class.getName(),
                JAVA, "-Dcms.project.dir=" + project, "-Dcms.keycloak.home=" + standInKeycloak(),
                "-cp", System.getProperty("java.class.path"), LocalStack.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        for (String port : List.of("CMS_PG_PORT", "CMS_KEYCLOAK_PORT", "CMS_API_PORT", "CMS_ADMIN_PORT")) {
            forking.environment().put(port, String.valueOf(freePort()));
        }
        Process parent = forking.start();
        started.add(parent.toHandle());
        awaitBanner(parent, output);

        Path pidFile = project.resolve(".local/postgres/postmaster.pid");
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                .orElseThrow();
        List<ProcessHandle> parts = new ArrayList<>(parent.descendants().toList());
        parts.add(postmaster);
        started.addAll(parts);
        // the launcher, kc.sh and the JVM it runs, api, admin-ui (PostgreSQL detaches from the launcher's tree)
        assertEquals(5, parts.size() - 1, "processes under the parent: " + describe(parts));
        ProcessHandle launcher = parent.children().findFirst().orElseThrow();

        long pid = target.equals("parent") ? parent.pid() : launcher.pid();
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor());

        List<ProcessHandle> alive = awaitAllEnded(parts);
        assertTrue(alive.isEmpty(), "still running after SIG" + signal + " to the " + target + ": " + describe(alive)
                + "\n" + Files.readString(output));
        assertFalse(Files.exists(pidFile), "PostgreSQL was not shut down cleanly (postmaster.pid is left)");
        assertTrue(Files.readString(output).contains("Stopped. Data is kept in"), Files.readString(output));
    }

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** A project directory whose api and admin-ui jars start the stand-in from this module's test classes. */
    private Path standInProject() throws IOException, URISyntaxException {
        Path project = dir.resolve("project");
        Path realm = project.resolve("docker/keycloak/cms-realm.json");
        Files.createDirectories(realm.getParent());
        Files.writeString(realm, "{\"realm\": \"cms\"}");
        standInJar(project.resolve("api/target/quarkus-app/quarkus-run.jar"), StandInApp.Api.class);
        standInJar(project.resolve("admin-ui/target/quarkus-app/quarkus-run.jar"), StandInApp.Admin.class);
        return project;
    }

    private static void standInJar(Path jar, Class<?> main) throws IOException, URISyntaxException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses().toUri().toString());
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
    }

    /** Like Keycloak's kc.sh, it runs the server's JVM as its child instead of replacing itself with it. */
    private Path standInKeycloak() throws IOException, URISyntaxException {
        Path home = dir.resolve("keycloak");
        Path kc = home.resolve("bin/kc.sh");
        Files.createDirectories(kc.getParent());
        Files.writeString(kc, """
                while [ "$1" != "--http-port" ]; do shift; done
                "$JAVA_HOME/bin/java" -cp '%s' %s "$2"
                echo "kc.sh: the server stopped"
                """.formatted(testClasses(), StandInApp.class.getName()), StandardCharsets.UTF_8);
        return home;
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(StandInApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void awaitBanner(Process parent, Path output) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.readString(output).contains("Medical CMS is running")) {
            assertTrue(parent.isAlive(), "the stack did not start:\n" + Files.readString(output));
            assertTrue(Instant.now().isBefore(deadline), "no banner after " + START_TIMEOUT + ":\n"
                    + Files.readString(output));
            Thread.sleep(200);
        }
    }

    private static List<ProcessHandle> awaitAllEnded(List<ProcessHandle> parts) throws InterruptedException {
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        List<ProcessHandle> alive = parts;
        while (!alive.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            alive = alive.stream().filter(ProcessHandle::isAlive).toList();
        }
        return alive;
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
