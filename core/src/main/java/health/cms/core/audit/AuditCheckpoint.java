package health.cms.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A keyed anchor of the audit chain's head: which event was the newest, its hash and how many events the
 * chain held, sealed with an HMAC whose key never enters the database, so cutting off the trail's tail or
 * rewriting the chain shows.
 */
@Entity
@Immutable
@Table(name = "audit_checkpoint")
public class AuditCheckpoint {

    /** Versions the sealed text, so a later format can never be mistaken for this one. */
    private static final String SEAL_FORMAT = "cms-audit-checkpoint-v1";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false)
    private long eventId;

    @Column(name = "event_count", nullable = false)
    private long eventCount;

    @Column(name = "event_hash", nullable = false, length = 64)
    private String eventHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 64)
    private String mac;

    protected AuditCheckpoint() {
    }

    AuditCheckpoint(AuditEvent event, long eventCount, Instant createdAt, byte[] key) {
        this.eventId = event.id();
        this.eventCount = eventCount;
        this.eventHash = event.hash();
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        this.mac = seal(key, eventId, eventCount, eventHash);
    }

    /** HMAC-SHA256 over what the checkpoint claims, hex. */
    static String seal(byte[] key, long eventId, long eventCount, String eventHash) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            String sealed = SEAL_FORMAT + "\n" + eventId + "\n" + eventCount + "\n" + eventHash;
            return HexFormat.of().formatHex(hmac.doFinal(sealed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public Long id() {
        return id;
    }

    public long eventId() {
        return eventId;
    }

    public long eventCount() {
        return eventCount;
    }

    public String eventHash() {
        return eventHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String mac() {
        return mac;
    }
}
