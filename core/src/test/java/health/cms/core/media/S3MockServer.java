package health.cms.core.media;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3-compatible server for the tests: Adobe's S3Mock (a Spring Boot jar from Maven Central, copied to
 * {@code target/s3mock/s3mock.jar} by the build), run as its own JVM on a free port so Spring and Quarkus
 * never share a class path. Started once per test JVM and stopped when the tests end.
 */
public final class S3MockServer implements BeforeAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static volatile Running running;

    /** The server's http endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public static URI endpoint() {
        if (running == null) {
            throw new IllegalStateException("S3MockServer was not started: add @ExtendWith(S3MockServer.class)");
        }
        return running.endpoint;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (S3MockServer.class) {
            if (running == null) {
                running = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(S3MockServer.class, running);
            }
        }
    }

    private static Running start() throws IOException, InterruptedException {
        Path jar = Path.of("target", "s3mock", "s3mock.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the tests through Maven, "
                    + "which copies it in generate-test-resources");
        }
        int httpPort = freePort();
        Path root = Files.createTempDirectory("s3mock-");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toAbsolutePath().toString(), "--server.port=0", "--com.adobe.testing.s3mock.http-port=" + httpPort,
                "--com.adobe.testing.s3mock.store.root=" + root, "--server.address=127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "s3mock", "s3mock.log").toFile()).start();
        URI endpoint = URI.create("http://127.0.0.1:" + httpPort);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answers(endpoint)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock stopped at start; see target/s3mock/s3mock.log");
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("S3Mock did not answer within " + START_TIMEOUT);
            }
            Thread.sleep(250);
        }
        return new Running(process, endpoint);
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Running(Process process, URI endpoint) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
