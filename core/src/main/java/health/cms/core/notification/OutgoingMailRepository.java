package health.cms.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The mail queue: claiming the next due mail for one sender, and the sent ones for the local mailbox. */
@ApplicationScoped
public class OutgoingMailRepository implements PanacheRepository<OutgoingMail> {

    /**
     * Locks the oldest due unsent mail for this transaction, skipping those another sender holds, so every
     * mail is sent by one instance at a time.
     */
    @SuppressWarnings("unchecked")
    public Optional<OutgoingMail> claimNextDue(Instant now) {
        List<OutgoingMail> due = getEntityManager().createNativeQuery("""
                SELECT * FROM outgoing_mail
                WHERE sent_at IS NULL AND next_attempt_at <= :now AND attempts < :max
                ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""", OutgoingMail.class)
                .setParameter("now", now).setParameter("max", OutgoingMail.MAX_ATTEMPTS).getResultList();
        return due.stream().findFirst();
    }

    /** The newest sent mails first. */
    public List<OutgoingMail> sent(int limit) {
        return find("sentAt is not null order by sentAt desc, id desc").range(0, limit - 1).list();
    }
}
