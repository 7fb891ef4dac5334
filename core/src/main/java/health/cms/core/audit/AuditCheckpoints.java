package health.cms.core.audit;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Writes a keyed checkpoint with every audit event and checks them against the chain: the database owner can
 * switch the append-only triggers off, but cannot cut off the trail's tail, or rewrite and re-hash the chain,
 * without a checkpoint showing it, since the key ({@code cms.audit.key}, {@code CMS_AUDIT_KEY}) is not in the
 * database.
 */
@ApplicationScoped
public class AuditCheckpoints implements PanacheRepository<AuditCheckpoint> {

    /** 32 characters of a random key are 190 bits or more, beyond guessing. */
    static final int MIN_KEY_LENGTH = 32;

    @ConfigProperty(name = "cms.audit.key")
    Optional<String> key;

    /** What a check found wrong: the event concerned and one sentence. */
    public record Finding(long eventId, String reason) {
    }

    /** The newest checkpoint: the head of the trail to record outside the database. */
    @Transactional
    public Optional<AuditCheckpoint> latest() {
        return find("order by id desc").firstResultOptional();
    }

    /** Anchors {@code event}, just appended after {@code previous}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void anchor(AuditEvent event, Optional<AuditEvent> previous) {
        long count = find("order by id desc").firstResultOptional()
                .filter(latest -> previous.isPresent() && latest.eventId() == previous.get().id())
                .map(latest -> latest.eventCount() + 1)
                // the first event after the upgrade that brought checkpoints: count the chain once
                .orElseGet(() -> ((Number) getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM audit_event WHERE id <= :id")
                        .setParameter("id", event.id()).getSingleResult()).longValue());
        persist(new AuditCheckpoint(event, count, event.occurredAt(), key()));
    }

    /**
     * Checks every checkpoint against the chain (whose links and hashes the caller verified already) and
     * returns the first thing wrong: a seal that is not this key's, an anchored event that is gone or no
     * longer has its hash, a count that no longer matches, an event written after checkpoints began that has
     * none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Finding> verify() {
        byte[] key = key();
        Object[] tail = (Object[]) getEntityManager()
                .createNativeQuery("SELECT count(*), coalesce(max(id), 0) FROM audit_event").getSingleResult();
        long events = ((Number) tail[0]).longValue();
        long lastEventId = ((Number) tail[1]).longValue();
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT c.id, c.event_id, c.event_count, c.event_hash, c.mac, e.hash, e.position
                FROM audit_checkpoint c LEFT JOIN (
                  SELECT id, hash, row_number() OVER (ORDER BY id) AS position FROM audit_event
                ) e ON e.id = c.event_id
                ORDER BY c.id""").getResultStream();
        try (rows) {
            Optional<Finding> wrong = rows.map(row -> check(key, row, events, lastEventId))
                    .flatMap(Optional::stream).findFirst();
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        Object unanchored = getEntityManager().createNativeQuery("""
                SELECT min(e.id) FROM audit_event e
                WHERE e.id > (SELECT min(event_id) FROM audit_checkpoint)
                  AND NOT EXISTS (SELECT 1 FROM audit_checkpoint c WHERE c.event_id = e.id)""").getSingleResult();
        return Optional.ofNullable((Number) unanchored).map(id -> new Finding(id.longValue(), "event " + id
                + " has no checkpoint, though every event since checkpoints began gets one: checkpoints were removed"));
    }

    private static Optional<Finding> check(byte[] key, Object[] row, long events, long lastEventId) {
        long checkpoint = ((Number) row[0]).longValue();
        long eventId = ((Number) row[1]).longValue();
        long count = ((Number) row[2]).longValue();
        String anchoredHash = (String) row[3];
        if (!AuditCheckpoint.seal(key, eventId, count, anchoredHash).equals(row[4])) {
            return Optional.of(new Finding(eventId, "checkpoint " + checkpoint + " is not sealed with this audit key: "
                    + "it was forged or altered, or CMS_AUDIT_KEY is not the key it was written with"));
        }
        if (row[5] == null) {
            return Optional.of(new Finding(eventId, eventId > lastEventId
                    ? "the trail ends before checkpoint " + checkpoint + ": it anchors event " + eventId + " as event "
                            + count + " of the chain, but the trail ends at event " + lastEventId + " with " + events
                            + " events, so its tail was removed"
                    : "event " + eventId + ", anchored by checkpoint " + checkpoint + ", was removed"));
        }
        if (!anchoredHash.equals(row[5])) {
            return Optional.of(new Finding(eventId, "event " + eventId + " no longer has the hash checkpoint "
                    + checkpoint + " anchored: the chain was rewritten"));
        }
        long position = ((Number) row[6]).longValue();
        if (position != count) {
            return Optional.of(new Finding(eventId, "checkpoint " + checkpoint + " anchors event " + eventId
                    + " as event " + count + " of the chain, but it is event " + position + ": events were removed"));
        }
        return Optional.empty();
    }

    private byte[] key() {
        String value = key.map(String::strip).orElse("");
        if (value.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("The audit trail cannot be anchored: set CMS_AUDIT_KEY (cms.audit.key) to "
                    + "a random value of at least " + MIN_KEY_LENGTH + " characters, kept outside the database");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
