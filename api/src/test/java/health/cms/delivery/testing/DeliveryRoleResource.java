package health.cms.delivery.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import health.cms.core.publication.ApiRoles;
import health.cms.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A database of its own, as {@link EmbeddedPostgresResource} gives, with the api's reads done as production
 * does them: through a login role that is only a member of the read-only {@code cms_delivery} role (migration
 * V17 grants it the read model), and the preview API's through a login that is only a member of {@code cms_preview}
 * (V20). Test fixtures still write through the default datasource, as admin-ui would.
 */
public class DeliveryRoleResource implements QuarkusTestResourceLifecycleManager {

    /** The api's login in these tests (the local stack's is the launcher's LocalPostgres.API_USER). */
    public static final String USER = "cms_api_test";
    public static final String PASSWORD = "cms_api_test";
    /** The preview API's login in these tests: a member of {@code cms_preview} only (migration V20 grants it revisions). */
    public static final String PREVIEW_USER = "cms_api_preview_test";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new EmbeddedPostgresResource().start());
        String url = config.get("quarkus.datasource.jdbc.url");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            // Roles belong to the server, which every test database of this JVM shares.
            statement.execute(ApiRoles.createMissing(USER, PASSWORD, PREVIEW_USER, PASSWORD));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the api's test role", e);
        }
        config.put("quarkus.datasource.read.jdbc.url", withoutUser(url));
        config.put("quarkus.datasource.read.username", USER);
        config.put("quarkus.datasource.read.password", PASSWORD);
        config.put("quarkus.datasource.preview.jdbc.url", withoutUser(url));
        config.put("quarkus.datasource.preview.username", PREVIEW_USER);
        config.put("quarkus.datasource.preview.password", PASSWORD);
        return config;
    }

    @Override
    public void stop() {
        // the role stays with the server, which lives until the JVM exits
    }

    /** A connection as the api's role, for tests that try what it may not do. */
    public static Connection connectAsApi(String url) throws SQLException {
        return DriverManager.getConnection(withoutUser(url), USER, PASSWORD);
    }

    /** The embedded server's URLs name their user, which the driver prefers to the one it is given. */
    private static String withoutUser(String url) {
        String stripped = url.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        if (stripped.contains("user=")) {
            throw new IllegalStateException("Cannot take the user out of " + url);
        }
        return stripped;
    }
}
