package health.cms.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A downstream site's subscription: where to send which events, the signing secret, and whether it is
 * enabled. Editors change it with a version check; the delivery workers write only its health columns
 * ({@code failing_since}, {@code last_success_at}), which is why updates name only changed columns.
 */
@Entity
@Table(name = "webhook_subscription")
@DynamicUpdate
public class WebhookSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String url;

    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    private List<String> eventTypes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "category_slugs", nullable = false)
    private List<String> categories = new ArrayList<>();

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Version
    private long version;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WebhookSubscription() {
    }

    WebhookSubscription(String url, String description, List<String> eventTypes, List<String> categories,
            boolean enabled, String secret, String createdBy, Instant now) {
        this.url = url;
        this.description = description;
        this.eventTypes = new ArrayList<>(eventTypes);
        this.categories = new ArrayList<>(categories);
        this.enabled = enabled;
        this.secret = secret;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String url, String description, List<String> eventTypes, List<String> categories, Instant now) {
        this.url = url;
        this.description = description;
        this.eventTypes = new ArrayList<>(eventTypes);
        this.categories = new ArrayList<>(categories);
        this.updatedAt = now;
    }

    /** Enabling starts afresh: the reason of an automatic disablement and the failure streak are cleared. */
    void enable(Instant now) {
        if (!enabled) {
            enabled = true;
            disabledReason = null;
            disabledAt = null;
            failingSince = null;
            updatedAt = now;
        }
    }

    void disable(String reason, Instant now) {
        if (enabled) {
            enabled = false;
            disabledReason = reason;
            disabledAt = now;
            updatedAt = now;
        }
    }

    /** The new secret signs from now on; the old one also signs until {@code graceUntil}. */
    void rotateSecret(String newSecret, Instant graceUntil, Instant now) {
        this.previousSecret = secret;
        this.previousSecretUntil = graceUntil;
        this.secret = newSecret;
        this.updatedAt = now;
    }

    /** False only after a restore from a backup: nothing is signed or sent until the secret is rotated. */
    public boolean hasSecret() {
        return secret != null;
    }

    /** The secrets that sign a request sent now: the current one, then the previous one during its grace time. */
    static List<String> signingSecrets(String secret, String previous, Instant previousUntil, Instant now) {
        return previous != null && previousUntil != null && now.isBefore(previousUntil)
                ? List.of(secret, previous)
                : List.of(secret);
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    public List<String> eventTypes() {
        return List.copyOf(eventTypes);
    }

    public List<String> categories() {
        return List.copyOf(categories);
    }

    public boolean enabled() {
        return enabled;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public Instant failingSince() {
        return failingSince;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public long version() {
        return version;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Whether an event of this type and category goes to this subscription. */
    boolean wants(String eventType, String category) {
        return eventTypes.contains(eventType) && (categories.isEmpty() || categories.contains(category));
    }
}
