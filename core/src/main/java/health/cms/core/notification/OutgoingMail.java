package health.cms.core.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mail in the persistent queue: to one address, with a Message-ID fixed when it is queued, sent by whichever
 * instance claims it, and retried with a growing delay until it is accepted or gives up.
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

    /** After this many refused attempts the mail stays unsent; {@code last_error} says why. */
    public static final int MAX_ATTEMPTS = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "message_id", nullable = false, unique = true)
    private String messageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutgoingMail() {
    }

    public OutgoingMail(String recipient, String address, String subject, String body, String messageId,
            Instant now) {
        this.recipient = recipient;
        this.address = address;
        this.subject = subject;
        this.body = body;
        this.messageId = messageId;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public void sent(Instant now) {
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
    }

    /** A refused attempt: the next one waits a minute, doubling each time up to an hour. */
    public void failed(String error, Instant now) {
        this.attempts++;
        this.lastError = error == null
                ? "unknown error"
                : error.length() > 1000 ? error.substring(0, 1000) : error;
        long minutes = Math.min(60, 1L << Math.min(attempts - 1, 6));
        this.nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
    }

    public Long id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String address() {
        return address;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String messageId() {
        return messageId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String lastError() {
        return lastError;
    }
}
