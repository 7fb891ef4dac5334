package health.cms.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import health.cms.core.article.Revision;
import health.cms.core.article.RevisionContent;
import health.cms.core.diff.RevisionDiff.Section;
import health.cms.core.diff.RevisionDiff.Segment;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.taxonomy.Category;

class RevisionDiffTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Category CATEGORY = new Category("treatments", "Treatments", null, 12, NOW);
    private static final Profile AUTHOR = new Profile("anna-berg",
            new ProfileDetails("Anna Berg", "MD", null, null, null, List.of(), null, true, false), NOW);

    private static Revision revision(int number, String body) {
        return new Revision(null, number,
                new RevisionContent("Immunotherapy", "A lead.", body, CATEGORY, List.of(AUTHOR), Set.of(), List.of()),
                null, "writer", NOW);
    }

    /** {@code count} words of {@code prefix} and a random number, each followed by a space. */
    private static String words(int count, String prefix) {
        Random random = new Random(prefix.hashCode());
        return random.ints(count, 0, 1_000_000).mapToObj(n -> prefix + n + " ").collect(Collectors.joining());
    }

    private static Section section(RevisionDiff.Result result, String heading) {
        return result.sections().stream().filter(s -> s.heading().equals(heading)).findFirst().orElseThrow();
    }

    /** The text one side of a section is made of: equal runs plus that side's own runs. */
    private static String side(Section section, String op) {
        return section.segments().stream().filter(s -> s.op().equals("equal") || s.op().equals(op))
                .map(Segment::text).collect(Collectors.joining());
    }

    @Test
    void aNormalEditIsComparedWordByWordExactlyAsBefore() {
        RevisionDiff.Result result = RevisionDiff.between(
                revision(3, "Intro stays.\n\n## Dosage\n\nTake 5 mg daily with food.\n\n## Risks\n\nRash is rare.\n"),
                revision(4, "Intro stays.\n\n## Dosage\n\nTake 10 mg twice daily, with food.\n\n## Risks\n\nRash is rare.\n\n"
                        + "## Monitoring\n\nCheck liver values.\n"));

        // Pinned from the diff as it was before the bounds: ordinary edits must not change.
        assertEquals(new Section("Dosage", "changed", List.of(
                new Segment("equal", "Take ", false),
                new Segment("delete", "5", true),
                new Segment("insert", "10", true),
                new Segment("equal", " mg ", false),
                new Segment("delete", "daily", false),
                new Segment("insert", "twice", false),
                new Segment("equal", " ", false),
                new Segment("insert", "daily, ", false),
                new Segment("equal", "with food.", false))), section(result, "Dosage"));
        assertEquals("unchanged", section(result, "Risks").status());
        assertEquals("added", section(result, "Monitoring").status());
        assertEquals(3, result.from());
        assertEquals(4, result.to());
        assertTrue(result.hasChanges());
    }

    @Test
    void aTwoHundredThousandTokenSectionIsReportedAsReplacedInsteadOfCompared() {
        String before = words(100_000, "dose");
        String after = before + "10 mg more.";
        Section section = section(
                RevisionDiff.between(revision(1, "## Dosage\n\n" + before), revision(2, "## Dosage\n\n" + after)),
                "Dosage");

        assertEquals(RevisionDiff.REPLACED, section.status());
        assertTrue(section.replaced());
        assertEquals(List.of(new Segment("delete", before.strip(), true), new Segment("insert", after.strip(), true)),
                section.segments(), "the whole old text against the whole new, so the reviewer reads all of it");
    }

    @Test
    void aSectionRewrittenBeyondTheComparisonBudgetIsReplacedInsteadOfCompared() {
        // 20,000 tokens a side, just under the token cap, and not one word in common: Myers' worst case.
        String before = words(9_999, "old").strip();
        String after = words(9_999, "new").strip();
        Section section = section(
                RevisionDiff.between(revision(1, "## Risks\n\n" + before), revision(2, "## Risks\n\n" + after)), "Risks");

        assertEquals(RevisionDiff.REPLACED, section.status());
        assertEquals(before, side(section, "delete"));
        assertEquals(after, side(section, "insert"));
    }

    @Test
    void aLargeRewriteWithinTheBudgetIsStillComparedWordByWordInLinearSpace() {
        List<String> before = RevisionDiff.tokens(words(9_000, "w"));
        List<String> after = before.stream().map(t -> t.endsWith("3") ? "X" + t : t).toList();

        BoundedWordDiff.Answer answer = BoundedWordDiff.diff(before, after);

        assertEquals(BoundedWordDiff.Outcome.LINEAR_SPACE, answer.outcome(), "over a thousand edits: past the greedy bound");
        Section section = section(RevisionDiff.between(revision(1, "## S\n\n" + String.join("", before)),
                revision(2, "## S\n\n" + String.join("", after))), "S");
        assertEquals("changed", section.status());
        assertEquals(String.join("", before).strip(), side(section, "delete"));
        assertEquals(String.join("", after).strip(), side(section, "insert"));
        assertTrue(section.segments().stream().filter(s -> s.op().equals("insert")).allMatch(s -> s.text().startsWith("X")),
                "only the changed words are marked: " + section.segments().subList(0, 6));
    }

    @Test
    void theSamePairComparedTwiceIsServedFromTheCache() {
        String body = "## Dosage\n\nTake 5 mg daily. " + System.nanoTime();
        Revision from = revision(1, body);
        Revision to = revision(2, body.replace("5 mg", "10 mg"));
        long hits = RevisionDiff.cache().hits();

        RevisionDiff.Result first = RevisionDiff.between(from, to);
        RevisionDiff.Result second = RevisionDiff.between(from, to);

        assertEquals(hits + 1, RevisionDiff.cache().hits());
        assertSame(first.sections(), second.sections());
        // Keyed by the compared text, not the revision: the same texts as revisions 7 and 8 are the same diff.
        RevisionDiff.Result renumbered = RevisionDiff.between(revision(7, body), revision(8, body.replace("5 mg", "10 mg")));
        assertEquals(hits + 2, RevisionDiff.cache().hits());
        assertEquals(7, renumbered.from());
        assertEquals(8, renumbered.to());
    }

    @Test
    void aChangedTextIsNeverAnsweredFromTheCache() {
        DiffCache cache = new DiffCache(8, 1_000_000);
        Revision from = revision(1, "## Dosage\n\nTake 5 mg daily.");

        RevisionDiff.Result five = RevisionDiff.between(from, revision(2, "## Dosage\n\nTake 50 mg daily."), cache);
        RevisionDiff.Result lone = RevisionDiff.between(from, revision(2, "## Dosage\n\nTake 5 mg daily.\uD800"), cache);
        RevisionDiff.Result other = RevisionDiff.between(from, revision(2, "## Dosage\n\nTake 5 mg daily.\uD801"), cache);

        assertEquals(0, cache.hits());
        assertNotEquals(five.sections(), lone.sections());
        assertNotEquals(lone.sections(), other.sections(), "lone surrogates must not hash alike");
    }

    @Test
    void theCacheKeepsOnlyTheMostRecentPairsWithinItsCharacterBound() {
        DiffCache cache = new DiffCache(2, 200);
        Revision base = revision(1, "Short.");
        for (String text : List.of("One.", "Two.", "Three.")) {
            RevisionDiff.between(base, revision(2, text), cache);
        }
        assertEquals(2, cache.size());
        RevisionDiff.between(base, revision(2, "Three."), cache);
        assertEquals(1, cache.hits(), "the most recent pair is still there");
        RevisionDiff.between(base, revision(2, "One."), cache);
        assertEquals(1, cache.hits(), "the oldest pair was evicted");

        DiffCache small = new DiffCache(8, 10);
        RevisionDiff.between(base, revision(2, "A body far longer than ten characters."), small);
        assertEquals(0, small.size(), "a diff heavier than the whole cache is not kept");
        assertFalse(small.hits() > 0);
    }
}
