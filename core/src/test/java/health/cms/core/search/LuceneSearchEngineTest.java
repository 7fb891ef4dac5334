package health.cms.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What readers expect of a search box, against the embedded engine and the relevance corpus. */
class LuceneSearchEngineTest {

    @TempDir
    Path dir;
    private SearchEngine engine;

    @BeforeEach
    void index() throws Exception {
        engine = new LuceneSearchEngine("test", dir, Vocabulary.standard(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        assertFalse(engine.ready(), "not ready before the first build");
        engine.replaceAll(Corpus.documents().stream());
        assertTrue(engine.ready());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void synonymsWorkBothWays() {
        assertEquals("myocardial-infarction", slugs("heart attack").get(0), "lay term finds the clinical page");
        engine.put(Corpus.document(900, "lay-page", "After a heart attack", "Recovering at home.", "Rest and walk.",
                "conditions", List.of("cardiology"), "anna-berg"));
        assertTrue(slugs("myocardial infarction").contains("lay-page"), "clinical term finds the lay page");
        assertTrue(slugs("MI").contains("lay-page"), "the abbreviation too");
    }

    @Test
    void misspellingIsCorrectedAndSaidSo() {
        SearchResult result = engine.search(SearchQuery.of("chemotheraphy"));
        assertEquals("chemotherapy", result.didYouMean());
        assertTrue(result.corrected());
        assertEquals("chemotherapy-guide", result.hits().get(0).payload());
    }

    @Test
    void phraseMatchesOnlyTheWordsTogether() {
        assertTrue(slugs("blood glucose").contains("hypoglycaemia-guide"));
        assertEquals(List.of("type-2-diabetes"), slugs("\"bring the blood glucose down\""));
    }

    @Test
    void excludedWordRemovesItsArticles() {
        List<String> all = slugs("cancer");
        assertTrue(all.contains("melanoma-guide"));
        List<String> without = slugs("cancer -skin");
        assertFalse(without.contains("melanoma-guide"));
        assertTrue(without.contains("chemotherapy-guide"));
    }

    @Test
    void facetCountsFollowTheQuery() {
        SearchResult result = engine.search(new SearchQuery("cancer", Map.of(), Map.of(),
                Set.of(Facet.CATEGORY, Facet.TAG), true, 10, Optional.empty()));
        Map<String, Long> tags = new java.util.HashMap<>();
        result.facets().get(Facet.TAG).forEach(c -> tags.put(c.value(), c.count()));
        assertEquals(3L, tags.get("oncology"), "chemotherapy, immunotherapy, melanoma (radiotherapy says tumour)");
        assertEquals(1L, tags.get("dermatology"));
        SearchResult filtered = engine.search(new SearchQuery("cancer", Map.of(Facet.TAG, "dermatology"), Map.of(),
                Set.of(), false, 10, Optional.empty()));
        assertEquals(List.of("melanoma-guide"), filtered.hits().stream().map(SearchResult.Hit::payload).toList());
        assertEquals(4, result.reviewedWithin().size());
    }

    @Test
    void cursorWalksEveryHitOnce() {
        List<String> pages = new ArrayList<>();
        Optional<SearchQuery.Position> after = Optional.empty();
        do {
            SearchResult page = engine.search(new SearchQuery("the", Map.of(), Map.of(), Set.of(), false, 7, after));
            page.hits().forEach(h -> pages.add(h.payload()));
            after = page.next();
        } while (after.isPresent());
        assertEquals(slugs("the", 100), pages);
        assertEquals(pages.size(), Set.copyOf(pages).size());
    }

    @Test
    void snippetsCarryNoMarkupButMark() {
        engine.put(Corpus.document(901, "hostile", "Angle brackets", "<script>alert(1)</script> shingles & co",
                "<img src=x onerror=alert(1)> shingles", "conditions", List.of("x"), "anna-berg"));
        String snippet = engine.search(SearchQuery.of("shingles")).hits().stream().filter(h -> h.payload().equals("hostile"))
                .findFirst().orElseThrow().snippet();
        assertFalse(snippet.contains("<script") || snippet.contains("<img"), snippet);
        assertTrue(snippet.contains("&lt;script&gt;") && snippet.contains("<mark>shingles</mark>"), snippet);
    }

    @Test
    void aSnippetIsTheMatchingSentencesOnOneLine() {
        engine.put(Corpus.document(902, "sentences", "Rashes", "A summary.", "Shingles is a painful rash. Is a "
                + "tingling patch the first sign? Often it is!\n\nWhen to see a doctor\nSee a doctor if the rash is "
                + "near your eye.", "conditions", List.of("x"), "anna-berg"));
        assertEquals("Is a <mark>tingling</mark> patch the first sign?", snippet("tingling", "sentences"));
        assertEquals("See a doctor if the rash is near your <mark>eye</mark>.", snippet("eye", "sentences"));
    }

    @Test
    void aSnippetMarksTheWordsOfAPhraseAndOfSynonymsButNoStopWords() {
        engine.put(Corpus.document(903, "ears", "Noises", "A summary.", "Ringing in the ears can follow a loud concert.",
                "conditions", List.of("x"), "anna-berg"));
        assertEquals("<mark>Ringing</mark> in the <mark>ears</mark> can follow a loud concert.", snippet("tinnitus", "ears"));
        assertEquals("<mark>Ringing</mark> in the <mark>ears</mark> can follow a loud concert.",
                snippet("\"ringing in the ears\"", "ears"));
        // quotes ask for these very words: a synonym of the phrase does not match it
        assertTrue(engine.search(SearchQuery.of("\"tinnitus\"")).hits().stream().noneMatch(h -> h.payload().equals("ears")));
        assertEquals("Ringing in the ears can follow a <mark>loud</mark> concert.", snippet("loud -deafness", "ears"));
    }

    private String snippet(String query, String payload) {
        return engine.search(SearchQuery.of(query)).hits().stream().filter(h -> h.payload().equals(payload))
                .findFirst().orElseThrow().snippet();
    }

    @Test
    void removedArticleIsNeverFoundAgain() {
        engine.remove("shingles-guide");
        assertFalse(slugs("herpes zoster").contains("shingles-guide"));
        assertTrue(engine.suggest("herpes", 5).stream().noneMatch(s -> "shingles-guide".equals(s.key())));
    }

    @Test
    void suggestsTitlesThenVocabulary() {
        List<SearchEngine.Suggestion> found = engine.suggest("immun", 8);
        assertEquals("Immunotherapy: treatment, effect and risks", found.get(0).text());
        assertTrue(found.stream().anyMatch(s -> s.key() == null && s.text().equals("immunisation")));
    }

    @Test
    void editorGroupsApplyWithoutReindexing() {
        assertEquals(List.of(), slugs("zoster rash"));
        engine.vocabulary(List.of("zoster rash, herpes zoster"));
        assertEquals("shingles-guide", slugs("zoster rash").get(0));
    }

    private List<String> slugs(String text) {
        return slugs(text, 10);
    }

    private List<String> slugs(String text, int limit) {
        return engine.search(new SearchQuery(text, Map.of(), Map.of(), Set.of(), false, limit, Optional.empty())).hits()
                .stream().map(SearchResult.Hit::payload).toList();
    }

    private static SearchDocument inLocale(SearchDocument document, String locale) {
        return new SearchDocument(document.id(), document.key(), document.text(), document.facets(), document.dates(),
                document.payload(), locale);
    }

    private List<String> slugs(String text, String locale) {
        return engine.search(new SearchQuery(text, Map.of(), Map.of(), Set.of(), false, 10, Optional.empty(), locale))
                .hits().stream().map(SearchResult.Hit::payload).toList();
    }

    @Test
    void aGermanQueryWithAnInflectionFindsTheGermanTranslationAndOnlyGermanArticles() {
        engine.put(inLocale(Corpus.document(901, "grippeimpfung", "Die Grippeimpfung im Herbst",
                "Wer sich impfen lassen sollte.", "Die Impfungen schützen ältere Menschen vor schweren Verläufen.",
                "prevention", List.of("impfung"), "anna-berg"), "de"));
        engine.put(inLocale(Corpus.document(902, "flu-vaccination", "Flu vaccination in autumn",
                "Who should be vaccinated.", "Impfungen is the German word; vaccination protects older people.",
                "prevention", List.of("vaccination"), "anna-berg"), "en"));

        // plural in the text, singular asked; "schweren Verlauf" against "schweren Verläufen"
        assertEquals(List.of("grippeimpfung"), slugs("Impfung", "de"));
        assertEquals(List.of("grippeimpfung"), slugs("schwerer Verlauf", "de"));
        assertEquals(List.of("grippeimpfung"), slugs("Grippeimpfung", "de-AT"), "an Austrian reader's stems are German");
        SearchResult german = engine.search(new SearchQuery("Impfung", Map.of(), Map.of(), Set.of(), false, 10,
                Optional.empty(), "de"));
        assertTrue(german.hits().get(0).snippet().contains("<mark>Impfungen</mark>"), german.hits().get(0).snippet());
        // the English article is in the English language only, and English stems do not reach the German text
        assertEquals(List.of("flu-vaccination"), slugs("vaccinated", "en"));
        assertFalse(slugs("Impfung", "en").contains("grippeimpfung"));
        assertTrue(slugs("vaccination", null).contains("flu-vaccination"), "an index without languages finds all");
    }
}
