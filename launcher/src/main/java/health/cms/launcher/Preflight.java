package health.cms.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks that must pass before anything starts, each failing with a message that says what to do. */
final class Preflight {

    static final int MINIMUM_JAVA = 17;

    private Preflight() {
    }

    static void check(StackSettings settings) {
        int java = Runtime.version().feature();
        if (java < MINIMUM_JAVA) {
            throw new StackException("Java " + java + " is too old: the stack needs JDK " + MINIMUM_JAVA
                    + " or newer. Install it and point JAVA_HOME at it.");
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (CMS_PG_PORT)", settings.postgresPort());
        ports.put("Keycloak (CMS_KEYCLOAK_PORT)", settings.keycloakPort());
        ports.put("api (CMS_API_PORT)", settings.apiPort());
        ports.put("SMTP (CMS_SMTP_PORT)", settings.smtpPort());
        ports.put("admin-ui (CMS_ADMIN_PORT)", settings.adminPort());
        List<String> taken = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (!isFree(port)) {
                taken.add("port " + port + " for " + what);
            }
        });
        if (!taken.isEmpty()) {
            throw new StackException("Cannot start: " + String.join(", ", taken) + " is already in use. "
                    + "Stop the program using it (e.g. `ss -ltnp | grep PORT` shows which) "
                    + "or choose another port with the variable in brackets.");
        }
        for (String module : List.of("api", "admin-ui")) {
            if (!settings.appJar(module).toFile().isFile()) {
                throw new StackException(module + " is not built (" + settings.appJar(module)
                        + " is missing); run ./mvnw package -Pstack from the project root.");
            }
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
