package health.cms.workflow.audit;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import health.cms.core.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the tampering tests share: the audit log that must notice, and the database owner's raw SQL with every
 * trigger off, the foreign keys' included, as a superuser could run it. Tampering breaks the trail for good,
 * so each such test class gets a database of its own (a test profile of its own).
 */
abstract class AuditTampering {

    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** Runs the change in a transaction of its own with every trigger off. */
    void withEveryTriggerOff(Runnable change) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("SET LOCAL session_replication_role = replica").executeUpdate();
            change.run();
        });
    }

    List<Long> eventIds() {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT id FROM audit_event ORDER BY id", Long.class).getResultList());
    }
}
