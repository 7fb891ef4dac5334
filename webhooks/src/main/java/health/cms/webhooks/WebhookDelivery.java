package health.cms.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event on its way to one subscription, with its signed body frozen at creation. The delivery
 * workers claim, lease and finish deliveries with SQL in {@link WebhookDeliveryRepository}; this
 * entity is how the log reads them and how test events and redeliveries are created.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    /** Where a delivery stands. */
    public enum State {

        PENDING, DELIVERED, FAILED;

        public String value() {
            return name().toLowerCase();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_id", nullable = false)
    private long subscriptionId;

    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "article_id")
    private Long articleId;

    private String slug;

    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private boolean test;

    @Column(name = "redelivery_of")
    private Long redeliveryOf;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(nullable = false)
    private String state;

    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "first_attempt_at")
    private Instant firstAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claim_token")
    private String claimToken;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WebhookDelivery() {
    }

    private WebhookDelivery(long subscriptionId, Long eventId, String messageId, String eventType, Long articleId,
            String slug, String payload, boolean test, Long redeliveryOf, String requestedBy, Instant now) {
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.messageId = messageId;
        this.eventType = eventType;
        this.articleId = articleId;
        this.slug = slug;
        this.payload = payload;
        this.test = test;
        this.redeliveryOf = redeliveryOf;
        this.requestedBy = requestedBy;
        this.state = "pending";
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /**
     * A test event, created already leased to the instance that sends it while the editor waits; its
     * message id is given once the row has an id.
     */
    static WebhookDelivery test(long subscriptionId, String payload, String requestedBy, Instant now, String instance,
            String token, Instant leaseEnd) {
        WebhookDelivery test = new WebhookDelivery(subscriptionId, null, "pending", WebhookEvents.TEST_EVENT, null,
                null, payload, true, null, requestedBy, now);
        test.claimedBy = instance;
        test.claimToken = token;
        test.claimedUntil = leaseEnd;
        return test;
    }

    void identifyTest() {
        this.messageId = "msg_test_" + id;
    }

    /** The same message again (same webhook-id and body), queued behind the article's pending deliveries. */
    WebhookDelivery redelivery(String requestedBy, Instant now) {
        return new WebhookDelivery(subscriptionId, eventId, messageId, eventType, articleId, slug, payload, test, id,
                requestedBy, now);
    }

    public Long id() {
        return id;
    }

    public long subscriptionId() {
        return subscriptionId;
    }

    public Long eventId() {
        return eventId;
    }

    public String messageId() {
        return messageId;
    }

    public String eventType() {
        return eventType;
    }

    public Long articleId() {
        return articleId;
    }

    public String slug() {
        return slug;
    }

    public String payload() {
        return payload;
    }

    public boolean test() {
        return test;
    }

    public Long redeliveryOf() {
        return redeliveryOf;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public State state() {
        return State.valueOf(state.toUpperCase());
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
