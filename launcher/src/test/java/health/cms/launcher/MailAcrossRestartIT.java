package health.cms.launcher;

import static health.cms.launcher.EndToEnd.manage;
import static health.cms.launcher.EndToEnd.settings;
import static health.cms.launcher.EndToEnd.submittedThroughTheApi;
import static health.cms.launcher.EndToEnd.token;
import static health.cms.launcher.EndToEnd.transitions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.icegreen.greenmail.util.GreenMail;

/**
 * A notification mail queued while the SMTP relay is down survives a restart of admin-ui: the restarted desk
 * delivers it to the real SMTP server exactly once, with the Message-ID fixed when it was queued, and neither a
 * further wait nor another restart sends it again.
 */
@ExtendWith(StackUnderTest.class)
class MailAcrossRestartIT {

    private static final String WRITER = "writer1";
    /** writer1's address in the realm, which the desk records at their first sign-in. */
    private static final String ADDRESS = "writer1@example.org";
    /** A refused mail is retried after a minute; the restarted sender starts 15 s after boot, then every 10 s. */
    private static final Duration DELIVERY = Duration.ofMinutes(3);
    /** Long enough for several runs of the sender (every 10 s). */
    private static final Duration FURTHER_WAIT = Duration.ofSeconds(35);

    /** One row of the persistent mail queue. */
    record Queued(String messageId, int attempts, boolean sent) {
    }

    @Test
    void aMailQueuedBeforeARestartIsDeliveredExactlyOnceAfterIt() throws Exception {
        LocalStack stack = StackUnderTest.stack();
        String title = "Mail across a restart " + Long.toString(System.nanoTime(), 36);
        String subject = "Changes requested: " + title;
        wantsMailsImmediately(WRITER, ADDRESS);

        stack.stopMail();
        Queued before;
        try {
            requestChanges(submitted(title));
            before = await(Duration.ofSeconds(60), () -> queued(subject).filter(q -> q.attempts() >= 1));
            assertEquals(false, before.sent(), "the relay was down: the mail is still queued");
            stack.restartAdminUi(stack::startMail);
        } finally {
            if (stack.mailbox() == null) {
                stack.startMail();
            }
        }

        List<MimeMessage> delivered = await(DELIVERY, () -> Optional.of(received(stack.mailbox(), subject))
                .filter(copies -> !copies.isEmpty()));
        assertEquals(1, delivered.size(), "delivered once after the restart");
        assertEquals(before.messageId(), delivered.get(0).getMessageID(), "the Message-ID fixed at queueing");
        assertEquals(ADDRESS, delivered.get(0).getAllRecipients()[0].toString());

        Thread.sleep(FURTHER_WAIT.toMillis());
        stack.restartAdminUi(() -> {
        });
        Thread.sleep(FURTHER_WAIT.toMillis());
        assertEquals(1, received(stack.mailbox(), subject).size(), "no second copy after a wait and another restart");
        Queued after = queued(subject).orElseThrow();
        assertTrue(after.sent(), "marked sent");
        assertEquals(before.attempts() + 1, after.attempts(), "one more attempt: the one that delivered it");
    }

    /** What the desk stores when the person signs in: their address, and mails sent immediately. */
    private static void wantsMailsImmediately(String username, String address) throws Exception {
        try (Connection db = database(); PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO desk_member (username, display_name, email, roles, mail_preference, seen_at)
                VALUES (?, ?, ?, '{writer}', 'immediately', now())
                ON CONFLICT (username) DO UPDATE SET email = EXCLUDED.email, mail_preference = 'immediately'""")) {
            upsert.setString(1, username);
            upsert.setString(2, username);
            upsert.setString(3, address);
            upsert.executeUpdate();
        }
    }

    private static HttpResponse<String> submitted(String title) throws Exception {
        return submittedThroughTheApi(Map.of("slug", "mail-restart-" + System.nanoTime(), "title", title));
    }

    private static void requestChanges(HttpResponse<String> submitted) throws Exception {
        HttpResponse<String> changes = manage(transitions(submitted), token("reviewer1"),
                submitted.headers().firstValue("ETag").orElseThrow(),
                "{\"action\": \"request-changes\", \"comment\": \"Cite the guideline.\"}");
        assertEquals(200, changes.statusCode(), changes.body());
    }

    private static Optional<Queued> queued(String subject) throws Exception {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT message_id, attempts, sent_at IS NOT NULL FROM outgoing_mail WHERE subject = ? AND address = ?")) {
            query.setString(1, subject);
            query.setString(2, ADDRESS);
            try (ResultSet rs = query.executeQuery()) {
                Optional<Queued> row = rs.next()
                        ? Optional.of(new Queued(rs.getString(1), rs.getInt(2), rs.getBoolean(3)))
                        : Optional.empty();
                assertTrue(!rs.next(), "queued once");
                return row;
            }
        }
    }

    private static List<MimeMessage> received(GreenMail mailbox, String subject) {
        assertNotNull(mailbox, "the SMTP server runs");
        return Arrays.stream(mailbox.getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(settings().jdbcUrl(), LocalPostgres.APP_USER, LocalPostgres.APP_PASSWORD);
    }

    private interface Probe<T> {

        Optional<T> poll() throws Exception;
    }

    private static <T> T await(Duration timeout, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.poll();
            if (value.isPresent()) {
                return value.get();
            }
            assertTrue(System.nanoTime() < deadline, "nothing within " + timeout);
            Thread.sleep(1_000);
        }
    }
}
