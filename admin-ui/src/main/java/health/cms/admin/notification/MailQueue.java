package health.cms.admin.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import health.cms.admin.config.CmsConfig;
import health.cms.core.notification.DeskMember;
import health.cms.core.notification.DeskMemberRepository;
import health.cms.core.notification.Notification;
import health.cms.core.notification.NotificationRepository;
import health.cms.core.notification.OutgoingMail;
import health.cms.core.notification.OutgoingMailRepository;
import health.cms.workflow.notification.NotificationKind;
import health.cms.workflow.notification.NotificationRules;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Puts notification mails into the persistent queue: one at once for people who want them immediately (in the
 * transaction that wrote the notification), one digest a day for those who chose daily, none for "off". A mail
 * names the article by its title and links to the desk; it never carries the article's text.
 */
@ApplicationScoped
public class MailQueue {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final DeskMemberRepository members;
    private final NotificationRepository notifications;
    private final OutgoingMailRepository mails;
    private final CmsConfig config;
    private final Clock clock;

    MailQueue(DeskMemberRepository members, NotificationRepository notifications, OutgoingMailRepository mails,
            CmsConfig config, Clock clock) {
        this.members = members;
        this.notifications = notifications;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    /** Runs inside the action's transaction: the mail is queued exactly when the notification is written. */
    @Transactional(Transactional.TxType.MANDATORY)
    void written(@Observes NotificationRules.Written written) {
        Notification notification = written.notification();
        Optional<DeskMember> member = members.byUsername(notification.recipient());
        DeskMember.MailPreference preference = member.map(DeskMember::mailPreference)
                .orElse(DeskMember.MailPreference.IMMEDIATELY);
        String address = member.map(DeskMember::email).orElse(null);
        if (preference == DeskMember.MailPreference.OFF) {
            notification.mailed();
        } else if (preference == DeskMember.MailPreference.IMMEDIATELY && address != null) {
            queue(notification.recipient(), address, written.kind().headline() + ": " + notification.articleTitle(),
                    line(notification) + "\n\n" + footer("immediately"));
            notification.mailed();
        }
    }

    /**
     * Queues one digest for each person who chose daily mails, with every notification not mailed yet; the
     * members are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances running it at once share them.
     * Returns how many digests were queued.
     */
    public int queueDigests() {
        int queued = 0;
        String after = "";
        while (true) {
            String from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> digestBatch(from));
            queued += batch.queued();
            if (batch.last() == null) {
                return queued;
            }
            after = batch.last();
        }
    }

    /** The last member a batch claimed (null when there was none) and how many digests it queued. */
    private record Batch(String last, int queued) {
    }

    @SuppressWarnings("unchecked")
    private Batch digestBatch(String after) {
        List<String> names = members.getEntityManager().createNativeQuery("""
                SELECT username FROM desk_member
                WHERE username > :after AND mail_preference = 'daily' AND email IS NOT NULL
                ORDER BY username LIMIT 100 FOR UPDATE SKIP LOCKED""")
                .setParameter("after", after).getResultList();
        int queued = (int) names.stream().filter(this::digest).count();
        return new Batch(names.isEmpty() ? null : names.get(names.size() - 1), queued);
    }

    private boolean digest(String username) {
        DeskMember member = members.byUsername(username).orElseThrow();
        List<Notification> pending = notifications.list("recipient = ?1 and mailed = false order by id", username);
        if (pending.isEmpty()) {
            return false;
        }
        StringBuilder body = new StringBuilder("What happened since your last digest:\n\n");
        for (Notification n : pending) {
            body.append("- ").append(line(n)).append("\n\n");
            n.mailed();
        }
        queue(username, member.email(), "Your daily digest: " + pending.size()
                + (pending.size() == 1 ? " notification" : " notifications"), body + footer("once a day"));
        return true;
    }

    private void queue(String recipient, String address, String subject, String body) {
        Instant now = clock.instant();
        String messageId = "<" + UUID.randomUUID() + "@medical-cms.desk>";
        mails.persist(new OutgoingMail(recipient, address, subject.length() > 300 ? subject.substring(0, 300) : subject,
                body, messageId, now));
    }

    private String line(Notification n) {
        String headline = NotificationKind.fromValue(n.kind()).map(NotificationKind::headline).orElse(n.kind());
        return headline + ": \u201c" + n.articleTitle() + "\u201d (by " + n.actor() + ", " + WHEN.format(n.createdAt())
                + ")\n  " + config.mail().deskUrl() + Inbox.NotificationView.link(n.kind(), n.articleId());
    }

    private String footer(String how) {
        return "--\nYou get these mails " + how + ". Change this on " + config.mail().deskUrl() + "/notifications";
    }
}
