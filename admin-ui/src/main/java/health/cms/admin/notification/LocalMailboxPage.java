package health.cms.admin.notification;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.config.CmsConfig;
import health.cms.admin.web.DeskRoles;
import health.cms.core.notification.OutgoingMail;
import health.cms.core.notification.OutgoingMailRepository;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The local stack's mailbox: the newest mails the queue sent to the embedded SMTP server, read from the
 * queue's sent rows. Shown only when {@code cms.mail.local-mailbox} is on (never in production).
 */
@Path("/local-mailbox")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class LocalMailboxPage {

    static final int SHOWN = 100;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance mailbox(List<OutgoingMail> mails);
    }

    @Inject
    CmsConfig config;
    @Inject
    OutgoingMailRepository mails;

    @GET
    @Transactional
    public TemplateInstance mailbox() {
        if (!config.mail().localMailbox()) {
            throw Refusal.notFound("Page /local-mailbox");
        }
        return Templates.mailbox(mails.sent(SHOWN));
    }
}
