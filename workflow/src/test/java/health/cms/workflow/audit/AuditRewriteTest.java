package health.cms.workflow.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An audit chain rewritten and re-hashed from start to end links perfectly, since its hashes are unkeyed; the
 * keyed checkpoints are what still show it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AuditRewriteTest.OwnDatabase.class)
class AuditRewriteTest extends AuditTampering {

    /** A database of its own. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @Test
    void rehashedAuditChainNoLongerMatchesItsCheckpoints() {
        Fixtures.published("anchored-chain");
        List<Long> ids = eventIds();
        // Rewrite the first event's actor and recompute every hash after it, as anyone can (SHA-256 is unkeyed).
        withEveryTriggerOff(() -> {
            em.createNativeQuery("UPDATE audit_event SET actor = 'someone-else' WHERE id = :id")
                    .setParameter("id", ids.get(0)).executeUpdate();
            String prev = AuditEvent.GENESIS;
            for (AuditEvent stored : audit.list("order by id")) {
                String hash = AuditEvent.stored(stored.id(), stored.occurredAt(), stored.actor(), stored.action(),
                        stored.articleId(), stored.revisionId(), stored.fromStatus(), stored.toStatus(), stored.comment(),
                        stored.subjectType(), stored.subjectId(), prev, null).computeHash();
                em.createNativeQuery("UPDATE audit_event SET prev_hash = :prev, hash = :hash WHERE id = :id")
                        .setParameter("prev", prev).setParameter("hash", hash).setParameter("id", stored.id())
                        .executeUpdate();
                prev = hash;
            }
        });

        AuditLog.Verification after = audit.verify();
        assertFalse(after.intact(), "every link and hash of the rewritten chain is right; only the key can tell");
        assertEquals(ids.get(0), after.firstBrokenEventId().orElseThrow());
        assertTrue(after.reason().contains("no longer has the hash checkpoint"), after.reason());
    }
}
