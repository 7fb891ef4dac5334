package health.cms.admin.notification;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.cms.core.notification.OutgoingMail;
import health.cms.core.notification.OutgoingMailRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued mails. Each is claimed with {@code FOR UPDATE SKIP LOCKED}, sent, and marked sent in the same
 * transaction, so several instances never send one mail twice and a restart resumes with what is still unsent;
 * a refused attempt is retried later with a growing delay. Only a crash between the SMTP server's answer and the
 * commit sends a mail again, with the same Message-ID.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final int MAX_PER_RUN = 200;

    private final OutgoingMailRepository mails;
    private final MailQueue queue;
    private final Mailer mailer;
    private final Clock clock;

    MailSender(OutgoingMailRepository mails, MailQueue queue, Mailer mailer, Clock clock) {
        this.mails = mails;
        this.queue = queue;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(every = "${cms.mail.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "15s")
    void tick() {
        sendDue();
    }

    @Scheduled(cron = "${cms.mail.digest-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void digests() {
        queue.queueDigests();
    }

    /** Sends every due mail this instance can claim; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < MAX_PER_RUN; i++) {
            Optional<Boolean> outcome = QuarkusTransaction.requiringNew().call(this::sendOne);
            if (outcome.isEmpty()) {
                break;
            }
            if (outcome.get()) {
                sent++;
            }
        }
        return sent;
    }

    /** Empty when nothing is due; else whether the claimed mail was accepted. */
    private Optional<Boolean> sendOne() {
        Optional<OutgoingMail> claimed = mails.claimNextDue(clock.instant());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        OutgoingMail mail = claimed.get();
        try {
            mailer.send(Mail.withText(mail.address(), mail.subject(), mail.body()).addHeader("Message-ID",
                    mail.messageId()));
            mail.sent(clock.instant());
            return Optional.of(true);
        } catch (RuntimeException e) {
            LOG.warnf("Mail %d to %s not sent (attempt %d): %s", mail.id(), mail.recipient(), mail.attempts() + 1,
                    e.getMessage());
            mail.failed(String.valueOf(e.getMessage()), clock.instant());
            return Optional.of(false);
        }
    }
}
