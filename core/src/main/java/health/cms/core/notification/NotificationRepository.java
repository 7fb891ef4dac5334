package health.cms.core.notification;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores notifications. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepository<Notification> {

    /** The person's notifications, newest first. */
    public List<Notification> of(String recipient, int offset, int limit) {
        return find("recipient = ?1 order by id desc", recipient).range(offset, offset + limit - 1).list();
    }

    public long unread(String recipient) {
        return count("recipient = ?1 and readAt is null", recipient);
    }

    /** Marks every unread notification of the person read; returns how many. */
    public int readAll(String recipient, Instant now) {
        return update("readAt = ?1 where recipient = ?2 and readAt is null", now, recipient);
    }

    /** Whether the person was told this kind of thing about this article since then (weekly reminders). */
    public boolean toldSince(String recipient, String kind, long articleId, Instant since) {
        return count("recipient = ?1 and kind = ?2 and articleId = ?3 and createdAt > ?4", recipient, kind, articleId,
                since) > 0;
    }
}
