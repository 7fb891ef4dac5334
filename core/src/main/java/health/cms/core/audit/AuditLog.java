package health.cms.core.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Appends to and verifies the hash-chained audit trail. */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditEvent> {

    /** Lock key that serialises appends, so two transactions never link to the same predecessor. */
    private static final long APPEND_LOCK = 0x415544_4954L;

    @Inject
    AuditCheckpoints checkpoints;

    /** One step of the chain as the caller describes it: about an article, or about a catalog record. */
    public record Entry(Instant at, String actor, String action, Long articleId, Long revisionId, String fromStatus,
            String toStatus, String comment, AuditSubject subjectType, String subjectId) {

        /** A step in an article's life. */
        public Entry(Instant at, String actor, String action, Long articleId, Long revisionId, String fromStatus,
                String toStatus, String comment) {
            this(at, actor, action, articleId, revisionId, fromStatus, toStatus, comment, null, null);
        }

        /** A change to a catalog record, which has no article, revision or status. */
        public static Entry about(AuditSubject subject, String subjectId, Instant at, String actor, String action,
                String comment) {
            return new Entry(at, actor, action, null, null, null, null, comment, subject, subjectId);
        }
    }

    /** The result of walking the chain: empty when intact, otherwise the first event that does not link. */
    public record Verification(long eventsChecked, Optional<Long> firstBrokenEventId, String reason) {

        public boolean intact() {
            return firstBrokenEventId.isEmpty();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent append(Entry entry) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")").getSingleResult();
        Optional<AuditEvent> previous = find("order by id desc").firstResultOptional();
        String prevHash = previous.map(AuditEvent::hash).orElse(AuditEvent.GENESIS);
        AuditEvent event = new AuditEvent(entry.at(), entry.actor(), entry.action(), entry.articleId(), entry.revisionId(),
                entry.fromStatus(), entry.toStatus(), entry.comment(),
                entry.subjectType() == null ? null : entry.subjectType().value(), entry.subjectId(), prevHash);
        persist(event);
        checkpoints.anchor(event, previous);
        return event;
    }

    /** The article's most recent event, if it has any. */
    public Optional<AuditEvent> latestFor(long articleId) {
        return find("articleId = ?1 order by id desc", articleId).firstResultOptional();
    }

    /** The events about one catalog record, oldest first. */
    public List<AuditEvent> forSubject(AuditSubject subject, String subjectId) {
        return list("subjectType = ?1 and subjectId = ?2 order by id", subject.value(), subjectId);
    }

    public List<AuditEvent> forArticle(long articleId) {
        return list("articleId = ?1 order by id", articleId);
    }

    /** A page of an article's events, oldest first: at most {@code limit} after the first {@code offset}. */
    public List<AuditEvent> forArticle(long articleId, int offset, int limit) {
        return find("articleId = ?1 order by id", articleId).range(offset, offset + limit - 1).list();
    }

    /** A page of an article's events, newest first. */
    public List<AuditEvent> forArticleNewestFirst(long articleId, int offset, int limit) {
        return find("articleId = ?1 order by id desc", articleId).range(offset, offset + limit - 1).list();
    }

    /**
     * Walks the whole chain in id order and reports the first event whose hash or link is wrong, then checks
     * the keyed checkpoints (see {@link AuditCheckpoints}), which show a removed tail or a re-hashed chain.
     */
    @Transactional
    public Verification verify() {
        Verification chain;
        try (var events = find("order by id").stream()) {
            chain = verifyChain(events.iterator());
        }
        if (!chain.intact()) {
            return chain;
        }
        return checkpoints.verify()
                .map(finding -> new Verification(chain.eventsChecked(), Optional.of(finding.eventId()), finding.reason()))
                .orElse(chain);
    }

    /** Checks a chain given in id order: each event links to the one before and still has its own hash. */
    public static Verification verifyChain(Iterator<AuditEvent> eventsInIdOrder) {
        String expectedPrev = AuditEvent.GENESIS;
        long checked = 0;
        while (eventsInIdOrder.hasNext()) {
            AuditEvent event = eventsInIdOrder.next();
            checked++;
            if (!event.prevHash().equals(expectedPrev)) {
                return new Verification(checked, Optional.of(event.id()),
                        "event " + event.id() + " does not link to the event before it");
            }
            if (!event.computeHash().equals(event.hash())) {
                return new Verification(checked, Optional.of(event.id()),
                        "event " + event.id() + " was altered after it was written");
            }
            expectedPrev = event.hash();
        }
        return new Verification(checked, Optional.empty(), "intact");
    }
}
