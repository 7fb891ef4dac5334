package health.cms.admin.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import health.cms.core.article.Article;
import health.cms.core.notification.DeskMember;
import health.cms.core.notification.Notification;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.MutableClock;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Notification mails through a real SMTP server (GreenMail): queued with the action, sent once however many
 * senders run, retried after the server was down, grouped into one daily digest, and carrying the title and a
 * desk link but never the article's text.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class MailQueueTest {

    @Inject
    MailSender sender;
    @Inject
    MailQueue queue;
    @Inject
    Inbox inbox;
    @Inject
    DeskMembers members;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    @BeforeEach
    void people() throws Exception {
        Fixtures.ensureBasics();
        sender.sendDue();
        GreenMailResource.server.purgeEmailFromAllMailboxes();
    }

    @Test
    void anAssignmentMailsTheReviewerOnceWithTheTitleAndADeskLinkButNoText() throws Exception {
        members.seen("reviewer2", new DeskMembers.Description("Robert Checker", "reviewer2@example.org",
                List.of("medical-reviewer", "writer")));
        inbox.prefer("reviewer2", DeskMember.MailPreference.IMMEDIATELY);
        Article submitted = Fixtures.submitted("mail-assign");
        Fixtures.drafting().assignReviewer(Fixtures.EDITOR1, submitted.id(), submitted.version(), "reviewer2");

        twoSendersAtOnce();
        sender.sendDue();

        List<MimeMessage> received = to("reviewer2@example.org", "You were assigned to review: Article mail-assign");
        assertEquals(1, received.size(), "one of the two senders sent it, once");
        MimeMessage mail = received.get(0);
        assertEquals("You were assigned to review: Article mail-assign", mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains("http://localhost:8081/review/" + submitted.id()), body);
        assertFalse(body.contains("Body of mail-assign"), "no article text in the mail: " + body);
        assertEquals(messageIdQueuedFor("reviewer2@example.org"), mail.getMessageID());
    }

    @Test
    void aMailRefusedWhileTheServerWasDownIsDeliveredOnceWhenItIsBack() throws Exception {
        members.seen("writer1", new DeskMembers.Description("Wanda Writer", "writer1@example.org", List.of("writer")));
        inbox.prefer("writer1", DeskMember.MailPreference.IMMEDIATELY);
        GreenMailResource.server.stop();
        try {
            Article submitted = Fixtures.submitted("mail-down");
            Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                    health.cms.workflow.TransitionRequest.of(health.cms.workflow.EditorialAction.REQUEST_CHANGES,
                            "Cite the guideline."));
            assertEquals(0, sender.sendDue(), "the server is down");
        } finally {
            GreenMailResource.server = GreenMailResource.startServer();
        }
        assertEquals(0, sender.sendDue(), "the retry waits for its delay");

        clock.advance(Duration.ofMinutes(2));
        twoSendersAtOnce();
        sender.sendDue();

        assertEquals(1, to("writer1@example.org", "Changes requested: Article mail-down").size(),
                "delivered exactly once");
    }

    @Test
    void theDailyDigestGroupsADaysNotificationsIntoOneMail() throws Exception {
        members.seen("digest1", new DeskMembers.Description("Dana Digest", "digest1@example.org", List.of("writer")));
        inbox.prefer("digest1", DeskMember.MailPreference.DAILY);
        Article article = Fixtures.draft("mail-digest");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String kind : List.of("commented", "changes-requested", "published")) {
                em.persist(new Notification("digest1", kind, article.id(), "Article mail-digest", "reviewer1",
                        clock.instant()));
            }
        });

        assertTrue(queue.queueDigests() >= 1);
        assertEquals(0, queue.queueDigests(), "nothing is left for a second digest");
        sender.sendDue();

        List<MimeMessage> received = to("digest1@example.org", null);
        assertEquals(1, received.size(), "one mail for the three notifications");
        assertEquals("Your daily digest: 3 notifications", received.get(0).getSubject());
        String body = GreenMailUtil.getBody(received.get(0));
        assertTrue(body.contains("New review comment") && body.contains("Changes requested")
                && body.contains("Published"), body);
    }

    @Test
    void nobodyIsMailedWhoTurnedMailOff() throws Exception {
        members.seen("reviewer1", new DeskMembers.Description("Rita Reviewer", "reviewer1@example.org",
                List.of("medical-reviewer")));
        inbox.prefer("reviewer1", DeskMember.MailPreference.OFF);
        Article submitted = Fixtures.submitted("mail-off");
        Fixtures.drafting().assignReviewer(Fixtures.EDITOR1, submitted.id(), submitted.version(), "reviewer1");
        sender.sendDue();
        queue.queueDigests();
        sender.sendDue();

        assertEquals(0, to("reviewer1@example.org", null).size());
        inbox.prefer("reviewer1", DeskMember.MailPreference.IMMEDIATELY);
    }

    private int twoSendersAtOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(instances.submit(() -> {
                start.await();
                return sender.sendDue();
            }), instances.submit(() -> {
                start.await();
                return sender.sendDue();
            }));
            start.countDown();
            return runs.get(0).get() + runs.get(1).get();
        } finally {
            instances.shutdown();
        }
    }

    /** What the SMTP server received for the address (with this subject, unless null). */
    private static List<MimeMessage> to(String address, String subject) throws Exception {
        GreenMailResource.server.waitForIncomingEmail(2_000, 1);
        return Arrays.stream(GreenMailResource.server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))
                        && (subject == null || subject.equals(m.getSubject()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String messageIdQueuedFor(String address) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT message_id FROM outgoing_mail WHERE address = :a ORDER BY id DESC LIMIT 1")
                .setParameter("a", address).getSingleResult());
    }
}
