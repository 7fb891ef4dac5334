package health.cms.workflow.media;

import static health.cms.workflow.testing.Fixtures.REVIEWER1;
import static health.cms.workflow.testing.Fixtures.WRITER1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionImage;
import health.cms.core.media.MediaAssetRepository;
import health.cms.core.media.MediaDescription;
import health.cms.core.refusal.Refusal;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Library images in articles: only ours, copied into the revision, signed with it, and described before review. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ArticleImagesTest {

    @Inject
    DraftingService drafting;
    @Inject
    TransitionService transitions;
    @Inject
    MediaAssetRepository assets;
    @Inject
    ArticleRepository articles;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void aLibraryImageIsCopiedIntoTheRevisionWithItsDescription() {
        String sha = asset(described("A red rash on a forearm", "Typical rash", "Photo: Clinic"));
        Article draft = drafting.create(WRITER1, input("rash-article", body(sha), sha));
        assertEquals(List.of(new RevisionImage(sha, "A red rash on a forearm", "Typical rash", "Photo: Clinic")),
                working(draft).images());
        assertEquals(sha, working(draft).leadImage());
    }

    @Test
    void anUnknownAssetOrAMalformedReferenceIsRefusedAtSave() {
        String unknown = randomSha();
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> drafting.create(WRITER1, input("unknown-image", body(unknown), null)));
        assertTrue(refused.fieldErrors().get("body").contains("not in the media library"), refused.fieldErrors().toString());
        assertTrue(refused.fieldErrors().get("body").contains("media:" + unknown));

        Refusal.Invalid malformed = assertThrows(Refusal.Invalid.class,
                () -> drafting.create(WRITER1, input("short-image", "## A\n\n![x](media:abc)", null)));
        assertTrue(malformed.fieldErrors().get("body").startsWith("may not show images"));

        Refusal.Invalid lead = assertThrows(Refusal.Invalid.class,
                () -> drafting.create(WRITER1, input("unknown-lead", "## A\n\nText.", unknown)));
        assertTrue(lead.fieldErrors().get("leadImage").contains("not in the media library"));
        Refusal.Invalid badLead = assertThrows(Refusal.Invalid.class,
                () -> drafting.create(WRITER1, input("bad-lead", "## A\n\nText.", "https://x.example/a.png")));
        assertTrue(badLead.fieldErrors().get("leadImage").contains("SHA-256"));
    }

    @Test
    void aLibraryImageWrittenAsHtmlIsRefused() {
        String sha = asset(described("Alt", null, null));
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> drafting.create(WRITER1, input("html-image", "## A\n\n<img src=\"media:" + sha + "\">", null)));
        assertTrue(refused.fieldErrors().get("body").contains("not as HTML"), refused.fieldErrors().toString());
    }

    @Test
    void submittingIsRefusedForAnImageWithoutAltTextNamingTheImage() {
        String sha = asset(described(null, "Caption", null));
        Article draft = drafting.create(WRITER1, input("no-alt", body(sha), null));
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class, () -> submit(draft));
        assertTrue(refused.fieldErrors().get("images").contains("media:" + sha.substring(0, 12)),
                refused.fieldErrors().toString());
        assertTrue(refused.fieldErrors().get("images").contains("no alt text"));
    }

    @Test
    void submittingIsRefusedForAPatientWithoutConsentAndAllowedWithIt() {
        String sha = asset(new MediaDescription("A patient's knee", null, null, null, null, 0.5, 0.5, List.of(), true,
                null));
        Article draft = drafting.create(WRITER1, input("patient-no-consent", body(sha), null));
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class, () -> submit(draft));
        assertTrue(refused.fieldErrors().get("images").contains("consent"), refused.fieldErrors().toString());

        String consented = asset(new MediaDescription("A patient's elbow", null, null, null, null, 0.5, 0.5, List.of(),
                true, new MediaDescription.Consent("J. Doe", Instant.parse("2026-05-01T00:00:00Z"), "FORM-12")));
        Article other = drafting.create(WRITER1, input("patient-consent", body(consented), null));
        assertEquals("medical-review", submit(other).status().value());
    }

    @Test
    void aCaptionChangedAfterSignOffNeedsANewSignOff() {
        String sha = asset(described("Chart of doses", "Doses in mg", "Drawing: Desk"));
        Article inReview = submit(drafting.create(WRITER1, input("caption-change", body(sha), null)));
        Article live = transitions.apply(REVIEWER1, inReview.id(), inReview.version(),
                TransitionRequest.of(EditorialAction.APPROVE));
        String signed = live(live).contentHash();
        describe(sha, described("Chart of doses", "Doses in micrograms", "Drawing: Desk"));

        // The live revision keeps what was signed; a new revision takes the new caption and needs its own sign-off.
        Article edited = drafting.edit(WRITER1, live.id(), current(live).version(), input("caption-change", body(sha), null));
        assertEquals(signed, live(edited).contentHash());
        assertEquals("Doses in mg", live(edited).images().get(0).caption());
        assertNotEquals(signed, working(edited).contentHash());
        assertEquals("Doses in micrograms", working(edited).images().get(0).caption());
        assertEquals("draft", current(edited).status().value());
    }

    @Test
    void aDescriptionChangedSinceTheSaveIsRefusedAtSubmitUntilSavedAgain() {
        String sha = asset(described(null, null, null));
        Article draft = drafting.create(WRITER1, input("described-later", body(sha), null));
        describe(sha, described("A described picture", null, null));
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class, () -> submit(draft));
        assertTrue(refused.fieldErrors().get("images").contains("save the article again"), refused.fieldErrors().toString());
        Article saved = drafting.edit(WRITER1, draft.id(), current(draft).version(),
                input("described-later", body(sha), null));
        assertEquals("medical-review", submit(saved).status().value());
    }

    @Test
    void aPublishedArticleServesItsImagesWithTheSignedDescriptionInHtmlJsonAndJsonLd() {
        String sha = asset(new MediaDescription("Inhaler held upright", "How to hold it", "Drawing: Desk", "CC BY 4.0",
                null, 0.5, 0.5, List.of(), false, null));
        Article inReview = submit(drafting.create(WRITER1, input("served-inhaler", body(sha), sha)));
        Article live = transitions.apply(REVIEWER1, inReview.id(), inReview.version(),
                TransitionRequest.of(EditorialAction.APPROVE));
        String original = "http://localhost:8080/media/" + sha + "/original.png";
        String html = document(live, "->'body'->>'html'");
        assertTrue(html.contains("<img src=\"" + original + "\""), html);
        assertTrue(html.contains("alt=\"Inhaler held upright\" width=\"40\" height=\"30\" loading=\"lazy\""), html);
        assertTrue(html.contains("<figcaption>How to hold it <small>Drawing: Desk</small></figcaption>"), html);
        // a figure is a block of its own: no paragraph around it, and no empty one left before it
        assertTrue(html.contains("</p>\n<figure class=\"media\"><img"), html);
        assertFalse(html.contains("<p><figure") || html.contains("<p></p>"), html);
        // the public Markdown keeps the picture, with its signed alt text and an absolute URL
        String markdown = document(live, "->'body'->>'markdown'");
        assertTrue(markdown.contains("![Inhaler held upright](<" + original + ">)"), markdown);
        assertFalse(markdown.contains("media:"), markdown);
        assertEquals("\"" + sha + "\"", document(live, "->'images'->0->'sha256'"));
        assertEquals("\"How to hold it\"", document(live, "->'images'->0->'caption'"));
        assertEquals("\"" + original + "\"", document(live, "->'leadImage'->'url'"));
        assertEquals("\"ImageObject\"", document(live, "->'jsonLd'->'image'->0->'@type'"));
        assertEquals("\"Drawing: Desk\"", document(live, "->'jsonLd'->'image'->0->'creditText'"));
        assertEquals("\"CC BY 4.0\"", document(live, "->'jsonLd'->'image'->0->'license'"));
    }

    private String document(Article article, String path) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(assets.getEntityManager()
                .createNativeQuery("SELECT (document" + path + ")::text FROM published_article WHERE article_id = "
                        + article.id())
                .getSingleResult()));
    }

    @Test
    void anArticleWithoutImagesHasNone() {
        Article draft = drafting.create(WRITER1, input("no-images", "## A\n\nNo pictures.", null));
        assertTrue(working(draft).images().isEmpty());
        assertNull(working(draft).leadImage());
    }

    private Article submit(Article article) {
        Article now = current(article);
        return transitions.apply(WRITER1, now.id(), now.version(), TransitionRequest.of(EditorialAction.SUBMIT));
    }

    private Article current(Article article) {
        return QuarkusTransaction.requiringNew().call(() -> articles.findById(article.id()));
    }

    private Revision working(Article article) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Revision revision = articles.findById(article.id()).workingRevision();
            revision.images();
            return revision;
        });
    }

    private Revision live(Article article) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Revision revision = articles.findById(article.id()).liveRevision();
            revision.images();
            return revision;
        });
    }

    private static ArticleInput input(String slug, String body, String leadImage) {
        return Fixtures.withLeadImage(Fixtures.input(slug, "Article " + slug, body), leadImage);
    }

    private static String body(String sha) {
        return "## Section\n\nText before.\n\n![Picture](media:" + sha + ")\n\nText after.";
    }

    private static MediaDescription described(String alt, String caption, String credit) {
        return new MediaDescription(alt, caption, credit, null, null, 0.5, 0.5, List.of(), false, null);
    }

    private static String asset(MediaDescription description) {
        return Fixtures.mediaAsset(description);
    }

    private void describe(String sha, MediaDescription description) {
        QuarkusTransaction.requiringNew().run(() -> assets.findBySha256(sha).orElseThrow().describe(description));
    }

    /** A hash no asset has. */
    private static String randomSha() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
