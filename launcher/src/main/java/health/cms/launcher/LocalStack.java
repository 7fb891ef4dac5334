package health.cms.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole system on one machine: an embedded PostgreSQL whose data stays in {@code .local/}, a real
 * Keycloak importing {@code docker/keycloak/cms-realm.json}, and the api and admin-ui apps with demo
 * content. Ctrl-C, SIGTERM and SIGHUP stop everything in reverse order, and so does the end of the process
 * that started the stack (Maven, for {@code ./mvnw package -Pstack}).
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration APP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PARENT_POLL = Duration.ofMillis(500);
    /** The realm's client secret on this machine; production sets its own (the apps refuse this one there). */
    static final String LOCAL_CLIENT_SECRET = "cms-admin-ui-local-secret";
    /** Seals the audit checkpoints on this machine; production sets its own (admin-ui refuses this one there). */
    static final String LOCAL_AUDIT_KEY = "local-stack-audit-key-not-for-production";

    private final StackSettings settings;
    private final PrintStream out;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private GreenMail mail;
    private long startedAt;
    private volatile boolean stopping;

    public LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        LocalStack stack = null;
        try {
            stack = new LocalStack(StackSettings.fromEnvironment(), System.out);
            LocalStack running = stack;
            // The JVM runs this hook on SIGTERM, SIGHUP and SIGINT alike; only SIGKILL skips it.
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "stop-local-stack"));
            stopWhenParentEnds();
            stack.start();
            stack.printBanner();
            stack.awaitUnexpectedExit();
        } catch (StackException e) {
            System.err.println();
            System.err.println("Local stack failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * exec-maven-plugin forks this JVM and, for a synchronous exec, registers nothing that would stop it: a
     * SIGTERM or SIGHUP sent to Maven ends Maven alone (only Ctrl-C reaches the whole process group). So the
     * stack stops itself, through the shutdown hook, as soon as the process that started it is gone.
     */
    private static void stopWhenParentEnds() {
        ProcessHandle.current().parent().ifPresent(parent -> {
            Thread watch = new Thread(() -> {
                while (parent.isAlive()) {
                    sleep(PARENT_POLL);
                }
                System.out.println("\nThe process that started the stack (pid " + parent.pid() + ") ended.");
                System.exit(0);
            }, "watch-parent");
            watch.setDaemon(true);
            watch.start();
        });
    }

    /** Starts every part and returns when all of them answer. */
    public void start() {
        startedAt = System.nanoTime();
        Preflight.check(settings);
        startPostgres();
        startMail();
        ManagedProcess keycloak = startKeycloak();
        // Everything reaches the local api from localhost, the delivery benchmark's single wrk client included:
        // the per-client rate limit stays off unless CMS_RATE_LIMIT_PER_SECOND asks for one.
        ManagedProcess api = startApp("api", settings.apiPort(), System.getenv("CMS_RATE_LIMIT_PER_SECOND") == null
                ? Map.of("CMS_RATE_LIMIT_PER_SECOND", "0")
                : Map.of());
        keycloak.awaitReady(settings.realmUrl() + "/.well-known/openid-configuration", KEYCLOAK_TIMEOUT, this::tick);
        step("Keycloak is up at " + settings.keycloakUrl());
        // Plain http on localhost: the session cookies cannot be Secure here, unlike in production.
        ManagedProcess admin = startApp("admin-ui", settings.adminPort(), Map.ofEntries(
                Map.entry("CMS_COOKIE_SECURE", "false"),
                Map.entry("CMS_OIDC_CLIENT_SECRET", LOCAL_CLIENT_SECRET),
                Map.entry("CMS_AUDIT_KEY", LOCAL_AUDIT_KEY),
                // a fresh key per start: forms left open across a restart of the stack ask to be reloaded
                Map.entry("CMS_CSRF_KEY", randomKey()),
                Map.entry("CMS_OIDC_URL", settings.realmUrl()),
                Map.entry("CMS_DEMO_CONTENT", String.valueOf(settings.demoContent())),
                Map.entry("CMS_PUBLIC_API_URL", settings.apiUrl()),
                // notification mails go to the embedded SMTP server; the desk lists them on its Local mailbox page
                Map.entry("QUARKUS_MAILER_HOST", "127.0.0.1"),
                Map.entry("QUARKUS_MAILER_PORT", String.valueOf(settings.smtpPort())),
                Map.entry("CMS_LOCAL_MAILBOX", "true"),
                Map.entry("CMS_DESK_URL", settings.adminUrl())));
        api.awaitReady(settings.apiUrl() + "/q/health/ready", APP_TIMEOUT, this::tick);
        step("api is up at " + settings.apiUrl());
        admin.awaitReady(settings.adminUrl() + "/q/health/ready", APP_TIMEOUT, this::tick);
        step("admin-ui is up at " + settings.adminUrl());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    public Duration startupTime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        processes.forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /**
     * Stops PostgreSQL under the running apps, keeps it down for {@code downtime} and starts it again on
     * the same data and port: the fault tests use it to prove the apps recover on their own.
     */
    synchronized void restartPostgres(Duration downtime) throws IOException, InterruptedException {
        postgres.close();
        Thread.sleep(downtime.toMillis());
        postgres = LocalPostgres.start(settings.stateDir().resolve("postgres"), settings.postgresPort());
    }

    private void startPostgres() {
        Path dataDir = settings.stateDir().resolve("postgres");
        step(LocalPostgres.isNew(dataDir)
                ? "Creating the PostgreSQL database in " + dataDir
                : "Starting PostgreSQL (data in " + dataDir + ")");
        // Under the lock close() takes: a stop requested meanwhile waits for the server and then stops it.
        synchronized (this) {
            refuseWhenStopping();
            postgres = LocalPostgres.start(dataDir, settings.postgresPort());
        }
        step("PostgreSQL is up on port " + settings.postgresPort());
    }

    /** The embedded SMTP server that receives the desk's notification mails (they never leave this machine). */
    private synchronized void startMail() {
        refuseWhenStopping();
        step("Starting the local SMTP server on port " + settings.smtpPort());
        mail = new GreenMail(new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    private ManagedProcess startKeycloak() {
        Path home = settings.keycloakHome();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new StackException("Keycloak is not unpacked at " + home + "; run ./mvnw package -Pstack");
        }
        KeycloakRealm.prepareImport(home, settings.realmFile());
        boolean firstStart = !Files.exists(home.resolve("data/h2"));
        step(firstStart
                ? "Starting Keycloak for the first time (it builds itself once: about 2 minutes)"
                : "Starting Keycloak");
        Map<String, String> env = new HashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_APPEND", "-Xms64m");
        // The realm file takes the client secret from here, as it does in docker compose.
        env.put("CMS_OIDC_CLIENT_SECRET", LOCAL_CLIENT_SECRET);
        return track(() -> ManagedProcess.start("Keycloak",
                List.of("bash", "bin/kc.sh", "start-dev", "--http-port", String.valueOf(settings.keycloakPort()),
                        "--hostname", settings.keycloakUrl(), "--import-realm"),
                env, home, settings.logDir().resolve("keycloak.log")));
    }

    private ManagedProcess startApp(String module, int port, Map<String, String> extraEnv) {
        step("Starting " + module);
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("CMS_DB_URL", settings.jdbcUrl());
        // The api reads as the read-only role; admin-ui owns the schema and migrates it.
        boolean api = module.equals("api");
        env.put("CMS_DB_USER", api ? LocalPostgres.API_USER : LocalPostgres.APP_USER);
        env.put("CMS_DB_PASSWORD", api ? LocalPostgres.API_PASSWORD : LocalPostgres.APP_PASSWORD);
        if (!api) {
            // The management API's Swagger UI at /q/swagger-ui, for local use only.
            env.put("CMS_SWAGGER_UI", "true");
        }
        if (api) {
            // The preview API reads working revisions through a login of its own, never the delivery role.
            env.put("CMS_DB_PREVIEW_USER", LocalPostgres.PREVIEW_USER);
            env.put("CMS_DB_PREVIEW_PASSWORD", LocalPostgres.PREVIEW_PASSWORD);
        }
        // Both apps see the same media folder: the desk stores images there, the api serves them.
        env.put("CMS_MEDIA_DIRECTORY", settings.stateDir().resolve("media").toString());
        // These published credentials are accepted here only: in production the apps refuse them at start.
        env.put("CMS_LOCAL_STACK", "true");
        env.put(api ? "CMS_API_PORT" : "CMS_ADMIN_PORT", String.valueOf(port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // glibc's per-thread malloc arenas dominate a small JVM's footprint; two are plenty.
        env.put("MALLOC_ARENA_MAX", "2");
        return track(() -> ManagedProcess.start(module,
                List.of(java, "-XX:+UseSerialGC", api ? "-Xmx128m" : "-Xmx384m",
                        "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-jar", settings.appJar(module).toString()),
                env, settings.projectDir(), settings.logDir().resolve(module + ".log")));
    }

    /**
     * Starts a part under the lock close() takes, so a stop requested during start-up (a signal while Keycloak
     * builds itself) either finds the part in the list or keeps it from starting at all.
     */
    private synchronized ManagedProcess track(Supplier<ManagedProcess> starter) {
        refuseWhenStopping();
        ManagedProcess process = starter.get();
        processes.add(process);
        return process;
    }

    private void refuseWhenStopping() {
        if (stopping) {
            throw new StackException("Stopped during start-up.");
        }
    }

    private void printBanner() {
        out.printf("""

                ================================================================
                 Medical CMS is running (ready in %d s). Press Ctrl-C to stop.

                 Editorial desk   %s
                 Delivery API     %s/api/v1/articles/immunotherapy-treatment-effect-risks
                 Keycloak         %s  (admin console: admin / admin)
                 PostgreSQL       %s  (user cms / cms; the api reads as cms_api)
                 Local mailbox    %s/local-mailbox  (SMTP on localhost:%d)

                 Demo logins (password = user name):
                   writer1, writer2      writer
                   reviewer1             medical-reviewer
                   reviewer2             medical-reviewer + writer
                   editor1               editor

                 Logs: %s
                ================================================================
                """, startupTime().toSeconds(), settings.adminUrl(), settings.apiUrl(), settings.keycloakUrl(),
                settings.jdbcUrl(), settings.adminUrl(), settings.smtpPort(), settings.logDir());
    }

    /**
     * Blocks until a part stops on its own, then reports which one and why. Ctrl-C reaches the children
     * too, so a child that ends while the stack is stopping is not a failure.
     */
    private void awaitUnexpectedExit() {
        while (!stopping) {
            sleep(Duration.ofSeconds(1));
            for (ManagedProcess process : List.copyOf(processes)) {
                if (!process.isAlive()) {
                    sleep(Duration.ofSeconds(2));
                    if (!stopping) {
                        throw new StackException(process.name() + " stopped unexpectedly.\n" + process.tail(30));
                    }
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the apps, then Keycloak, then PostgreSQL. Safe to call more than once. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (processes.isEmpty() && postgres == null && mail == null) {
            return;
        }
        out.println("\nStopping the local stack...");
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop();
        }
        processes.clear();
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        out.println("Stopped. Data is kept in " + settings.stateDir() + " for the next run.");
    }

    private void step(String message) {
        out.printf("%n[%3ds] %s", Duration.ofNanos(System.nanoTime() - startedAt).toSeconds(), message);
        out.flush();
    }

    private void tick(String name) {
        out.print('.');
        out.flush();
    }
}
