package health.cms.core.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query of a {@link SearchQuery}: every free word (or one of its synonyms) and every
 * phrase must occur in the {@code all} field; BM25 scores add up over that field and the boosted title,
 * summary, headings, tags, category and author fields; exclusions and filters do not score. A plan is for one
 * language: a stemmed language other than English searches its own fields ({@code all.de}).
 */
final class QueryPlan {

    private final QueryBuilder builder;
    /** For quoted phrases, which ask for these very words: stemmed as in the index, no synonyms. */
    private final QueryBuilder exact;
    private final String language;

    /** The plan of English (and of languages without a stemmer here): free words with synonyms, phrases exact. */
    QueryPlan(Analyzer queryAnalyzer, Analyzer exactAnalyzer) {
        this(queryAnalyzer, exactAnalyzer, null);
    }

    /** The plan of a language of {@link SearchLanguages} (null: English). */
    QueryPlan(Analyzer queryAnalyzer, Analyzer exactAnalyzer, String language) {
        this.builder = new QueryBuilder(queryAnalyzer);
        this.exact = new QueryBuilder(exactAnalyzer);
        this.language = language;
        // "heart attack" as a synonym of "myocardial infarction" must match the two words together.
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    }

    /** The whole query: text, filters and date ranges. */
    Query query(SearchQuery query, QueryText text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(matching(text), Occur.MUST);
        if (query.locale() != null) {
            all.add(new TermQuery(new Term(Documents.LANGUAGE, SearchLanguages.language(query.locale()))), Occur.FILTER);
        }
        query.filters().forEach((facet, value) -> all.add(new TermQuery(new Term(facet.field(), value)), Occur.FILTER));
        query.ranges().forEach((date, range) -> all.add(LongPoint.newRangeQuery(date.field(),
                range.from() == null ? Long.MIN_VALUE : range.from().toEpochMilli(),
                range.until() == null ? Long.MAX_VALUE : range.until().toEpochMilli() - 1), Occur.FILTER));
        return all.build();
    }

    /** The name of a searched field in this plan's language. */
    String field(String name) {
        return SearchLanguages.field(name, language);
    }

    /** The text part alone, which is also what the highlighter marks. */
    Query matching(QueryText text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean positive = false;
        if (!text.free().isBlank()) {
            Query required = builder.createBooleanQuery(field(Documents.ALL), text.free(), Occur.MUST);
            if (required != null) {
                query.add(required, Occur.MUST);
                positive = true;
                for (Map.Entry<String, Float> boosted : Documents.BOOSTS.entrySet()) {
                    Query ranked = builder.createBooleanQuery(field(boosted.getKey()), text.free(), Occur.SHOULD);
                    if (ranked != null) {
                        query.add(new BoostQuery(ranked, boosted.getValue()), Occur.SHOULD);
                    }
                }
            }
        }
        for (String phrase : text.phrases()) {
            Query required = exact.createPhraseQuery(field(Documents.ALL), phrase);
            if (required != null) {
                query.add(required, Occur.MUST);
                positive = true;
                Query title = exact.createPhraseQuery(field(Documents.TITLE), phrase);
                if (title != null) {
                    query.add(new BoostQuery(title, Documents.BOOSTS.get(Documents.TITLE)), Occur.SHOULD);
                }
            }
        }
        for (String excluded : text.excluded()) {
            Query unwanted = excluded.contains(" ")
                    ? exact.createPhraseQuery(field(Documents.ALL), excluded)
                    : builder.createBooleanQuery(field(Documents.ALL), excluded, Occur.MUST);
            if (unwanted != null) {
                query.add(unwanted, Occur.MUST_NOT);
            }
        }
        if (!positive) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return query.build();
    }
}
