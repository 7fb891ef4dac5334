package health.cms.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The text analysis of the index and of queries. Stop words are kept in the index, so that vocabulary
 * phrases such as "shortness of breath" match as phrases; the query side drops them instead (see
 * {@link QueryText}). Synonyms apply at query time only, so a vocabulary change needs no re-index.
 */
final class Analyzers {

    /** Words without stemming: spelling suggestions, title completion, and the vocabulary's own terms. */
    static final String SPELL = "spell";
    static final String TITLE_WORDS = "title_words";

    private Analyzers() {
    }

    /** Letters and digits, lower case, accents folded, possessive 's dropped. */
    static Analyzer plain() {
        return new Analyzer() {

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, folded(source));
            }
        };
    }

    /** Plain words, stemmed: how the vocabulary's terms are read. */
    static Analyzer stemmed() {
        return new Analyzer() {

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(folded(source)));
            }
        };
    }

    /**
     * The index side of the searched fields: plain words, stemmed; one analyzer per field name. A field of a
     * language of {@link SearchLanguages} ({@code all.de}) is analysed by that language's analyzer.
     */
    static Analyzer index(Map<String, SearchLanguages.Language> languages) {
        Analyzer english = new Analyzer() {

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(folded(source)));
            }
        };
        Analyzer plain = plain();
        Analyzer byField = new PerFieldAnalyzerWrapper(english, Map.of(SPELL, plain, TITLE_WORDS, plain));
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {

            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                int dot = field.lastIndexOf('.');
                SearchLanguages.Language language = dot < 0 ? null : languages.get(field.substring(dot + 1));
                return language == null ? byField : language.analyzer();
            }
        };
    }

    /**
     * The query side: stemmed like the index, then the vocabulary's synonyms (whose terms are stemmed the same
     * way, see {@link #stemmed()}) expanded into a token graph, so "convulsions" finds the group of "convulsion".
     */
    static Analyzer query(SynonymMap synonyms) {
        return new Analyzer() {

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new PorterStemFilter(folded(source));
                if (synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** The tokens an analyzer makes of a text. */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(SPELL, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static TokenStream folded(Tokenizer source) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
    }
}
