package health.cms.workflow.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import health.cms.core.article.Article;
import health.cms.core.media.BlobStore;
import health.cms.core.media.CleanImage;
import health.cms.core.media.ImageFormat;
import health.cms.core.media.MediaAsset;
import health.cms.core.media.MediaAssetRepository;
import health.cms.core.media.MediaDescription;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.Role;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.TranslationService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Test content made through the real workflow, for the apps' {@code @QuarkusTest}s. */
public final class Fixtures {

    public static final Actor WRITER1 = new Actor("writer1", EnumSet.of(Role.WRITER));
    public static final Actor WRITER2 = new Actor("writer2", EnumSet.of(Role.WRITER));
    public static final Actor REVIEWER1 = new Actor("reviewer1", EnumSet.of(Role.MEDICAL_REVIEWER));
    public static final Actor REVIEWER2 = new Actor("reviewer2", EnumSet.of(Role.MEDICAL_REVIEWER, Role.WRITER));
    public static final Actor EDITOR1 = new Actor("editor1", EnumSet.of(Role.EDITOR));

    private Fixtures() {
    }

    /** Creates the category, tag and profiles that {@link #input} refers to, once per database. */
    public static void ensureBasics() {
        QuarkusTransaction.requiringNew().run(() -> {
            CategoryRepository categories = bean(CategoryRepository.class);
            if (categories.findBySlug("treatments-therapies").isPresent()) {
                return;
            }
            Instant now = Instant.now();
            categories.persist(new Category("treatments-therapies", "Treatments & Therapies", null, 12, now));
            bean(TagRepository.class).persist(new Tag("cancer", "Cancer", now));
            ProfileRepository profiles = bean(ProfileRepository.class);
            profiles.persist(profile("anna-berg", "Anna Berg", "MD", "writer1", true, false, now));
            profiles.persist(profile("rita-reviewer", "Rita Reviewer", "MD, PhD", "reviewer1", false, true, now));
            profiles.persist(profile("robert-checker", "Robert Checker", "MD", "reviewer2", true, true, now));
        });
    }

    private static Profile profile(String slug, String name, String credentials, String user, boolean author,
            boolean reviewer, Instant now) {
        return new Profile(slug, new ProfileDetails(name, credentials, "Bio of " + name, "https://example.org/" + slug,
                null, List.of("Oncology"), user, author, reviewer), now);
    }

    public static ArticleInput input(String slug, String title, String body) {
        return new ArticleInput(slug, title, "A short lead for " + title + ".", body, "treatments-therapies",
                List.of("anna-berg"), List.of("cancer"),
                List.of(new ArticleInput.ReferenceInput("Doe J. A review. BMJ. 2020;1:1.", "10.1136/bmj.x1", "1234567",
                        "https://example.org/ref")),
                "First version");
    }

    /** A library asset with this description (one byte stands in for its blob) under a fresh hash; returns the hash. */
    public static String mediaAsset(MediaDescription description) {
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        String sha = HexFormat.of().formatHex(random);
        QuarkusTransaction.requiringNew().run(() -> bean(MediaAssetRepository.class).persist(new MediaAsset(
                new CleanImage(ImageFormat.PNG, new byte[]{1}, 40, 30, sha), 0, description, "writer1", Instant.now())));
        return sha;
    }

    /**
     * A library image with real bytes: {@code png} (a real PNG) is stored in the app's media store under the SHA-256 of
     * its bytes, as an upload would store it. Returns the hash.
     */
    public static String storedMediaAsset(byte[] png, int width, int height, MediaDescription description) {
        String hash = sha256(png);
        bean(BlobStore.class).put(hash, CleanImage.originalName(ImageFormat.PNG), png);
        QuarkusTransaction.requiringNew().run(() -> bean(MediaAssetRepository.class).persist(new MediaAsset(
                new CleanImage(ImageFormat.PNG, png, width, height, hash), 0, description, "writer1", Instant.now())));
        return hash;
    }

    /** The SHA-256 of {@code bytes} in hex, as the library addresses an image. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The input of {@link #input} with a lead image (an asset's hash, or null). */
    public static ArticleInput withLeadImage(ArticleInput input, String leadImage) {
        return new ArticleInput(input.slug(), input.title(), input.summary(), input.body(), input.category(),
                input.authors(), input.tags(), input.references(), input.changeNote(), input.seo(), leadImage);
    }

    public static Article draft(String slug) {
        ensureBasics();
        return drafting().create(WRITER1, input(slug, "Article " + slug, "## Section\n\nBody of " + slug + "."));
    }

    public static Article submitted(String slug) {
        Article draft = draft(slug);
        return transitions().apply(WRITER1, draft.id(), draft.version(), TransitionRequest.of(EditorialAction.SUBMIT));
    }

    public static Article published(String slug) {
        Article submitted = submitted(slug);
        return transitions().apply(REVIEWER1, submitted.id(), submitted.version(),
                TransitionRequest.of(EditorialAction.APPROVE, "Looks right."));
    }

    /**
     * The live translation of a live source article into {@code locale}, translated by writer2 and signed off by
     * reviewer1, whose profile is given that language first.
     */
    public static Article publishedTranslation(Article source, String locale, String slug) {
        reads(REVIEWER1, locale);
        Article draft = bean(TranslationService.class).translate(WRITER2, source.id(), locale,
                input(slug, "Übersetzung " + slug, "## Abschnitt\n\nText von " + slug + "."));
        Article submitted = transitions().apply(WRITER2, draft.id(), draft.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        return transitions().apply(REVIEWER1, submitted.id(), submitted.version(),
                TransitionRequest.of(EditorialAction.APPROVE));
    }

    /** Adds a language to the reviewer's profile (if it is not there yet). */
    public static void reads(Actor reviewer, String language) {
        QuarkusTransaction.requiringNew().run(() -> {
            Profile profile = bean(ProfileRepository.class).findByKeycloakUser(reviewer.username()).orElseThrow();
            if (!profile.languages().contains(language)) {
                List<String> languages = new ArrayList<>(profile.languages());
                languages.add(language);
                profile.keepExpertise(profile.specialties(), languages);
            }
        });
    }

    public static DraftingService drafting() {
        return bean(DraftingService.class);
    }

    public static TransitionService transitions() {
        return bean(TransitionService.class);
    }

    public static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }
}
