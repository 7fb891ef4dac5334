package health.cms.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A child process of the stack: its log file, a readiness probe, and a clean stop. */
final class ManagedProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path log;
    private final Process process;

    private ManagedProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ManagedProcess(name, log, builder.start());
        } catch (IOException e) {
            throw new StackException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Polls the URL until it answers 200, reporting progress; fails with the log's tail on timeout or exit. */
    void awaitReady(String url, Duration timeout, Progress progress) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException(name + " stopped during start-up (exit code " + process.exitValue() + ").\n"
                        + "Last lines of " + log + ":\n" + tail(30));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + name);
            }
            progress.tick(name);
            sleep(Duration.ofSeconds(1));
        }
        throw new StackException(name + " was not ready after " + timeout.toSeconds() + " s.\nLast lines of " + log
                + ":\n" + tail(30));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Asks the process and every process under it to stop (kc.sh runs Keycloak's JVM as its child), waits for
     * all of them, and kills what is left after a grace period. The tree is taken before anything is signalled:
     * once a parent has gone, its children are no longer its descendants and would be missed.
     */
    void stop() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, STOP_GRACE)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(5));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException("Waiting for process " + handle.pid() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shows that a slow start is still moving. */
    interface Progress {

        void tick(String name);
    }
}
