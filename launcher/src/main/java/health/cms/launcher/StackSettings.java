package health.cms.launcher;

import java.nio.file.Path;

/**
 * Where the local stack lives and which ports it uses. Every value can be overridden with an
 * environment variable (e.g. {@code CMS_API_PORT=9080}) when a default port is taken.
 */
public record StackSettings(
        Path projectDir,
        Path keycloakHome,
        Path stateDir,
        int postgresPort,
        int keycloakPort,
        int apiPort,
        int adminPort,
        boolean demoContent) {

    /** The local stack's PostgreSQL port unless CMS_PG_PORT says otherwise. */
    public static final int DEFAULT_POSTGRES_PORT = 15432;

    public static StackSettings fromEnvironment() {
        Path projectDir = Path.of(System.getProperty("cms.project.dir", ".")).toAbsolutePath().normalize();
        Path keycloakHome = Path.of(required("cms.keycloak.home"));
        return new StackSettings(projectDir, keycloakHome, projectDir.resolve(".local"),
                port("CMS_PG_PORT", DEFAULT_POSTGRES_PORT), port("CMS_KEYCLOAK_PORT", 8180), port("CMS_API_PORT", 8080),
                port("CMS_ADMIN_PORT", 8081), true);
    }

    /** The local SMTP server's port (GreenMail), 2525 unless CMS_SMTP_PORT says otherwise. */
    public int smtpPort() {
        return port("CMS_SMTP_PORT", 2525);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/cms";
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String realmUrl() {
        return keycloakUrl() + "/realms/cms";
    }

    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    public String adminUrl() {
        return "http://localhost:" + adminPort;
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    public Path realmFile() {
        return projectDir.resolve("docker/keycloak/cms-realm.json");
    }

    public Path appJar(String module) {
        return projectDir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new StackException(
                    "System property " + property + " is not set; start the stack with ./mvnw package -Pstack");
        }
        return value;
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new StackException(variable + "='" + value + "' is not a port number");
        }
    }
}
