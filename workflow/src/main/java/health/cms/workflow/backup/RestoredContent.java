package health.cms.workflow.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import health.cms.core.article.ContentHash;
import health.cms.core.article.Reference;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.backup.BackupException;

/**
 * The workflow's rules, checked on freshly restored rows before they are committed (on the restore's
 * own connection, since nothing else can see them yet).
 */
final class RestoredContent {

    static final String ROLLED_BACK = " The restore was rolled back; nothing was written.";

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
     * Every revision's title, lead, body, category, byline, tags and references still hash to its
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
                ByKey<Reference> references = new ByKey<>(connection, """
                        SELECT revision_id, citation, doi, pmid, url FROM revision_reference
                        ORDER BY revision_id, position""",
                        rs -> new Reference(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                PreparedStatement query = connection.prepareStatement("""
                        SELECT r.id, a.slug, r.number, r.title, r.summary, r.body_markdown, c.slug, r.content_hash
                        FROM revision r JOIN article a ON a.id = r.article_id JOIN category c ON c.id = r.category_id
                        ORDER BY r.id""")) {
            query.setFetchSize(500);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String hash = ContentHash.of(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            authors.take(id), tags.take(id), references.take(id));
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
