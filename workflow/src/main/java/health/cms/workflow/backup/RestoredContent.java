package health.cms.workflow.backup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import health.cms.core.article.ContentHash;
import health.cms.core.article.Reference;
import health.cms.core.article.RevisionImage;
import health.cms.core.article.SearchAppearance;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.backup.BackupException;
import health.cms.core.review.SignOff;
import health.cms.workflow.EditorialAction;

/**
 * The workflow's rules, checked on freshly restored rows before they are committed (on the restore's
 * own connection, since nothing else can see them yet).
 */
final class RestoredContent {

    static final String ROLLED_BACK = " The restore was rolled back; nothing was written.";

    /** A sign-off and its audit event are written in one transaction; this bounds how far apart their times are. */
    private static final Duration SIGN_OFF_TO_EVENT = Duration.ofMinutes(1);

    /** The workflow action under which the audit trail records each decision. */
    private static final Map<SignOff.Decision, EditorialAction> RECORDED_AS = new EnumMap<>(Map.of(
            SignOff.Decision.APPROVED, EditorialAction.APPROVE,
            SignOff.Decision.CHANGES_REQUESTED, EditorialAction.REQUEST_CHANGES,
            SignOff.Decision.RECERTIFIED, EditorialAction.RECERTIFY));

    private final Connection connection;

    RestoredContent(Connection connection) {
        this.connection = connection;
    }

    /** The audit chain links and hashes as {@link AuditLog#verify()} checks it in the running apps. */
    long verifyAuditChain() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, occurred_at, actor, action, article_id, revision_id, from_status, to_status, comment,
                    subject_type, subject_id, prev_hash, hash FROM audit_event ORDER BY id""")) {
            query.setFetchSize(1_000);
            try (ResultSet rs = query.executeQuery()) {
                AuditLog.Verification verification = AuditLog.verifyChain(new Iterator<>() {

                    private Boolean hasNext;

                    @Override
                    public boolean hasNext() {
                        if (hasNext == null) {
                            hasNext = unchecked(rs::next);
                        }
                        return hasNext;
                    }

                    @Override
                    public AuditEvent next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        hasNext = null;
                        return unchecked(() -> AuditEvent.stored(rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                                rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                                rs.getString(13)));
                    }
                });
                if (!verification.intact()) {
                    throw new BackupException("The audit trail in the archive does not verify: " + verification.reason()
                            + "." + ROLLED_BACK);
                }
                return verification.eventsChecked();
            }
        }
    }

    /**
     * Every revision's title, lead, body, category, byline, tags, references, search fields and images still hash to its
     * stored content hash, so the sign-offs bound to that hash are sign-offs of this text. Streams the
     * revisions and their child rows side by side, ordered by revision, so memory stays flat.
     */
    long verifyContentHashes() throws SQLException {
        long checked = 0;
        List<String> altered = new ArrayList<>();
        try (ByKey<String> authors = new ByKey<>(connection, """
                SELECT ra.revision_id, p.slug FROM revision_author ra JOIN profile p ON p.id = ra.profile_id
                ORDER BY ra.revision_id, ra.position""", rs -> rs.getString(2));
                ByKey<String> tags = new ByKey<>(connection, """
                        SELECT rt.revision_id, t.slug FROM revision_tag rt JOIN tag t ON t.id = rt.tag_id
                        ORDER BY rt.revision_id""", rs -> rs.getString(2));
                ByKey<Reference> references = new ByKey<>(connection,
                        "SELECT revision_id, " + Reference.COLUMNS + " FROM revision_reference ORDER BY revision_id, position",
                        rs -> Reference.read(rs, 2));
                ByKey<RevisionImage> images = new ByKey<>(connection, """
                        SELECT revision_id, sha256, alt_text, caption, credit FROM revision_image
                        ORDER BY revision_id, position""",
                        rs -> new RevisionImage(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                PreparedStatement query = connection.prepareStatement("""
                        SELECT r.id, a.slug, r.number, r.title, r.summary, r.body_markdown, c.slug, r.content_hash,
                            r.meta_title, r.meta_description, r.canonical_url, r.social_image_url, r.noindex,
                            r.lead_image
                        FROM revision r JOIN article a ON a.id = r.article_id JOIN category c ON c.id = r.category_id
                        ORDER BY r.id""")) {
            query.setFetchSize(500);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String hash = ContentHash.of(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            authors.take(id), tags.take(id), references.take(id), SearchAppearance.read(rs, 9),
                            images.take(id), rs.getString(14));
                    if (!hash.equals(rs.getString(8))) {
                        altered.add("revision " + rs.getInt(3) + " of '" + rs.getString(2) + "'");
                    }
                    checked++;
                }
            }
        }
        if (!altered.isEmpty()) {
            throw new BackupException("Content in the archive no longer matches its content hash, so its sign-offs would "
                    + "not be of this text: " + firstFew(altered) + "." + ROLLED_BACK);
        }
        return checked;
    }

    /** Invariant 2: each live revision's latest approval or recertification is of exactly its hash. */
    long verifyLiveSignOffs() throws SQLException {
        long checked = 0;
        List<String> unsigned = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT a.slug, r.number, r.content_hash, s.content_hash
                FROM article a JOIN revision r ON r.id = a.live_revision_id
                LEFT JOIN LATERAL (SELECT content_hash FROM sign_off
                    WHERE revision_id = r.id AND decision <> 'changes-requested'
                    ORDER BY signed_at DESC, id DESC LIMIT 1) s ON TRUE
                ORDER BY a.id""");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                checked++;
                if (!rs.getString(3).equals(rs.getString(4))) {
                    unsigned.add("'" + rs.getString(1) + "' (revision " + rs.getInt(2) + ")");
                }
            }
        }
        if (!unsigned.isEmpty()) {
            throw new BackupException("These live articles have no medical sign-off of their exact live text: "
                    + firstFew(unsigned) + "." + ROLLED_BACK);
        }
        return checked;
    }

    /**
     * Every sign-off row (reviewer, decision, revision and time) is one the audit chain recorded: each
     * decision appends an event by that reviewer, on that revision, under the decision's action, in the
     * same transaction as the sign-off, so at or shortly after its time. Each event vouches for one
     * sign-off only, so a sign-off cannot be duplicated under another name either.
     */
    long verifySignOffsInAuditChain() throws SQLException {
        long checked = 0;
        List<String> unrecorded = new ArrayList<>();
        Set<Long> usedEvents = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT s.id, a.slug, r.number, s.decision, s.reviewer_user, s.signed_at,
                    (SELECT array_agg(e.id ORDER BY e.id) FROM audit_event e
                     WHERE e.revision_id = s.revision_id AND e.actor = s.reviewer_user
                        AND e.action = (CASE s.decision WHEN ? THEN ? WHEN ? THEN ? WHEN ? THEN ? END)
                        AND e.occurred_at BETWEEN s.signed_at AND s.signed_at + CAST(? AS interval))
                FROM sign_off s JOIN revision r ON r.id = s.revision_id JOIN article a ON a.id = r.article_id
                ORDER BY s.signed_at, s.id""")) {
            int index = 1;
            for (Map.Entry<SignOff.Decision, EditorialAction> recorded : RECORDED_AS.entrySet()) {
                query.setString(index++, recorded.getKey().value());
                query.setString(index++, recorded.getValue().value());
            }
            query.setString(index, SIGN_OFF_TO_EVENT.toString());
            query.setFetchSize(1_000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    checked++;
                    Array candidates = rs.getArray(7);
                    Long event = candidates == null
                            ? null
                            : Arrays.stream((Long[]) candidates.getArray()).filter(id -> !usedEvents.contains(id))
                                    .findFirst().orElse(null);
                    if (event == null) {
                        unrecorded.add("sign-off " + rs.getLong(1) + " (" + rs.getString(4) + " by " + rs.getString(5)
                                + " at " + rs.getObject(6, OffsetDateTime.class).toInstant() + ", revision "
                                + rs.getInt(3) + " of '" + rs.getString(2) + "')");
                    } else {
                        usedEvents.add(event);
                    }
                }
            }
        }
        if (!unrecorded.isEmpty()) {
            throw new BackupException("Sign-offs in the archive that its audit trail does not record (a reviewer's "
                    + "decision always appends an event by that reviewer on that revision): " + firstFew(unrecorded) + "."
                    + ROLLED_BACK);
        }
        return checked;
    }

    static String firstFew(List<String> items) {
        return items.size() <= 5
                ? String.join(", ", items)
                : String.join(", ", items.subList(0, 5)) + " and " + (items.size() - 5) + " more";
    }

    private interface SqlSupplier<T> {

        T get() throws SQLException;
    }

    private static <T> T unchecked(SqlSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (SQLException e) {
            throw new BackupException("Reading the restored audit trail failed: " + e.getMessage(), e);
        }
    }
}
