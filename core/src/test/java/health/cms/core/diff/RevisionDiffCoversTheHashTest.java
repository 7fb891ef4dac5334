package health.cms.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Reference;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionContent;
import health.cms.core.article.RevisionImage;
import health.cms.core.article.SearchAppearance;
import health.cms.core.diff.RevisionDiff.Section;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.Tag;

/** Everything the content hash covers shows in the diff: a change to any hashed field alone is a visible change. */
class RevisionDiffCoversTheHashTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Category TREATMENTS = new Category("treatments", "Treatments", null, 12, NOW);
    private static final Category DIAGNOSIS = new Category("diagnosis", "Diagnosis", null, 12, NOW);
    private static final Profile ANNA = profile("anna-berg", "Anna Berg");
    private static final Profile BOB = profile("bob-stone", "Bob Stone");
    private static final Tag CANCER = new Tag("cancer", "Cancer", NOW);
    private static final Tag PAIN = new Tag("pain", "Pain", NOW);
    private static final RevisionContent BASE = new RevisionContent("Immunotherapy", "A lead.",
            "## Dosage\n\nTake 10 mg.", TREATMENTS, List.of(ANNA, BOB), Set.of(CANCER),
            List.of(new Reference("Doe J. BMJ. 2020.", "10.1136/bmj.x1", "1234567", "https://example.org/ref")));

    private static Profile profile(String slug, String name) {
        return new Profile(slug, new ProfileDetails(name, "MD", null, null, null, List.of(), null, true, false), NOW);
    }

    private static RevisionContent with(UnaryOperator<RevisionContent> change) {
        return change.apply(BASE);
    }

    /** One change per field of the content hash, each touching only that field. */
    private static Map<String, RevisionContent> oneChangePerHashedField() {
        Map<String, RevisionContent> changes = new LinkedHashMap<>();
        changes.put("Title", with(c -> new RevisionContent("Immunotherapy now", c.summary(), c.bodyMarkdown(),
                c.category(), c.authors(), c.tags(), c.references())));
        changes.put("Summary", with(c -> new RevisionContent(c.title(), "Another lead.", c.bodyMarkdown(),
                c.category(), c.authors(), c.tags(), c.references())));
        changes.put("Dosage", with(c -> new RevisionContent(c.title(), c.summary(), "## Dosage\n\nTake 20 mg.",
                c.category(), c.authors(), c.tags(), c.references())));
        changes.put(RevisionDiff.CATEGORY, with(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(),
                DIAGNOSIS, c.authors(), c.tags(), c.references())));
        changes.put(RevisionDiff.BYLINE, with(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(),
                c.category(), List.of(BOB, ANNA), c.tags(), c.references())));
        changes.put(RevisionDiff.TAGS, with(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(),
                c.category(), c.authors(), Set.of(CANCER, PAIN), c.references())));
        changes.put("References", with(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(),
                c.category(), c.authors(), c.tags(), List.of(new Reference("Doe J. BMJ. 2020.", "10.1136/bmj.x1",
                        "7654321", "https://example.org/ref")))));
        changes.put(RevisionDiff.SEARCH_AND_SOCIAL, with(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(),
                c.category(), c.authors(), c.tags(), c.references(),
                new SearchAppearance("Immunotherapy explained", null, null, null, false))));
        return changes;
    }

    @Test
    void aChangeToOnlyTheBylineTagsOrCategoryShowsAsItsOwnSection() {
        Revision before = new Revision(null, 1, BASE, null, "writer", NOW);
        oneChangePerHashedField().forEach((section, content) -> {
            Revision after = new Revision(null, 2, content, null, "writer", NOW);
            assertNotEquals(before.contentHash(), after.contentHash(), section + " is part of the content hash");
            List<String> changed = RevisionDiff.between(before, after).sections().stream()
                    .filter(s -> !s.status().equals("unchanged")).map(Section::heading).toList();
            assertEquals(List.of(section), changed, "a change to " + section + " alone shows as exactly that section");
        });
    }

    @Test
    void imageChangesShowInTheImagesSectionAlone() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        String body = "## Dosage\n\nTake 10 mg.\n\n![Chart](media:" + a + ")";
        Revision before = new Revision(null, 1, withImages(body, List.of(new RevisionImage(a, "Dose chart", "In mg", null)),
                null), null, "writer", NOW);
        Map<String, RevisionContent> changes = new LinkedHashMap<>();
        changes.put("alt text changed", withImages(body, List.of(new RevisionImage(a, "Chart of doses", "In mg", null)), null));
        changes.put("caption changed", withImages(body, List.of(new RevisionImage(a, "Dose chart", "In µg", null)), null));
        changes.put("made the lead", withImages(body, List.of(new RevisionImage(a, "Dose chart", "In mg", null)), a));
        changes.put("added as lead", withImages(body, List.of(new RevisionImage(a, "Dose chart", "In mg", null),
                new RevisionImage(b, "Other", null, null)), b));
        changes.forEach((what, content) -> {
            Revision after = new Revision(null, 2, content, null, "writer", NOW);
            assertNotEquals(before.contentHash(), after.contentHash(), what);
            assertEquals(List.of(RevisionDiff.IMAGES), RevisionDiff.between(before, after).sections().stream()
                    .filter(s -> !s.status().equals("unchanged")).map(Section::heading).toList(), what);
        });
        Revision removed = new Revision(null, 2, BASE, null, "writer", NOW);
        Section images = RevisionDiff.between(before, removed).sections().stream()
                .filter(s -> s.heading().equals(RevisionDiff.IMAGES)).findFirst().orElseThrow();
        assertEquals("removed", images.status());
        assertTrue(images.segments().get(0).text().contains("media:" + a), images.toString());
    }

    private static RevisionContent withImages(String body, List<RevisionImage> images, String lead) {
        return new RevisionContent(BASE.title(), BASE.summary(), body, BASE.category(), BASE.authors(), BASE.tags(),
                BASE.references(), SearchAppearance.NONE, images, lead);
    }

    @Test
    void theBylineSectionNamesEachAuthorWithTheSlugTheHashHolds() {
        Revision before = new Revision(null, 1, BASE, null, "writer", NOW);
        Revision after = new Revision(null, 2, with(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(),
                c.category(), List.of(ANNA), c.tags(), c.references())), null, "writer", NOW);
        Section byline = RevisionDiff.between(before, after).sections().stream()
                .filter(s -> s.heading().equals(RevisionDiff.BYLINE)).findFirst().orElseThrow();
        assertEquals("changed", byline.status());
        assertEquals(List.of("Bob Stone (bob-stone)"), byline.segments().stream().filter(s -> s.op().equals("delete"))
                .map(s -> s.text().strip()).toList());
    }

    @Test
    void aChangeToOnlyAReferencePartShowsInTheReferences() {
        Revision before = new Revision(null, 1, BASE, null, "writer", NOW);
        Revision after = new Revision(null, 2, with(c -> new RevisionContent(c.title(), c.summary(), c.bodyMarkdown(),
                c.category(), c.authors(), c.tags(), List.of(new Reference("Doe J. BMJ. 2020.",
                        new Reference.Parts(null, null, null, 2020), "10.1136/bmj.x1", "1234567", "https://example.org/ref")))),
                null, "writer", NOW);
        assertNotEquals(before.contentHash(), after.contentHash());
        assertEquals(List.of("References"), RevisionDiff.between(before, after).sections().stream()
                .filter(s -> !s.status().equals("unchanged")).map(Section::heading).toList());
    }
}
