package health.cms.workflow.backup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import health.cms.core.article.ContentHash;
import health.cms.core.article.Reference;
import health.cms.core.article.RevisionImage;
import health.cms.core.article.SearchAppearance;
import health.cms.core.audit.AuditEvent;
import health.cms.core.media.BlobStore;
import health.cms.core.media.TestImages;
import health.cms.core.testing.EmbeddedDatabase;

/**
 * A small but complete content graph written with plain SQL (the workflow service needs a running
 * app): a live article with its sign-off, audit events, read model row, outbox event and an old slug,
 * and a draft. Hashes are computed with the real {@link ContentHash} and {@link AuditEvent}.
 */
final class SampleContent {

    static final String BODY = "## Symptoms\r\n\r\nWheezing, coughing — and a “tight” chest.\r\n\r\n"
            + "## Treatment\r\n\r\nPrednisolone 10 mg daily for five days.\r\n";
    /** The live revision's title in search results, signed with its text. */
    static final String META_TITLE = "Asthma: what helps";
    /** The library image the draft shows: a real PNG, stored under the SHA-256 of its bytes. */
    static final byte[] POLLEN_PNG = TestImages.write(TestImages.redLeftBlueRight(40, 30), "png");
    static final String POLLEN = sha256(POLLEN_PNG);
    static final String POLLEN_CAPTION = "Grass pollen, magnified";
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");
    /** Just before the approve event, as the workflow writes a sign-off and its event in one transaction. */
    static final Instant SIGNED_AT = T0.plusSeconds(60).minusMillis(3);

    private SampleContent() {
    }

    static String migratedDatabase() {
        return migratedDatabase(null);
    }

    /** A new database migrated to {@code version} (null: the latest). */
    static String migratedDatabase(String version) {
        return EmbeddedDatabase.createMigratedDatabase(version);
    }

    /** The sample content in a new database, its image's original in {@code media}. */
    static String database(BlobStore media) throws SQLException {
        media.put(POLLEN, "original.png", POLLEN_PNG);
        String url = migratedDatabase();
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO category (id, slug, name, created_at) VALUES (1, 'conditions', 'Conditions', now())");
            s.execute("INSERT INTO tag (id, slug, name, created_at) VALUES (1, 'asthma', 'Asthma', now())");
            s.execute(
                    """
                            INSERT INTO profile (id, slug, display_name, credentials, specialties, keycloak_user, is_author, is_reviewer, created_at)
                            VALUES (1, 'anna-berg', 'Anna Berg', 'MD', '{Pulmonology}', 'writer1', true, false, now()),
                                   (2, 'rita-reviewer', 'Rita Reviewer', 'MD, PhD', '{}', 'reviewer1', false, true, now())""");
            s.execute("INSERT INTO article (id, slug, status, created_at, updated_at) VALUES "
                    + "(1, 'asthma', 'published', now(), now()), (2, 'hay-fever', 'draft', now(), now())");
            String liveHash = ContentHash.of("Asthma", "A lead.", BODY, "conditions", List.of("anna-berg"), List.of("asthma"),
                    List.of(new Reference("Doe J. Asthma. BMJ. 2020;1:1.", new Reference.Parts("Doe J", "Asthma", "BMJ", 2020),
                            "10.1136/bmj.x1", "1234567", null)),
                    new SearchAppearance(META_TITLE, null, "https://example.org/asthma", null, false));
            // the draft shows a library image as its lead: its caption is signed with the text
            s.execute("INSERT INTO media_asset (sha256, format, width, height, bytes, alt_text, caption, credit, created_by, "
                    + "created_at) VALUES ('" + POLLEN + "', 'png', 40, 30, " + POLLEN_PNG.length + ", 'Pollen grains', '"
                    + POLLEN_CAPTION
                    + "', 'Photo: Lab', 'writer1', now())");
            String draftHash = ContentHash.of("Hay fever", "Pollen.", "Sneezing.", "conditions", List.of("anna-berg"),
                    List.of(), List.of(), SearchAppearance.NONE,
                    List.of(new RevisionImage(POLLEN, "Pollen grains", POLLEN_CAPTION, "Photo: Lab")), POLLEN);
            try (PreparedStatement revision = c.prepareStatement(
                    """
                            INSERT INTO revision (id, article_id, number, title, summary, body_markdown, category_id, created_by,
                                created_at, content_hash, meta_title, canonical_url, lead_image) VALUES (?, ?, 1, ?, ?, ?, 1, 'writer1', ?, ?, ?, ?, ?)""")) {
                addRevision(revision, 1, 1, "Asthma", "A lead.", BODY, liveHash);
                revision.setString(8, META_TITLE);
                revision.setString(9, "https://example.org/asthma");
                revision.setString(10, null);
                revision.addBatch();
                addRevision(revision, 2, 2, "Hay fever", "Pollen.", "Sneezing.", draftHash);
                revision.setString(8, null);
                revision.setString(9, null);
                revision.setString(10, POLLEN);
                revision.addBatch();
                revision.executeBatch();
            }
            s.execute("INSERT INTO revision_author (revision_id, position, profile_id) VALUES (1, 0, 1), (2, 0, 1)");
            s.execute("INSERT INTO revision_tag (revision_id, tag_id) VALUES (1, 1)");
            s.execute("INSERT INTO revision_image (revision_id, position, sha256, alt_text, caption, credit) VALUES (2, 0, '"
                    + POLLEN + "', 'Pollen grains', '" + POLLEN_CAPTION + "', 'Photo: Lab')");
            s.execute(
                    "INSERT INTO revision_reference (revision_id, position, citation, doi, pmid, authors, title, source, year) "
                            + "VALUES (1, 0, 'Doe J. Asthma. BMJ. 2020;1:1.', '10.1136/bmj.x1', '1234567', 'Doe J', 'Asthma', 'BMJ', 2020)");
            s.execute("INSERT INTO sign_off (id, revision_id, decision, reviewer_user, reviewer_name, reviewer_credentials, "
                    + "content_hash, signed_at) VALUES (1, 1, 'approved', 'reviewer1', 'Rita Reviewer', 'MD, PhD', '"
                    + liveHash + "', '" + SIGNED_AT + "')");
            s.execute("UPDATE article SET live_revision_id = 1, working_revision_id = 1, first_published_at = now(), "
                    + "last_reviewed_at = now(), next_review_due = now() + interval '1 year' WHERE id = 1");
            s.execute("UPDATE article SET working_revision_id = 2 WHERE id = 2");
            s.execute("""
                    INSERT INTO published_article (article_id, slug, revision_id, title, summary, body_text, category_slug,
                        tag_slugs, author_slugs, first_published_at, updated_at, document, search)
                    VALUES (1, 'asthma', 1, 'Asthma', 'A lead.', 'Symptoms Wheezing Treatment Prednisolone 10 mg daily',
                        'conditions', '{asthma}', '{anna-berg}', now(), now(),
                        '{"slug": "asthma", "revision": 1, "body": {"html": "<p>Prednisolone 10 mg daily</p>"}}',
                        to_tsvector('english', 'Asthma. Wheezing, coughing. Prednisolone 10 mg daily.'))""");
            s.execute("INSERT INTO outbox_event (event_type, article_id, slug, revision, category_slug, occurred_at, payload) "
                    + "VALUES ('article.published', 1, 'asthma', 1, 'conditions', now(), '{\"type\": \"article.published\"}')");
            s.execute("INSERT INTO slug_redirect (old_slug, article_id, created_at) VALUES ('asthma-basics', 1, now())");
            try (PreparedStatement audit = c.prepareStatement("""
                    INSERT INTO audit_event (occurred_at, actor, action, article_id, revision_id, from_status, to_status,
                        prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                AuditEvent create = event(audit, T0, "writer1", "create", 1, null, "draft", AuditEvent.GENESIS);
                AuditEvent approve = event(audit, T0.plusSeconds(60), "reviewer1", "approve", 1, "medical-review",
                        "published", create.hash());
                event(audit, T0.plusSeconds(120), "writer1", "create", 2, null, "draft", approve.hash());
                audit.executeBatch();
            }
        }
        return url;
    }

    /** Sets a revision's first seven parameters; the caller sets its search fields and adds it to the batch. */
    private static void addRevision(PreparedStatement revision, long id, long article, String title, String summary,
            String body, String hash) throws SQLException {
        revision.setLong(1, id);
        revision.setLong(2, article);
        revision.setString(3, title);
        revision.setString(4, summary);
        revision.setString(5, body);
        revision.setObject(6, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
        revision.setString(7, hash);
    }

    private static AuditEvent event(PreparedStatement audit, Instant at, String actor, String action, long article,
            String from, String to, String prevHash) throws SQLException {
        AuditEvent event = new AuditEvent(at, actor, action, article, article, from, to, null, prevHash);
        audit.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        audit.setString(2, actor);
        audit.setString(3, action);
        audit.setLong(4, article);
        audit.setLong(5, article);
        audit.setString(6, from);
        audit.setString(7, to);
        audit.setString(8, prevHash);
        audit.setString(9, event.hash());
        audit.addBatch();
        return event;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect(String url) throws SQLException {
        return EmbeddedDatabase.connect(url);
    }
}
