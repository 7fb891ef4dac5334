package health.cms.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static final Map<String, String> OWN = Map.of("quarkus.datasource.username", "cms",
            "quarkus.datasource.password", "db-password-from-the-vault",
            "quarkus.oidc.credentials.secret", "client-secret-from-keycloak",
            "cms.csrf.key", "csrf-key-from-the-vault-0123456789abcdef");

    private static List<String> refusals(Map<String, String> settings, boolean localStack) {
        return ProductionSecrets.refusals(name -> Optional.ofNullable(settings.get(name)), localStack);
    }

    private static Map<String, String> own(String property, String value) {
        Map<String, String> settings = new HashMap<>(OWN);
        if (value == null) {
            settings.remove(property);
        } else {
            settings.put(property, value);
        }
        return settings;
    }

    @Test
    void acceptsSecretsOfTheOperatorsOwn() {
        assertEquals(List.of(), refusals(OWN, false));
    }

    @Test
    void refusesAMissingClientSecretNamingTheVariable() {
        assertEquals(List.of("CMS_OIDC_CLIENT_SECRET (quarkus.oidc.credentials.secret) is not set"),
                refusals(own("quarkus.oidc.credentials.secret", null), false));
    }

    @Test
    void refusesTheRealmsPublishedClientSecretAndTheLocalDatabasePassword() {
        assertEquals(List.of(
                "CMS_OIDC_CLIENT_SECRET (quarkus.oidc.credentials.secret) is 'cms-admin-ui-local-secret', a value published with the CMS: set one of your own"),
                refusals(own("quarkus.oidc.credentials.secret", "cms-admin-ui-local-secret"), false));
        assertEquals(List.of(
                "CMS_DB_PASSWORD (quarkus.datasource.password) is 'cms', a value published with the CMS: set one of your own"),
                refusals(own("quarkus.datasource.password", "cms"), false));
    }

    @Test
    void refusesMissingDatabaseCredentials() {
        assertEquals(List.of("CMS_DB_USER (quarkus.datasource.username) is not set"),
                refusals(own("quarkus.datasource.username", null), false));
    }

    @Test
    void refusesToStartWithoutACsrfKey() {
        assertEquals(List.of("CMS_CSRF_KEY (cms.csrf.key) is not set"), refusals(own("cms.csrf.key", null), false));
    }

    @Test
    void anInstanceWithoutLoginNeedsNoClientSecret() {
        Map<String, String> settings = own("quarkus.oidc.credentials.secret", null);
        settings.remove("cms.csrf.key");
        settings.put("quarkus.oidc.tenant-enabled", "false");
        assertEquals(List.of(), refusals(settings, false));
    }

    @Test
    void theLocalStackMayUseThePublishedValues() {
        assertEquals(List.of(), refusals(Map.of("quarkus.datasource.username", "cms", "quarkus.datasource.password", "cms",
                "quarkus.oidc.credentials.secret", "cms-admin-ui-local-secret", "cms.csrf.key",
                "generated-by-the-launcher-at-each-start"), true));
    }
}
