package health.cms.core.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Autocomplete: the titles (newest first) whose words start with what was typed, the last word as a prefix, then
 * the vocabulary's terms that do.
 */
final class Completion {

    private static final Sort NEWEST = new Sort(new SortField(Documents.ID_SORT, SortField.Type.LONG, true));

    private Completion() {
    }

    static List<SearchEngine.Suggestion> suggest(IndexSearcher searcher, Analyzer plain, Vocabulary vocabulary,
            String prefix, int limit) throws IOException {
        List<String> tokens = Analyzers.tokens(plain, prefix);
        Set<SearchEngine.Suggestion> found = new LinkedHashSet<>();
        if (!tokens.isEmpty()) {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (int i = 0; i < tokens.size() - 1; i++) {
                query.add(new TermQuery(new Term(Analyzers.TITLE_WORDS, tokens.get(i))), Occur.FILTER);
            }
            query.add(new PrefixQuery(new Term(Analyzers.TITLE_WORDS, tokens.get(tokens.size() - 1))), Occur.FILTER);
            for (ScoreDoc hit : searcher.search(query.build(), limit, NEWEST).scoreDocs) {
                Document stored = searcher.storedFields().document(hit.doc, Set.of(Documents.STORED_TITLE, Documents.KEY));
                found.add(new SearchEngine.Suggestion(stored.get(Documents.STORED_TITLE), stored.get(Documents.KEY)));
            }
        }
        String typed = prefix.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (!typed.isEmpty()) {
            vocabulary.complete(typed, limit).forEach(term -> found.add(new SearchEngine.Suggestion(term, null)));
        }
        return found.stream().sorted(Comparator.comparing(s -> s.key() == null)).limit(limit).toList();
    }
}
