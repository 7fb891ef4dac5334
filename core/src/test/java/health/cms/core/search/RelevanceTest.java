package health.cms.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relevance test set: lay terms, clinical terms, misspellings, abbreviations and multi-word queries
 * over a fixed corpus, each with the article that must be in the top 3. Prints nDCG@10 and the hit rate
 * (recorded in docs/benchmarks.md).
 */
class RelevanceTest {

    @TempDir
    Path dir;

    @Test
    void everyQueryOfTheSetFindsItsArticleInTheTopThree() throws Exception {
        List<String> queries = Corpus.lines("/search/relevance-queries.txt");
        assertTrue(queries.size() >= 40, "the set has at least 40 queries");
        try (SearchEngine engine = new LuceneSearchEngine("relevance", dir, Vocabulary.standard(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))) {
            engine.replaceAll(Corpus.documents().stream());
            List<String> misses = new ArrayList<>();
            double ndcg = 0;
            int hits = 0;
            for (String line : queries) {
                String[] parts = line.split(" \\| ");
                Set<String> relevant = Set.of(parts[1].split(";"));
                List<String> ranked = engine
                        .search(new SearchQuery(parts[0], java.util.Map.of(), java.util.Map.of(), Set.of(), false, 10,
                                java.util.Optional.empty()))
                        .hits().stream().map(SearchResult.Hit::payload).toList();
                if (ranked.stream().limit(3).anyMatch(relevant::contains)) {
                    hits++;
                } else {
                    misses.add(parts[0] + " -> " + ranked);
                }
                ndcg += ndcgAt10(ranked, relevant);
            }
            System.out.printf("Relevance: %d queries, hit rate (top 3) %.3f, nDCG@10 %.3f%n", queries.size(),
                    (double) hits / queries.size(), ndcg / queries.size());
            assertEquals(List.of(), misses, "queries whose article is not in the top 3");
        }
    }

    /** Binary relevance: a relevant article at rank r gains 1/log2(r + 1); the ideal puts them all first. */
    private static double ndcgAt10(List<String> ranked, Set<String> relevant) {
        double dcg = 0;
        for (int r = 0; r < Math.min(10, ranked.size()); r++) {
            if (relevant.contains(ranked.get(r))) {
                dcg += 1 / (Math.log(r + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(10, relevant.size()); r++) {
            ideal += 1 / (Math.log(r + 2) / Math.log(2));
        }
        return dcg / ideal;
    }
}
