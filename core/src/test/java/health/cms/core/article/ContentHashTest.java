package health.cms.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.Tag;

class ContentHashTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Category TREATMENTS = new Category("treatments-therapies", "Treatments & Therapies", null, 12, NOW);
    private static final Category CONDITIONS = new Category("conditions", "Conditions", null, 12, NOW);
    private static final Profile ANNA = profile("anna-berg");
    private static final Profile OLE = profile("ole-lund");
    private static final Tag CANCER = new Tag("cancer", "Cancer", NOW);
    private static final Tag IMMUNOTHERAPY = new Tag("immunotherapy", "Immunotherapy", NOW);

    private static Profile profile(String slug) {
        return new Profile(slug, new ProfileDetails(slug, "MD", null, null, null, List.of(), null, true, false), NOW);
    }

    private static final RevisionContent BASE = new RevisionContent("Immunotherapy", "A lead.", "## Heading\n\nBody text.",
            TREATMENTS, List.of(ANNA, OLE), Set.of(CANCER, IMMUNOTHERAPY),
            List.of(new Reference("Smith J. A review. Lancet. 2020;1:1-2.", "10.1000/xyz", "123", null)));

    private static String hash(UnaryOperator<RevisionContent> change) {
        return ContentHash.of(change.apply(BASE));
    }

    @Test
    void isAStableSha256() {
        String hash = ContentHash.of(BASE);
        assertEquals(64, hash.length());
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertEquals(hash, ContentHash.of(BASE));
    }

    @Test
    void changesWhenAnythingAReaderSeesChanges() {
        String base = ContentHash.of(BASE);
        List<UnaryOperator<RevisionContent>> visibleChanges = List.of(
                c -> new RevisionContent("Immunotherapy!", c.summary(), c.bodyMarkdown(), c.category(), c.authors(), c.tags(),
                        c.references()),
                c -> new RevisionContent(c.title(), "Another lead.", c.bodyMarkdown(), c.category(), c.authors(), c.tags(),
                        c.references()),
                c -> new RevisionContent(c.title(), c.summary(), "## Heading\n\nBody text with 10 mg.", c.category(),
                        c.authors(), c.tags(), c.references()),
                c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(), CONDITIONS, c.authors(), c.tags(),
                        c.references()),
                c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(), c.category(), List.of(OLE, ANNA), c.tags(),
                        c.references()),
                c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(), c.category(), c.authors(), Set.of(CANCER),
                        c.references()),
                c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(), c.category(), c.authors(), c.tags(),
                        List.of(new Reference("Smith J. A review. Lancet. 2020;1:1-2.", "10.1000/xyz", "124", null))),
                c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(), c.category(), c.authors(), c.tags(),
                        List.of()));
        for (UnaryOperator<RevisionContent> change : visibleChanges) {
            assertNotEquals(base, hash(change));
        }
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        String a = hash(
                c -> new RevisionContent("AB", "C", c.bodyMarkdown(), c.category(), c.authors(), c.tags(), c.references()));
        String b = hash(
                c -> new RevisionContent("A", "BC", c.bodyMarkdown(), c.category(), c.authors(), c.tags(), c.references()));
        assertNotEquals(a, b);
    }

    @Test
    void staysTheSameForInvisibleDifferences() {
        String base = ContentHash.of(BASE);
        assertEquals(base, hash(c -> new RevisionContent(c.title(), c.summary(), "## Heading\r\n\r\nBody text.\r\n",
                c.category(), c.authors(), c.tags(), c.references())));
        assertEquals(base, hash(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(), c.category(),
                c.authors(), Set.of(IMMUNOTHERAPY, CANCER), c.references())));
        Article article = new Article("immunotherapy", "en", NOW);
        Revision first = new Revision(article, 1, BASE, "First version", "writer1", NOW);
        Revision second = new Revision(article, 2, BASE, "Only the change note differs", "writer2", NOW.plusSeconds(60));
        assertEquals(first.contentHash(), second.contentHash());
    }

    /** Computed by the code before search fields and reference parts existed; stored in every older revision. */
    private static final String HASH_STORED_BEFORE_SEARCH_FIELDS = "4027498b4a09fbe5dca303602c6bafb097f4297f7c186dc00bb86a2baa6b4746";

    private static RevisionContent appearing(SearchAppearance appearance) {
        return new RevisionContent(BASE.title(), BASE.summary(), BASE.bodyMarkdown(), BASE.category(), BASE.authors(),
                BASE.tags(), BASE.references(), appearance);
    }

    @Test
    void contentSignedBeforeTheSearchFieldsExistedKeepsItsStoredHash() {
        assertEquals(HASH_STORED_BEFORE_SEARCH_FIELDS, ContentHash.of(BASE));
        assertEquals(HASH_STORED_BEFORE_SEARCH_FIELDS,
                ContentHash.of(appearing(new SearchAppearance(" ", "", null, null, false))));
        Reference sameCitationNoParts = new Reference("Smith J. A review. Lancet. 2020;1:1-2.",
                new Reference.Parts(null, " ", null, null), "10.1000/xyz", "123", null);
        assertEquals(HASH_STORED_BEFORE_SEARCH_FIELDS, hash(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(),
                c.category(), c.authors(), c.tags(), List.of(sameCitationNoParts))));
    }

    @Test
    void contentWithoutImagesKeepsTheHashItWasSignedWith() {
        assertEquals(HASH_STORED_BEFORE_SEARCH_FIELDS,
                ContentHash.of(withImages(BASE.bodyMarkdown(), List.of(), null)));
        assertEquals(HASH_STORED_BEFORE_SEARCH_FIELDS, ContentHash.of("Immunotherapy", "A lead.", "## Heading\n\nBody text.",
                "treatments-therapies", List.of("anna-berg", "ole-lund"), List.of("immunotherapy", "cancer"),
                BASE.references(), SearchAppearance.NONE, List.of(), null));
    }

    @Test
    void anImagesAltTextCaptionCreditAndBytesAreSigned() {
        String body = BASE.bodyMarkdown() + "\n\n![Rash](media:" + SHA_A + ")";
        RevisionImage image = new RevisionImage(SHA_A, "A red rash on a forearm", "Typical rash", "Photo: Clinic");
        String signed = ContentHash.of(withImages(body, List.of(image), null));
        assertEquals(signed, ContentHash.of(withImages(body, List.of(
                new RevisionImage(SHA_A, "A red rash on a forearm", "Typical rash", "Photo: Clinic")), null)));
        assertNotEquals(ContentHash.of(withImages(body, List.of(), null)), signed);
        assertNotEquals(signed, ContentHash.of(withImages(body,
                List.of(new RevisionImage(SHA_A, "A rash", "Typical rash", "Photo: Clinic")), null)));
        assertNotEquals(signed, ContentHash.of(withImages(body,
                List.of(new RevisionImage(SHA_A, "A red rash on a forearm", "Atypical rash", "Photo: Clinic")), null)));
        assertNotEquals(signed, ContentHash.of(withImages(body,
                List.of(new RevisionImage(SHA_A, "A red rash on a forearm", "Typical rash", "Photo: Other")), null)));
        assertNotEquals(signed, ContentHash.of(withImages(body,
                List.of(new RevisionImage(SHA_B, "A red rash on a forearm", "Typical rash", "Photo: Clinic")), null)));
        // a caption cannot pass for a credit of the same words
        assertNotEquals(ContentHash.of(withImages(body, List.of(new RevisionImage(SHA_A, "Alt", "Same", null)), null)),
                ContentHash.of(withImages(body, List.of(new RevisionImage(SHA_A, "Alt", null, "Same")), null)));
    }

    @Test
    void theLeadImageIsSigned() {
        RevisionImage image = new RevisionImage(SHA_A, "Alt", null, null);
        assertNotEquals(ContentHash.of(withImages(BASE.bodyMarkdown(), List.of(image), null)),
                ContentHash.of(withImages(BASE.bodyMarkdown(), List.of(image), SHA_A)));
    }

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private static RevisionContent withImages(String body, List<RevisionImage> images, String leadImage) {
        return new RevisionContent(BASE.title(), BASE.summary(), body, BASE.category(), BASE.authors(), BASE.tags(),
                BASE.references(), BASE.appearance(), images, leadImage);
    }

    @Test
    void theSearchResultAndSocialCardAreSignedButMachineInstructionsAreNot() {
        String base = ContentHash.of(BASE);
        assertNotEquals(base,
                ContentHash.of(appearing(new SearchAppearance("Immunotherapy explained", null, null, null, false))));
        assertNotEquals(base, ContentHash.of(appearing(new SearchAppearance(null, "What it does.", null, null, false))));
        assertNotEquals(base,
                ContentHash.of(appearing(new SearchAppearance(null, null, null, "https://img.example/a.png", false))));
        assertEquals(base, ContentHash.of(appearing(new SearchAppearance(null, null, "https://example.org/a", null, true))));
        // a meta title cannot pass for a meta description of the same words
        assertNotEquals(ContentHash.of(appearing(new SearchAppearance("Same words", null, null, null, false))),
                ContentHash.of(appearing(new SearchAppearance(null, "Same words", null, null, false))));
    }

    @Test
    void everyPartOfAStructuredReferenceIsSigned() {
        Reference.Parts parts = new Reference.Parts("Smith J", "A review", "Lancet", 2020);
        String structured = hash(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(), c.category(),
                c.authors(), c.tags(),
                List.of(new Reference("Smith J. A review. Lancet. 2020;1:1-2.", parts, "10.1000/xyz", "123", null))));
        for (Reference.Parts changed : List.of(new Reference.Parts("Smith K", "A review", "Lancet", 2020),
                new Reference.Parts("Smith J", "A reviews", "Lancet", 2020),
                new Reference.Parts("Smith J", "A review", "BMJ", 2020),
                new Reference.Parts("Smith J", "A review", "Lancet", 2021))) {
            assertNotEquals(structured, hash(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(), c.category(),
                    c.authors(), c.tags(),
                    List.of(new Reference("Smith J. A review. Lancet. 2020;1:1-2.", changed, "10.1000/xyz", "123", null)))));
        }
    }

    @Test
    void aReferenceGivenAsPartsReadsAsOneCitationLine() {
        Reference ref = new Reference(null, new Reference.Parts("Smith J, Doe A", "Immunotherapy in practice?", "Lancet", 2020),
                null, "123", null);
        assertEquals("Smith J, Doe A. Immunotherapy in practice? Lancet. 2020.", ref.citation());
    }
}
