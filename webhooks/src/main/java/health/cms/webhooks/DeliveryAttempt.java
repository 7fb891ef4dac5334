package health.cms.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the delivery log: an attempt, its answer, how long it took and what happens next. */
@Entity
@Table(name = "webhook_attempt")
public class DeliveryAttempt {

    /** How an attempt ended. {@code interrupted}: the sending instance stopped before it could say. */
    public enum Outcome {

        DELIVERED, RETRY, FAILED, INTERRUPTED;

        public String value() {
            return name().toLowerCase();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private long deliveryId;

    private int number;

    @Column(nullable = false)
    private String instance;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_ms")
    private int durationMs;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(nullable = false)
    private String outcome;

    private String error;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "next_retry_at")
    private Instant nextRetryAt;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(long deliveryId, int number, String instance, Instant startedAt, int durationMs, Integer statusCode,
            Outcome outcome, String error, String responseBody, Instant nextRetryAt) {
        this.deliveryId = deliveryId;
        this.number = number;
        this.instance = instance;
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.statusCode = statusCode;
        this.outcome = outcome.value();
        this.error = error;
        this.responseBody = responseBody;
        this.nextRetryAt = nextRetryAt;
    }

    public long deliveryId() {
        return deliveryId;
    }

    public int number() {
        return number;
    }

    public String instance() {
        return instance;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int durationMs() {
        return durationMs;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public Outcome outcome() {
        return Outcome.valueOf(outcome.toUpperCase());
    }

    public String error() {
        return error;
    }

    public String responseBody() {
        return responseBody;
    }

    public Instant nextRetryAt() {
        return nextRetryAt;
    }
}
