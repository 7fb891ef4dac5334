package health.cms.admin.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import health.cms.admin.config.CmsConfig;
import health.cms.admin.web.DeskUser;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * The unread count the layout shows on every desk page ({@code inject:inbox}). It also keeps the person's
 * description current for the notification rules. On a thread that must not block (an error page answered
 * before the request reached a worker) it shows no count rather than failing the page.
 */
@Named("inbox")
@RequestScoped
public class InboxBadge {

    private final DeskUser user;
    private final Inbox inbox;
    private final DeskMembers members;
    private final CmsConfig config;
    private Long unread;

    InboxBadge(DeskUser user, Inbox inbox, DeskMembers members, CmsConfig config) {
        this.user = user;
        this.inbox = inbox;
        this.members = members;
        this.config = config;
    }

    /** Whether the layout links the local stack's mailbox. */
    public boolean localMailbox() {
        return config.mail().localMailbox();
    }

    /** The signed-in person's unread notifications, or 0 when they cannot be counted here. */
    public long unread() {
        if (unread == null) {
            unread = 0L;
            if (user.isSignedIn() && !user.roles().isEmpty() && BlockingOperationControl.isBlockingAllowed()) {
                members.seen(user.username(),
                        new DeskMembers.Description(user.name(), user.email(), user.roles()));
                unread = inbox.unread(user.username());
            }
        }
        return unread;
    }
}
