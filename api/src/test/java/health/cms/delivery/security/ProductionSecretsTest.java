package health.cms.delivery.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static List<String> refusals(Map<String, String> settings, boolean localStack) {
        return ProductionSecrets.refusals(name -> Optional.ofNullable(settings.get(name)), localStack);
    }

    @Test
    void refusesMissingDatabaseCredentialsNamingTheVariables() {
        assertEquals(List.of("CMS_DB_USER (quarkus.datasource.username) is not set",
                "CMS_DB_PASSWORD (quarkus.datasource.password) is not set"),
                refusals(Map.of("quarkus.datasource.password", " "), false));
    }

    @Test
    void refusesThePublishedPasswordOnThePrimaryOnceAndOnAReadReplicaOfItsOwn() {
        assertEquals(List.of(
                "CMS_DB_PASSWORD (quarkus.datasource.password) is 'cms', a value published with the CMS: set one of your own"),
                refusals(Map.of("quarkus.datasource.username", "cms", "quarkus.datasource.password", "cms",
                        "quarkus.datasource.read.password", "cms"), false));
        assertEquals(List.of(
                "CMS_DB_READ_PASSWORD (quarkus.datasource.read.password) is 'cms', a value published with the CMS: set one of your own"),
                refusals(Map.of("quarkus.datasource.username", "cms", "quarkus.datasource.password", "own-one",
                        "quarkus.datasource.read.password", "cms"), false));
    }

    @Test
    void acceptsCredentialsOfTheOperatorsOwn() {
        assertEquals(List.of(), refusals(Map.of("quarkus.datasource.username", "cms",
                "quarkus.datasource.password", "s3cr3t-from-the-vault"), false));
    }

    @Test
    void theLocalStackMayUseThePublishedPasswordButNotLeaveItOut() {
        assertEquals(List.of(), refusals(Map.of("quarkus.datasource.username", "cms",
                "quarkus.datasource.password", "cms"), true));
        assertEquals(List.of("CMS_DB_PASSWORD (quarkus.datasource.password) is not set"),
                refusals(Map.of("quarkus.datasource.username", "cms"), true));
    }
}
