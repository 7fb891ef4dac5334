package health.cms.workflow.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import health.cms.core.audit.AuditLog;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The audit chain's head is anchored by keyed checkpoints, so whoever can switch the database's triggers
 * off still cannot cut off the trail's tail, or rewrite and re-hash it, unseen.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AuditAnchorTest.OwnDatabase.class)
class AuditAnchorTest extends AuditTampering {

    /** A database of its own. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @Test
    void truncatedAuditTailIsDetected() {
        Fixtures.published("anchored-tail");
        AuditLog.Verification before = audit.verify();
        assertTrue(before.intact(), before.reason());
        List<Long> ids = eventIds();
        long last = ids.get(ids.size() - 1);

        // The owner with the append-only triggers off still cannot delete an anchored event ...
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("ALTER TABLE audit_event DISABLE TRIGGER USER").executeUpdate();
            em.createNativeQuery("DELETE FROM audit_event WHERE id = :id").setParameter("id", last).executeUpdate();
        }), "the checkpoint's foreign key keeps the anchored event");
        // ... and a superuser who switches off every trigger, the foreign key's included, is caught afterwards.
        withEveryTriggerOff(() -> {
            em.createNativeQuery("DELETE FROM audit_event WHERE id >= :id").setParameter("id", ids.get(ids.size() - 2))
                    .executeUpdate();
        });

        AuditLog.Verification after = audit.verify();
        assertFalse(after.intact(), "the shortened chain still links from its first event to its new last one");
        assertTrue(after.reason().startsWith("the trail ends before checkpoint "), after.reason());
        assertTrue(after.reason().contains("anchors event " + (ids.get(ids.size() - 2))), after.reason());
    }
}
