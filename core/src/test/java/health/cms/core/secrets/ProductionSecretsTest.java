package health.cms.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    /** The api's settings of its own: no login. */
    private static final Map<String, String> API = Map.of("quarkus.datasource.username", "cms",
            "quarkus.datasource.password", "s3cr3t-from-the-vault");

    /** The desk's settings of its own: it logs users in through the OIDC server. */
    private static final Map<String, String> DESK = Map.of("quarkus.datasource.username", "cms",
            "quarkus.datasource.password", "db-password-from-the-vault",
            "quarkus.oidc.auth-server-url", "https://login.example.org/realms/cms",
            "quarkus.oidc.credentials.secret", "client-secret-from-keycloak",
            "cms.csrf.key", "csrf-key-from-the-vault-0123456789abcdef");

    private static List<String> refusals(Map<String, String> settings, boolean localStack) {
        return ProductionSecrets.refusals(name -> Optional.ofNullable(settings.get(name)), localStack);
    }

    private static String notSet(String variable, String property) {
        return variable + " (" + property + ") is not set";
    }

    private static String published(String variable, String property, String value) {
        return variable + " (" + property + ") is '" + value + "', a value published with the CMS: set one of your own";
    }

    private static Map<String, String> desk(String property, String value) {
        Map<String, String> settings = new HashMap<>(DESK);
        if (value == null) {
            settings.remove(property);
        } else {
            settings.put(property, value);
        }
        return settings;
    }

    @Test
    void acceptsCredentialsOfTheOperatorsOwn() {
        assertEquals(List.of(), refusals(API, false));
        assertEquals(List.of(), refusals(DESK, false));
    }

    @Test
    void refusesMissingDatabaseCredentialsNamingTheVariables() {
        assertEquals(List.of(notSet("CMS_DB_USER", "quarkus.datasource.username"),
                notSet("CMS_DB_PASSWORD", "quarkus.datasource.password")),
                refusals(Map.of("quarkus.datasource.password", " "), false));
        assertEquals(List.of(notSet("CMS_DB_USER", "quarkus.datasource.username")),
                refusals(desk("quarkus.datasource.username", null), false));
    }

    @Test
    void refusesThePublishedPasswordOnThePrimaryOnceAndOnAReadReplicaOfItsOwn() {
        assertEquals(List.of(
                published("CMS_DB_PASSWORD", "quarkus.datasource.password", "cms")),
                refusals(Map.of("quarkus.datasource.username", "cms", "quarkus.datasource.password", "cms",
                        "quarkus.datasource.read.password", "cms"), false));
        assertEquals(List.of(
                published("CMS_DB_READ_PASSWORD", "quarkus.datasource.read.password", "cms")),
                refusals(Map.of("quarkus.datasource.username", "cms", "quarkus.datasource.password", "own-one",
                        "quarkus.datasource.read.password", "cms"), false));
    }

    @Test
    void refusesAMissingClientSecretNamingTheVariable() {
        assertEquals(List.of(notSet("CMS_OIDC_CLIENT_SECRET", "quarkus.oidc.credentials.secret")),
                refusals(desk("quarkus.oidc.credentials.secret", null), false));
    }

    @Test
    void refusesTheRealmsPublishedClientSecretAndTheLocalDatabasePassword() {
        assertEquals(List.of(
                published("CMS_OIDC_CLIENT_SECRET", "quarkus.oidc.credentials.secret", "cms-admin-ui-local-secret")),
                refusals(desk("quarkus.oidc.credentials.secret", "cms-admin-ui-local-secret"), false));
        assertEquals(List.of(
                published("CMS_DB_PASSWORD", "quarkus.datasource.password", "cms")),
                refusals(desk("quarkus.datasource.password", "cms"), false));
    }

    @Test
    void refusesThePublishedAuditKeyAndTheApiRolesPublishedPassword() {
        assertEquals(List.of(published("CMS_AUDIT_KEY", "cms.audit.key", "local-stack-audit-key-not-for-production")),
                refusals(desk("cms.audit.key", "local-stack-audit-key-not-for-production"), false));
        assertEquals(List.of(published("CMS_DB_PASSWORD", "quarkus.datasource.password", "cms_api")),
                refusals(Map.of("quarkus.datasource.username", "cms_api", "quarkus.datasource.password", "cms_api"),
                        false));
    }

    @Test
    void refusesToStartTheDeskWithoutACsrfKey() {
        assertEquals(List.of(notSet("CMS_CSRF_KEY", "cms.csrf.key")), refusals(desk("cms.csrf.key", null), false));
    }

    @Test
    void anInstanceWithoutLoginNeedsNoClientSecretNorCsrfKey() {
        Map<String, String> settings = desk("quarkus.oidc.credentials.secret", null);
        settings.remove("cms.csrf.key");
        settings.put("quarkus.oidc.tenant-enabled", "false");
        assertEquals(List.of(), refusals(settings, false));
    }

    @Test
    void theLocalStackMayUseThePublishedValuesButNotLeaveThemOut() {
        assertEquals(List.of(), refusals(Map.of("quarkus.datasource.username", "cms", "quarkus.datasource.password", "cms",
                "quarkus.oidc.auth-server-url", "http://localhost:8180/realms/cms",
                "quarkus.oidc.credentials.secret", "cms-admin-ui-local-secret", "cms.csrf.key",
                "generated-by-the-launcher-at-each-start"), true));
        assertEquals(List.of(notSet("CMS_DB_PASSWORD", "quarkus.datasource.password")),
                refusals(Map.of("quarkus.datasource.username", "cms"), true));
    }
}
