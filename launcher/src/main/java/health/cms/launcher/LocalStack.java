package health.cms.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final StackSettings settings;
    private final StackProcesses parts;
    private final PrintStream out;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private GreenMail mail;
    private long startedAt;
    private volatile boolean stopping;

    public LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.parts = new StackProcesses(settings);
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
        ManagedProcess keycloak = track(() -> parts.keycloak(this::step));
        ManagedProcess api = startApp("api", parts::api);
        keycloak.awaitReady(settings.realmUrl() + "/.well-known/openid-configuration", KEYCLOAK_TIMEOUT, this::tick);
        step("Keycloak is up at " + settings.keycloakUrl());
        ManagedProcess admin = startApp("admin-ui", parts::adminUi);
        api.awaitReady(settings.apiUrl() + "/q/health/ready", APP_TIMEOUT, this::tick);
        step("api is up at " + settings.apiUrl());
        admin.awaitReady(settings.adminUrl() + "/q/health/ready", APP_TIMEOUT, this::tick);
        step("admin-ui is up at " + settings.adminUrl());
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

    /**
     * Stops admin-ui, runs {@code whileStopped}, and starts it again on the same database, returning when it
     * answers: the fault tests use it to prove that work queued before a restart is done once after it.
     */
    synchronized void restartAdminUi(Runnable whileStopped) {
        int index = processes.stream().map(ManagedProcess::name).toList().indexOf("admin-ui");
        processes.get(index).stop();
        whileStopped.run();
        ManagedProcess admin = parts.adminUi();
        processes.set(index, admin);
        admin.awaitReady(settings.adminUrl() + "/q/health/ready", APP_TIMEOUT, this::tick);
    }

    /** Stops the embedded SMTP server, as a relay that is down: the desk's mails are refused until it is back. */
    synchronized void stopMail() {
        mail.stop();
        mail = null;
    }

    /** The embedded SMTP server and what it received since it started, or null while it is stopped. */
    synchronized GreenMail mailbox() {
        return mail;
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
    synchronized void startMail() {
        refuseWhenStopping();
        step("Starting the local SMTP server on port " + settings.smtpPort());
        mail = new GreenMail(new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    private ManagedProcess startApp(String module, Supplier<ManagedProcess> starter) {
        step("Starting " + module);
        return track(starter);
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
