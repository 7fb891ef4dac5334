package health.cms.workflow;

import static health.cms.workflow.WorkflowTest.apply;
import static health.cms.workflow.WorkflowTest.edit;
import static health.cms.workflow.WorkflowTest.read;
import static health.cms.workflow.WorkflowTest.reload;
import static health.cms.workflow.testing.Fixtures.REVIEWER1;
import static health.cms.workflow.testing.Fixtures.REVIEWER2;
import static health.cms.workflow.testing.Fixtures.WRITER1;
import static health.cms.workflow.testing.Fixtures.WRITER2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleStatus;
import health.cms.core.correction.ChangeClass;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Translations through the one door: their own sign-off by a reviewer who reads their language, separation of
 * duties per translation, and the outdated flag that a factual or clinical change of the source sets (never a
 * typo fix) and that a translation made from the new source text clears.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TranslationTest {

    /** Reads Spanish only. */
    static final Actor REVIEWER3 = new Actor("reviewer3", EnumSet.of(Role.MEDICAL_REVIEWER));

    @Inject
    TranslationService translations;
    @Inject
    SignOffRepository signOffs;
    @Inject
    ProfileRepository profiles;

    @BeforeEach
    void reviewersWithLanguages() {
        Fixtures.ensureBasics();
        QuarkusTransaction.requiringNew().run(() -> {
            profiles.findByKeycloakUser("reviewer1").orElseThrow().keepExpertise(List.of("Oncology"), List.of("en", "de"));
            profiles.findByKeycloakUser("reviewer2").orElseThrow().keepExpertise(List.of("Oncology"), List.of("en", "de"));
            if (profiles.findByKeycloakUser("reviewer3").isEmpty()) {
                Profile spanish = new Profile("rosa-revisora", new ProfileDetails("Rosa Revisora", "MD", "Bio",
                        "https://example.org/rosa", null, List.of("Oncology"), "reviewer3", false, true), Instant.now());
                spanish.keepExpertise(List.of("Oncology"), List.of("es"));
                profiles.persist(spanish);
            }
        });
    }

    @Test
    void aTranslationGoesLiveOnlyWithItsOwnSignOffAndLeavesTheSourceAsItWas() {
        Article source = Fixtures.published("immunotherapy-own-signoff");
        Article translation = translate(WRITER2, source, "de", "immuntherapie-eigene-freigabe");
        assertEquals("de", translation.locale());
        assertEquals(ArticleStatus.DRAFT, translation.status());
        assertFalse(translation.isLive(), "the source's sign-off does not carry over to a translation");

        Article live = apply(REVIEWER1, apply(WRITER2, translation, EditorialAction.SUBMIT), EditorialAction.APPROVE);

        assertTrue(live.isLive());
        read(() -> {
            Article t = reload(live);
            Article s = reload(source);
            SignOff own = signOffs.latestApproval(t.liveRevision()).orElseThrow();
            assertTrue(own.approves(t.liveRevision()));
            assertNotEquals(s.liveRevision().contentHash(), own.contentHash());
            assertEquals(1, signOffs.forRevision(s.liveRevision()).size(), "the source has only its own sign-off");
            assertEquals(s.liveRevision().id(), t.translation().base().id());
            assertEquals(List.of("de"), translations.translationsOf(s).stream().map(Article::locale).toList());
            return null;
        });
    }

    @Test
    void aReviewerApprovesATranslationOnlyInALanguageTheirProfileLists() {
        Article source = Fixtures.published("immunotherapy-language-check");
        Article submitted = apply(WRITER2, translate(WRITER2, source, "es", "inmunoterapia-revision"),
                EditorialAction.SUBMIT);

        Refusal refused = assertThrows(Refusal.Forbidden.class, () -> apply(REVIEWER1, submitted, EditorialAction.APPROVE));
        assertTrue(refused.getMessage().contains("es"), refused.getMessage());
        assertFalse(read(() -> Fixtures.transitions().availableActions(REVIEWER1, reload(submitted)))
                .contains(EditorialAction.APPROVE));
        assertEquals(ArticleStatus.PUBLISHED, apply(REVIEWER3, submitted, EditorialAction.APPROVE).status());
    }

    @Test
    void theTranslatorCannotSignOffTheirOwnTranslationEvenInTheirLanguage() {
        Article source = Fixtures.published("immunotherapy-translator-duties");
        Article submitted = apply(REVIEWER2, translate(REVIEWER2, source, "de", "immuntherapie-uebersetzer"),
                EditorialAction.SUBMIT);

        Refusal refused = assertThrows(Refusal.Forbidden.class, () -> apply(REVIEWER2, submitted, EditorialAction.APPROVE));
        assertTrue(refused.getMessage().contains("another medical reviewer"), refused.getMessage());
        assertEquals(ArticleStatus.PUBLISHED, apply(REVIEWER1, submitted, EditorialAction.APPROVE).status());
    }

    @Test
    void aClinicalChangeOfTheSourceOutdatesItsLiveTranslationButATypoFixDoesNot() {
        Article source = Fixtures.published("immunotherapy-outdated");
        Article translation = Fixtures.publishedTranslation(source, "de", "immuntherapie-veraltet");

        Article typoFixed = correct(source, "## Section\n\nBody, typo fixed.", ChangeClass.TYPO, null);
        assertFalse(read(() -> reload(translation).translation().outdated()), "a typo fix outdates nothing");

        Article changed = correct(typoFixed, "## Section\n\nThe dose is now 10 mg.", ChangeClass.CLINICAL,
                "The dose changed.");
        Article flagged = read(() -> reload(translation));
        assertTrue(flagged.translation().outdated());
        assertEquals("clinical", flagged.translation().sourceChangeClass());
        assertEquals(read(() -> reload(changed).lastReviewedAt()), flagged.translation().sourceChangedAt());
        assertTrue(flagged.isLive(), "an outdated translation is never unpublished");
        assertEquals(ArticleStatus.PUBLISHED, flagged.status());
    }

    @Test
    void anUpdateMadeFromTheChangedSourceMakesTheTranslationCurrentAgainAndOneFromTheOldTextDoesNot() {
        Article source = Fixtures.published("immunotherapy-updated");
        Article translation = Fixtures.publishedTranslation(source, "de", "immuntherapie-aktualisiert");
        Article changed = correct(source, "## Section\n\nThe dose is now 10 mg.", ChangeClass.FACTUAL,
                "The dose changed.");
        int changedSource = read(() -> reload(changed).liveRevision().number());

        Article flagged = read(() -> reload(translation));
        Article fromOldText = approveTranslationEdit(edit(WRITER2, flagged, "## Abschnitt\n\nTippfehler."));
        assertTrue(read(() -> reload(fromOldText).translation().outdated()), "still made from the old source text");

        Article updated = translations.edit(WRITER2, fromOldText.id(), fromOldText.version(),
                Fixtures.input(fromOldText.slug(), "Immuntherapie", "## Abschnitt\n\nDie Dosis ist jetzt 10 mg."),
                changedSource);
        Article current = approveTranslationEdit(updated);
        read(() -> {
            Article t = reload(current);
            assertFalse(t.translation().outdated());
            assertNull(t.translation().sourceChangeClass());
            assertEquals(changedSource, t.translation().base().number());
            return null;
        });
    }

    @Test
    void aTranslationIsRefusedIntoAnUnconfiguredOrTakenLocaleOrOfATranslation() {
        Article source = Fixtures.published("immunotherapy-refusals");
        Article german = translate(WRITER2, source, "de", "immuntherapie-abgelehnt");

        assertTrue(assertThrows(Refusal.Invalid.class, () -> translate(WRITER2, source, "fr", "immunotherapie-fr"))
                .fieldErrors().containsKey("locale"));
        assertTrue(assertThrows(Refusal.Invalid.class, () -> translate(WRITER2, source, "en", "immunotherapy-en"))
                .fieldErrors().containsKey("locale"));
        assertTrue(assertThrows(Refusal.Invalid.class, () -> translate(WRITER2, source, "DE", "immuntherapie-zwei"))
                .fieldErrors().containsKey("locale"));
        assertTrue(assertThrows(Refusal.Invalid.class, () -> translate(WRITER2, german, "es", "inmunoterapia-de-de"))
                .fieldErrors().containsKey("source"));
        assertThrows(Refusal.Forbidden.class, () -> translate(REVIEWER1, source, "es", "inmunoterapia-sin-rol"));
    }

    private Article translate(Actor actor, Article source, String locale, String slug) {
        return translations.translate(actor, source.id(), locale,
                Fixtures.input(slug, "Übersetzung " + slug, "## Abschnitt\n\nText von " + slug + "."));
    }

    private static Article approveTranslationEdit(Article edited) {
        Article submitted = apply(WRITER2, edited, EditorialAction.SUBMIT);
        return apply(REVIEWER1, submitted,
                new TransitionRequest(EditorialAction.APPROVE, null, null, ChangeClass.FACTUAL, "Dosis aktualisiert."));
    }

    private static Article correct(Article live, String body, ChangeClass changeClass, String note) {
        Article submitted = apply(WRITER1, edit(WRITER1, live, body), EditorialAction.SUBMIT);
        return apply(REVIEWER2, submitted, new TransitionRequest(EditorialAction.APPROVE, null, null, changeClass, note));
    }
}
