package health.cms.bench;

import static health.cms.bench.Stack.HTTP;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A further api replica started from the built jar next to the running stack, with a small heap. */
final class ApiReplica {

    private ApiReplica() {
    }

    /** Starts a replica on {@code port}, logging to {@code work/replica-PORT.log}; see {@link #waitFor}. */
    static Process start(Path work, int port, boolean cache) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:+UseSerialGC", "-Xmx128m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-jar", "api/target/quarkus-app/quarkus-run.jar");
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().put("CMS_API_PORT", String.valueOf(port));
        // The stack's api holds the default metrics port (9000); each replica takes its own.
        builder.environment().put("CMS_API_MANAGEMENT_PORT", String.valueOf(port + 1000));
        builder.environment().put("CMS_DELIVERY_CACHE", String.valueOf(cache));
        // The logins the local stack creates for the api (see LocalPostgres): read-only, as in production.
        builder.environment().put("CMS_DB_USER", "cms_api");
        builder.environment().put("CMS_DB_PASSWORD", "cms_api");
        builder.environment().put("CMS_DB_PREVIEW_USER", "cms_api_preview");
        builder.environment().put("CMS_DB_PREVIEW_PASSWORD", "cms_api_preview");
        // The local stack's published passwords and keys: a production start refuses them (ProductionSecrets).
        builder.environment().put("CMS_LOCAL_STACK", "true");
        // One client polling in a loop, like wrk: the per-client rate limit is for real traffic.
        builder.environment().putIfAbsent("CMS_RATE_LIMIT_PER_SECOND", "0");
        return builder.redirectErrorStream(true).redirectOutput(work.resolve("replica-" + port + ".log").toFile())
                .directory(Path.of(System.getProperty("cms.project.dir", ".")).toFile()).start();
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void waitFor(String url, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " not ready");
    }
}
