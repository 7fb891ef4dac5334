package health.cms.delivery.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.core.media.BlobStore;
import health.cms.core.media.MediaDescription;
import health.cms.core.media.TestImages;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.LocalName;
import health.cms.core.taxonomy.TagRepository;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The content of {@link BackupRoundTripTest}, written into the running app's database, and the answers to compare. */
final class RoundTripContent {

    /** The library's images, real PNGs: the round trip brings their bytes back into the media store. */
    static final byte[] INHALER_PNG = TestImages.write(TestImages.redLeftBlueRight(48, 32), "png");
    static final byte[] RASH_PNG = TestImages.write(TestImages.redLeftBlueRight(36, 24), "png");

    /** The SHA-256 addresses of the two library images. */
    record Images(String inhaler, String rash) {
    }

    private RoundTripContent() {
    }

    /** Every kind of state the workflow can leave behind, made through the workflow itself. */
    static Images write() {
        DraftingService drafting = Fixtures.drafting();
        TransitionService transitions = Fixtures.transitions();
        Fixtures.published("immunotherapy");

        // category and tag names in German (restored before the read model is derived again, which shows them)
        QuarkusTransaction.requiringNew().run(() -> {
            Fixtures.bean(CategoryRepository.class).findBySlug("treatments-therapies").orElseThrow()
                    .nameIn("de", new LocalName("Behandlungen & Therapien", "behandlungen"));
            Fixtures.bean(TagRepository.class).findBySlug("cancer").orElseThrow().nameIn("de", new LocalName("Krebs", null));
        });
        Article statins = Fixtures.published("statins");
        // a German translation, outdated by the factual correction below (its flag and base come back as they were)
        Fixtures.publishedTranslation(statins, "de", "statine");
        statins = drafting.edit(Fixtures.WRITER1, statins.id(), statins.version(),
                Fixtures.input("statins", "Statins, revised", "## Section\n\nNew dosing guidance."));
        statins = transitions.apply(Fixtures.WRITER1, statins.id(), statins.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        transitions.apply(Fixtures.REVIEWER1, statins.id(), statins.version(), new TransitionRequest(
                EditorialAction.APPROVE, "Dose checked.", null, ChangeClass.FACTUAL, "The daily dose was corrected."));

        Article recertified = Fixtures.published("recertified");
        transitions.apply(Fixtures.REVIEWER1, recertified.id(), recertified.version(),
                TransitionRequest.of(EditorialAction.RECERTIFY, "Still current."));

        Article special = drafting.create(Fixtures.WRITER1, new ArticleInput("special-characters",
                "Ünïcödé — “quotes”, <b>tags</b> & 💉", "Tabs\tand \\backslashes\\ and \"quotes\".",
                "## Dosage\r\n\r\n| Drug | Dose |\n| --- | --- |\n| Ibuprofen | 400 mg |\n\n<script>alert(1)</script> ok",
                "treatments-therapies", List.of("anna-berg", "robert-checker"), List.of("cancer"),
                List.of(new ArticleInput.ReferenceInput("Müller K. Über Dosen. Dtsch Arztebl. 2021;2:3.", null, null,
                        "https://example.org/ü?a=1&b=2")),
                "With everything a JSON encoder can trip over"));
        special = transitions.apply(Fixtures.WRITER1, special.id(), special.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        transitions.apply(Fixtures.REVIEWER1, special.id(), special.version(),
                TransitionRequest.of(EditorialAction.APPROVE));

        // a live article showing a library image as its lead: the restore derives its <img>, images and JSON-LD again
        String picture = Fixtures.storedMediaAsset(INHALER_PNG, 48, 32, new MediaDescription("An inhaler held upright",
                "How to hold it", "Drawing: Desk", "CC BY 4.0", null, 0.5, 0.5, List.of(), false, null));
        Article pictured = drafting.create(Fixtures.WRITER1, Fixtures.withLeadImage(Fixtures.input("pictured",
                "Pictured", "## Section\n\nHold it upright.\n\n![Inhaler](media:" + picture + ")"), picture));
        pictured = transitions.apply(Fixtures.WRITER1, pictured.id(), pictured.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        transitions.apply(Fixtures.REVIEWER1, pictured.id(), pictured.version(),
                TransitionRequest.of(EditorialAction.APPROVE));

        Article renamed = Fixtures.published("old-name");
        drafting.renameSlug(Fixtures.EDITOR1, renamed.id(), renamed.version(), "new-name");

        Article withdrawn = Fixtures.published("withdrawn");
        transitions.apply(Fixtures.EDITOR1, withdrawn.id(), withdrawn.version(),
                TransitionRequest.of(EditorialAction.UNPUBLISH));

        Instant inThreeDays = Instant.now().plus(Duration.ofDays(3));
        Article scheduled = Fixtures.submitted("scheduled");
        transitions.apply(Fixtures.REVIEWER1, scheduled.id(), scheduled.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, inThreeDays, null, null));
        Article leaving = Fixtures.published("leaving-soon");
        transitions.apply(Fixtures.EDITOR1, leaving.id(), leaving.version(),
                new TransitionRequest(EditorialAction.UNPUBLISH, null, inThreeDays, null, null));

        Article needsWork = Fixtures.submitted("needs-work");
        transitions.apply(Fixtures.REVIEWER1, needsWork.id(), needsWork.version(),
                TransitionRequest.of(EditorialAction.REQUEST_CHANGES, "Cite the 2024 guideline."));
        Article inReview = Fixtures.submitted("in-review");
        drafting.assignReviewer(Fixtures.EDITOR1, inReview.id(), inReview.version(), "reviewer1");
        Fixtures.draft("draft-only");
        // written by admin-ui in production (webhooks, re-review reminders, search vocabulary); here as rows, so the round
        // trip covers them: the subscription comes back without its secret
        try (Connection connection = appDatabase(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO webhook_subscription (url, description, event_types, secret, enabled, created_by,
                                                      created_at, updated_at)
                    VALUES ('https://hooks.example.org/cms', 'Cache purge', '{article.published,article.updated}',
                            'whsec_c2VjcmV0LW5ldmVyLWV4cG9ydGVk', true, 'editor1', now(), now())""");
            statement.execute("""
                    INSERT INTO review_notice (article_id, due_at, kind, emitted_at)
                    SELECT id, next_review_due, 'due', now() FROM article WHERE next_review_due IS NOT NULL LIMIT 1""");
            // a resolved review thread with a reply (never public, but kept with the history)
            statement.execute("""
                    INSERT INTO review_comment (article_id, revision_id, quote_exact, quote_prefix, quote_suffix, body,
                        blocking, author, created_at, resolved_by, resolved_at)
                    SELECT id, live_revision_id, 'Body', '', '', 'Which dose is meant here?', true, 'reviewer1', now(),
                        'writer1', now() FROM article WHERE live_revision_id IS NOT NULL ORDER BY id LIMIT 1""");
            statement.execute("""
                    INSERT INTO review_comment (article_id, revision_id, parent_id, body, author, created_at)
                    SELECT article_id, revision_id, id, 'The adult dose; clarified.', 'writer1', now()
                    FROM review_comment ORDER BY id LIMIT 1""");
            // a reviewer's conflict-of-interest declaration and a desk member's mail preference, kept on the desk
            statement.execute("""
                    INSERT INTO reviewer_declaration (profile_id, organisation, kind, period_from, created_at)
                    SELECT id, 'Acme Pharma', 'advisory board', DATE '2024-01-01', now() FROM profile
                    WHERE keycloak_user = 'reviewer1'""");
            statement.execute("""
                    INSERT INTO desk_member (username, display_name, email, roles, mail_preference, seen_at)
                    VALUES ('editor1', 'Eddie Editor', 'editor1@example.org', '{editor}', 'daily', now())""");
            statement.execute("""
                    INSERT INTO search_vocabulary_group (terms, created_by, created_at)
                    VALUES ('zoster rash, shingles', 'editor1', now())""");
            // an API key (its hash only) and a preview link to a draft, issued on the desk in production
            statement.execute("""
                    INSERT INTO api_key (name, scope, key_prefix, key_hash, created_at, created_by, request_count)
                    VALUES ('Partner site', 'preview', 'cms_backupke', repeat('b', 64), now(), 'editor1', 42)""");
            // an image of the media library, with tags and a consent record; its original travels in the archive
            String rash = Fixtures.sha256(RASH_PNG);
            Fixtures.bean(BlobStore.class).put(rash, "original.png", RASH_PNG);
            statement.execute("""
                    INSERT INTO media_asset (sha256, format, width, height, bytes, alt_text, caption, credit, tags,
                        shows_patient, consent_by, consent_at, consent_reference, renditions_ready, renditions_total,
                        created_by, created_at)
                    VALUES ('%s', 'png', 36, 24, %d, 'A rash on the forearm', 'Day three',
                        'Dr. Anna Berg', '{skin,rash}', true, 'The patient', now(), 'Form 2026-17', 0, 0, 'writer1',
                        now())""".formatted(rash, RASH_PNG.length));
            statement.execute("""
                    INSERT INTO share_link (article_id, created_by, created_at, expires_at)
                    SELECT id, 'writer1', now(), now() + interval '7 days' FROM article WHERE slug = 'draft-only'""");
            return new Images(picture, rash);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public API's answers about that content, compared byte for byte after the restore. */
    static List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (String slug : List.of("immunotherapy", "statins", "recertified", "special-characters", "new-name",
                "old-name", "withdrawn", "scheduled", "leaving-soon", "needs-work", "in-review", "draft-only", "pictured",
                "no-such-article", "statine", "statins?locale=de")) {
            paths.add("/api/v1/articles/" + slug);
        }
        paths.addAll(List.of("/api/v1/articles", "/api/v1/articles?limit=2",
                "/api/v1/articles?category=treatments-therapies", "/api/v1/articles?tag=cancer",
                "/api/v1/articles?author=robert-checker", "/api/v1/articles?reviewStatus=current",
                "/api/v1/search?q=section", "/api/v1/search?q=%22dosing%20guidance%22", "/api/v1/authors/anna-berg",
                "/api/v1/authors/robert-checker", "/api/v1/categories", "/api/v1/tags", "/api/v1/feeds/articles.atom",
                "/api/v1/feeds/articles.json", "/api/v1/feeds/articles.json?category=treatments-therapies",
                "/api/v1/feeds/corrections.json", "/sitemap.xml"));
        return paths;
    }

    private static Connection appDatabase() throws SQLException {
        return DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "postgres");
    }
}
