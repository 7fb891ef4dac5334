package health.cms.admin.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.refusal.Refusal;
import health.cms.core.search.Vocabulary;
import health.cms.core.search.VocabularyChannel;
import health.cms.workflow.Actor;
import health.cms.workflow.Role;

/**
 * The groups of the search vocabulary that editors add to our file's groups: each addition is checked like
 * the file's lines, audited, and announced on NOTIFY so every api replica applies it without a restart.
 */
@ApplicationScoped
public class SearchVocabulary {

    /** The longest group, as typed (the column holds this many characters). */
    static final int MAX_CHARS = 800;

    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock;

    SearchVocabulary(EntityManager em, AuditLog audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** A group as stored: its id, its terms (normalized, comma-separated), who added it and when. */
    public record Group(long id, String terms, String createdBy, Instant createdAt) {
    }

    /** The file's groups, for the desk to show what already applies. */
    public List<List<String>> standardGroups() {
        return Vocabulary.standard().groups();
    }

    @Transactional
    public List<Group> groups() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT id, terms, created_by, created_at FROM search_vocabulary_group ORDER BY id").getResultList();
        return rows.stream().map(r -> new Group(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                instant(r[3]))).toList();
    }

    @Transactional
    public Group add(Actor actor, String text) {
        if (!actor.has(Role.EDITOR)) {
            throw Refusal.forbidden("Changing the search vocabulary needs the editor role");
        }
        if (text != null && text.length() > MAX_CHARS) {
            throw Refusal.invalid("terms", "must be at most " + MAX_CHARS + " characters");
        }
        String terms = String.join(", ", Vocabulary.group(text == null ? "" : text));
        boolean exists = !em.createNativeQuery("SELECT 1 FROM search_vocabulary_group WHERE terms = :terms")
                .setParameter("terms", terms).getResultList().isEmpty();
        if (exists) {
            throw Refusal.conflict("This group is already in the vocabulary");
        }
        Instant now = clock.instant();
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO search_vocabulary_group (terms, created_by, created_at) VALUES (:terms, :by, :at)
                RETURNING id""").setParameter("terms", terms).setParameter("by", actor.username())
                .setParameter("at", Timestamp.from(now)).getSingleResult()).longValue();
        audit.append(AuditLog.Entry.about(AuditSubject.SEARCH_VOCABULARY, Long.toString(id), now, actor.username(),
                VocabularyAction.ADD_GROUP.value(), terms));
        // Sent on commit: a rolled-back addition tells no replica.
        em.createNativeQuery("SELECT pg_notify(:channel, :id)").setParameter("channel", VocabularyChannel.NAME)
                .setParameter("id", Long.toString(id)).getSingleResult();
        return new Group(id, terms, actor.username(), now);
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i
                ? i
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }
}
