package health.cms.core.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippets of the hits shown, by Lucene's unified highlighter: up to two whole sentences of the summary and body
 * with the query's words marked, escaped, on one line.
 *
 * What keeps it cheap: the words to mark are the query's searched words without stop words, read from the
 * {@code all} field's offsets in the index (no analysis, no phrase matching per hit), and the text comes from
 * uncompressed doc values rather than stored fields (which decompress a whole block for each hit). So in "ringing in
 * the ears" the snippet marks "ringing" and "ears".
 */
final class Snippets {

    private static final int SOURCE_CHARS = 20_000;
    private static final SnippetScorer SCORER = new SnippetScorer();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Snippets() {
    }

    /** One snippet per hit (null where the text has none), for the words of {@code matching} in {@code field}. */
    static String[] of(IndexSearcher searcher, Analyzer analyzer, String field, Query matching, CharArraySet stopWords,
            ScoreDoc[] shown) throws IOException {
        if (shown.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = new FromDocValues(UnifiedHighlighter.builder(searcher, analyzer)
                .withWeightMatches(false).withMaxLength(SOURCE_CHARS).withScorer(SCORER)
                .withBreakIterator(SentenceEnds::new)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)), searcher);
        TopDocs docs = new TopDocs(new TotalHits(shown.length, TotalHits.Relation.EQUAL_TO), shown);
        String[] snippets = highlighter.highlight(field, marked(matching, field, stopWords), docs, 2);
        for (int i = 0; i < snippets.length; i++) {
            // passages start after a sentence end and may hold line ends: one line, single spaces
            snippets[i] = snippets[i] == null ? null : WHITESPACE.matcher(snippets[i]).replaceAll(" ").strip();
        }
        return snippets;
    }

    /** The words to mark: every term of {@code field} the query looks for (not those it excludes), no stop words. */
    static Query marked(Query matching, String field, CharArraySet stopWords) {
        Set<Term> terms = new LinkedHashSet<>();
        matching.visit(new QueryVisitor() {

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }

            @Override
            public boolean acceptField(String name) {
                return name.equals(field);
            }

            @Override
            public void consumeTerms(Query query, Term... found) {
                for (Term term : found) {
                    if (!stopWords.contains(term.text())) {
                        terms.add(term);
                    }
                }
            }
        });
        BooleanQuery.Builder marked = new BooleanQuery.Builder();
        terms.forEach(term -> marked.add(new TermQuery(term), Occur.SHOULD));
        return marked.build();
    }

    /** The unified highlighter reading each hit's text from {@link Documents#SNIPPET_TEXT}. */
    private static final class FromDocValues extends UnifiedHighlighter {

        private final IndexSearcher searcher;

        FromDocValues(UnifiedHighlighter.Builder builder, IndexSearcher searcher) {
            super(builder);
            this.searcher = searcher;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator hits, int cacheCharsThreshold)
                throws IOException {
            BinaryDocValues texts = MultiDocValues.getBinaryValues(searcher.getIndexReader(), Documents.SNIPPET_TEXT);
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
                String text = texts != null && texts.advanceExact(doc) ? texts.binaryValue().utf8ToString() : "";
                CharSequence[] perField = new CharSequence[fields.length];
                Arrays.fill(perField, text.length() > getMaxLength() ? text.substring(0, getMaxLength()) : text);
                values.add(perField);
            }
            return values;
        }
    }
}
