package health.cms.admin.notification;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.notification.DeskMember;
import health.cms.core.notification.DeskMemberRepository;
import health.cms.core.notification.Notification;
import health.cms.core.notification.NotificationRepository;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.notification.NotificationKind;

/** A person's notifications: the list, the unread count, marking read, and how they want to be mailed. */
@ApplicationScoped
public class Inbox {

    private final NotificationRepository notifications;
    private final DeskMemberRepository members;
    private final Clock clock;

    Inbox(NotificationRepository notifications, DeskMemberRepository members, Clock clock) {
        this.notifications = notifications;
        this.members = members;
        this.clock = clock;
    }

    /** One notification as the desk and the API show it. */
    public record NotificationView(long id, String kind, String headline, long articleId, String articleTitle,
            String actor, java.time.Instant at, boolean read) {

        /** Where on the desk to act on it: the review screen for reviewers' notices, else the editor. */
        public String link() {
            return link(kind, articleId);
        }

        static String link(String kind, long articleId) {
            boolean forReviewer = NotificationKind.fromValue(kind).map(k -> switch (k) {
                case ASSIGNED, SUBMITTED, REVIEW_DUE, REVIEW_OVERDUE -> true;
                default -> false;
            }).orElse(false);
            return (forReviewer ? "/review/" : "/articles/") + articleId;
        }

        static NotificationView of(Notification n) {
            String headline = NotificationKind.fromValue(n.kind()).map(NotificationKind::headline).orElse(n.kind());
            return new NotificationView(n.id(), n.kind(), headline, n.articleId(), n.articleTitle(), n.actor(),
                    n.createdAt(), n.isRead());
        }
    }

    @Transactional
    public List<NotificationView> list(String username, int offset, int limit) {
        return notifications.of(username, offset, limit).stream().map(NotificationView::of).toList();
    }

    @Transactional
    public long unread(String username) {
        return notifications.unread(username);
    }

    /** Marks one of the person's notifications read; someone else's is not found. */
    @Transactional
    public NotificationView read(String username, long id) {
        Notification notification = notifications.findByIdOptional(id).filter(n -> n.recipient().equals(username))
                .orElseThrow(() -> Refusal.notFound("Notification " + id));
        notification.read(clock.instant());
        return NotificationView.of(notification);
    }

    @Transactional
    public int readAll(String username) {
        return notifications.readAll(username, clock.instant());
    }

    @Transactional
    public DeskMember.MailPreference preference(String username) {
        return members.byUsername(username).map(DeskMember::mailPreference).orElse(DeskMember.MailPreference.IMMEDIATELY);
    }

    @Transactional
    public void prefer(String username, DeskMember.MailPreference preference) {
        DeskMember member = members.byUsername(username).orElseGet(() -> {
            DeskMember created = new DeskMember(username, clock.instant());
            members.persist(created);
            return created;
        });
        member.prefer(preference);
    }
}
