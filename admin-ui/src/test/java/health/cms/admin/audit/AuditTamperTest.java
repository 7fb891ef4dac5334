package health.cms.admin.audit;

import static health.cms.admin.testing.Tokens.editor1;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(AuditTamperTest.OwnDatabase.class)
class AuditTamperTest {

    /** Tampering breaks the chain for good, so this test gets a database of its own. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @Inject
    EntityManager em;

    @Test
    void verificationNamesTheFirstAlteredEvent() {
        Fixtures.published("tampered");
        editor1().get("/manage/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("eventsChecked", equalTo(3)).body("head.eventCount", equalTo(3));
        long second = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("SELECT id FROM audit_event ORDER BY id").getResultList();
            // A database owner can switch the trigger off; the hash chain still shows what they did.
            em.createNativeQuery("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").executeUpdate();
            em.createNativeQuery("UPDATE audit_event SET actor = 'someone-else' WHERE id = :id")
                    .setParameter("id", ids.get(1).longValue()).executeUpdate();
            em.createNativeQuery("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only").executeUpdate();
            return ids.get(1).longValue();
        });
        editor1().get("/manage/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenEventId", equalTo((int) second))
                .body("reason", containsString("altered"));
    }
}
