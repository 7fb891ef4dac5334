package health.cms.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How each process of the local stack is started: Keycloak, the api and admin-ui, with the command line,
 * environment, working folder and log that {@link LocalStack} runs them with.
 */
final class StackProcesses {

    /** The realm's client secret on this machine; production sets its own (the apps refuse this one there). */
    static final String LOCAL_CLIENT_SECRET = "cms-admin-ui-local-secret";
    /** Seals the audit checkpoints on this machine; production sets its own (admin-ui refuses this one there). */
    static final String LOCAL_AUDIT_KEY = "local-stack-audit-key-not-for-production";

    private final StackSettings settings;

    StackProcesses(StackSettings settings) {
        this.settings = settings;
    }

    ManagedProcess keycloak(Consumer<String> step) {
        Path home = settings.keycloakHome();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new StackException("Keycloak is not unpacked at " + home + "; run ./mvnw package -Pstack");
        }
        KeycloakRealm.prepareImport(home, settings.realmFile());
        boolean firstStart = !Files.exists(home.resolve("data/h2"));
        step.accept(firstStart
                ? "Starting Keycloak for the first time (it builds itself once: about 2 minutes)"
                : "Starting Keycloak");
        Map<String, String> env = new HashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_APPEND", "-Xms64m");
        // The realm file takes the client secret from here, as it does in docker compose.
        env.put("CMS_OIDC_CLIENT_SECRET", LOCAL_CLIENT_SECRET);
        return ManagedProcess.start("Keycloak",
                List.of("bash", "bin/kc.sh", "start-dev", "--http-port", String.valueOf(settings.keycloakPort()),
                        "--hostname", settings.keycloakUrl(), "--import-realm"),
                env, home, settings.logDir().resolve("keycloak.log"));
    }

    ManagedProcess api() {
        // Everything reaches the local api from localhost, the delivery benchmark's single wrk client included:
        // the per-client rate limit stays off unless CMS_RATE_LIMIT_PER_SECOND asks for one.
        return app("api", settings.apiPort(), System.getenv("CMS_RATE_LIMIT_PER_SECOND") == null
                ? Map.of("CMS_RATE_LIMIT_PER_SECOND", "0")
                : Map.of());
    }

    ManagedProcess adminUi() {
        // Plain http on localhost: the session cookies cannot be Secure here, unlike in production.
        return app("admin-ui", settings.adminPort(), Map.ofEntries(
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
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private ManagedProcess app(String module, int port, Map<String, String> extraEnv) {
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
        return ManagedProcess.start(module,
                List.of(java, "-XX:+UseSerialGC", api ? "-Xmx128m" : "-Xmx384m",
                        "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-jar", settings.appJar(module).toString()),
                env, settings.projectDir(), settings.logDir().resolve(module + ".log"));
    }
}
