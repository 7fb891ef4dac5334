package health.cms.workflow.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.SearchAppearance;
import health.cms.core.refusal.Refusal;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The trust and search fields and structured references are saved with the revision, checked field by field,
 * and served in the delivery document and its JSON-LD once signed off.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SearchAppearanceTest {

    private static final SearchAppearance SEO = new SearchAppearance("Immunotherapy: how it works",
            "What immunotherapy does, who it helps and its risks.", "https://health.example/immunotherapy",
            "https://media.example/immunotherapy.png", true);

    @Inject
    EntityManager em;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void signedSearchFieldsAreServedAndLeadTheJsonLd() {
        ArticleInput input = with("seo-served", SEO, List.of(new ArticleInput.ReferenceInput(null, "Doe J, Roe A",
                "Checkpoint inhibitors in practice", "Lancet Oncol", "2021", "https://doi.org/10.1016/S1470-2045(21)00001-1",
                "33445566", null)));
        Article draft = Fixtures.drafting().create(Fixtures.WRITER1, input);
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER1, draft.id(), draft.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Article live = Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                TransitionRequest.of(EditorialAction.APPROVE, "Right."));

        assertEquals("\"Immunotherapy: how it works\"", document(live, "->'seo'->'metaTitle'"));
        assertEquals("true", document(live, "->'seo'->'noindex'"));
        assertEquals("\"Immunotherapy: how it works\"", document(live, "->'jsonLd'->'headline'"));
        assertEquals("\"What immunotherapy does, who it helps and its risks.\"", document(live, "->'jsonLd'->'description'"));
        assertEquals("\"https://health.example/immunotherapy\"", document(live, "->'jsonLd'->'url'"));
        assertEquals("\"https://media.example/immunotherapy.png\"", document(live, "->'jsonLd'->'image'"));
        assertEquals("\"Doe J, Roe A. Checkpoint inhibitors in practice. Lancet Oncol. 2021.\"",
                document(live, "->'references'->0->'citation'"));
        assertEquals("\"10.1016/S1470-2045(21)00001-1\"", document(live, "->'references'->0->'doi'"),
                "a DOI pasted as a link is kept bare");
        assertEquals("2021", document(live, "->'references'->0->'year'"));
    }

    @Test
    void withoutSearchFieldsTheArticlesOwnTitleAndLeadAreUsed() {
        Article live = Fixtures.published("seo-defaults");

        assertEquals("\"Article seo-defaults\"", document(live, "->'jsonLd'->'headline'"));
        assertEquals("false", document(live, "->'seo'->'noindex'"));
        assertEquals("null", String.valueOf(document(live, "->'jsonLd'->'url'")));
    }

    @Test
    void aChangedMetaTitleIsANewTextToSignButACanonicalUrlIsNot() {
        Article draft = Fixtures.drafting().create(Fixtures.WRITER1, with("seo-hash", SearchAppearance.NONE, null));
        String plain = hash(draft);
        Article titled = Fixtures.drafting().edit(Fixtures.WRITER1, draft.id(), draft.version(),
                with("seo-hash", new SearchAppearance("A promise in the search result", null, null, null, false), null));
        String titledHash = hash(titled);
        Article canonical = Fixtures.drafting().edit(Fixtures.WRITER1, titled.id(), titled.version(),
                with("seo-hash", new SearchAppearance(null, null, "https://health.example/x", null, true), null));

        assertNotEquals(plain, titledHash);
        assertEquals(plain, hash(canonical), "canonical URL and noindex speak to machines, not readers");
    }

    @Test
    void badSearchFieldsAreRefusedOneMessagePerField() {
        SearchAppearance bad = new SearchAppearance("x".repeat(SearchAppearance.META_TITLE_MAX + 1), null,
                "javascript:alert(1)", "/relative.png", false);
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> Fixtures.drafting().create(Fixtures.WRITER1, with("seo-bad", bad, null)));

        Map<String, String> errors = refused.fieldErrors();
        assertEquals("must be at most 300 characters", errors.get("seo.metaTitle"));
        assertEquals("must be an http or https URL", errors.get("seo.canonicalUrl"));
        assertEquals("must be an http or https URL", errors.get("seo.socialImageUrl"));
    }

    @Test
    void malformedDoiPmidAndYearAreRefusedWithWhatTheyShouldLookLike() {
        List<ArticleInput.ReferenceInput> refs = List.of(
                new ArticleInput.ReferenceInput(null, "Doe J", "A trial", "BMJ", "20x1", "11.1136/bmj", "123456789", null),
                new ArticleInput.ReferenceInput(null, "Doe J", null, "BMJ", null, null, null, null));
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> Fixtures.drafting().create(Fixtures.WRITER1, with("refs-bad", SearchAppearance.NONE, refs)));

        Map<String, String> errors = refused.fieldErrors();
        assertTrue(errors.get("references[0].doi").startsWith("must look like 10.1234/abc"), errors.toString());
        assertEquals("must be a PubMed ID: 1 to 8 digits", errors.get("references[0].pmid"));
        assertEquals("must be a four-digit year, e.g. 2021", errors.get("references[0].year"));
        assertTrue(errors.get("references[1].citation").startsWith("is required"), errors.toString());
    }

    private static ArticleInput with(String slug, SearchAppearance seo, List<ArticleInput.ReferenceInput> references) {
        ArticleInput base = Fixtures.input(slug, "Article " + slug, "## Section\n\nBody of " + slug + ".");
        return new ArticleInput(slug, base.title(), base.summary(), base.body(), base.category(), base.authors(),
                base.tags(), references == null ? base.references() : references, base.changeNote(), seo);
    }

    private String hash(Article article) {
        return read("SELECT r.content_hash FROM revision r JOIN article a ON a.working_revision_id = r.id WHERE a.id = "
                + article.id());
    }

    private String document(Article article, String path) {
        return read("SELECT (document" + path + ")::text FROM published_article WHERE article_id = " + article.id());
    }

    private String read(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(sql).getSingleResult()));
    }
}
