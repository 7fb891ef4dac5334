package health.cms.core.search;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * The languages the index analyses with a stemmer of their own besides English (whose analysis is
 * {@link Analyzers}'): a document in one of them is indexed in fields named {@code field.language} by Lucene's
 * analyzer for it, and a query in that language is analysed the same way and searches those fields only. Stop
 * words stay in the index, as for English (phrases keep their small words); the query side drops them. Any other
 * language is indexed and searched as English is, restricted to its own documents.
 */
final class SearchLanguages {

    /** One stemmed language: its analyzer (made once per engine, thread-safe) and the stop words queries drop. */
    record Language(String code, Analyzer analyzer, CharArraySet stopWords) {
    }

    /** Each language's analyzer without stop words (kept in the index) and its default stop set. */
    private static final Map<String, Function<CharArraySet, Analyzer>> ANALYZERS = Map.ofEntries(
            Map.entry("da", DanishAnalyzer::new), Map.entry("de", GermanAnalyzer::new),
            Map.entry("es", SpanishAnalyzer::new), Map.entry("fi", FinnishAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new), Map.entry("it", ItalianAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new), Map.entry("no", NorwegianAnalyzer::new),
            Map.entry("pt", PortugueseAnalyzer::new), Map.entry("ru", RussianAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new));
    private static final Map<String, CharArraySet> STOP_WORDS = Map.ofEntries(
            Map.entry("da", DanishAnalyzer.getDefaultStopSet()), Map.entry("de", GermanAnalyzer.getDefaultStopSet()),
            Map.entry("es", SpanishAnalyzer.getDefaultStopSet()), Map.entry("fi", FinnishAnalyzer.getDefaultStopSet()),
            Map.entry("fr", FrenchAnalyzer.getDefaultStopSet()), Map.entry("it", ItalianAnalyzer.getDefaultStopSet()),
            Map.entry("nl", DutchAnalyzer.getDefaultStopSet()), Map.entry("no", NorwegianAnalyzer.getDefaultStopSet()),
            Map.entry("pt", PortugueseAnalyzer.getDefaultStopSet()), Map.entry("ru", RussianAnalyzer.getDefaultStopSet()),
            Map.entry("sv", SwedishAnalyzer.getDefaultStopSet()));

    private SearchLanguages() {
    }

    /** A new set of every stemmed language, by its code; the engine that makes it closes it. */
    static Map<String, Language> create() {
        return ANALYZERS.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> new Language(e.getKey(), e.getValue().apply(CharArraySet.EMPTY_SET), STOP_WORDS.get(e.getKey()))));
    }

    /**
     * The stemmed language a locale tag is analysed in ({@code de} for {@code de-AT}), or null when it is English,
     * absent or a language without a stemmer of its own here (analysed as English).
     */
    static String stemmed(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        String language = language(locale);
        return ANALYZERS.containsKey(language) ? language : null;
    }

    /** The language of a locale tag ({@code de} for {@code de-AT}): what a query in that locale is restricted to. */
    static String language(String locale) {
        return Locale.forLanguageTag(locale).getLanguage();
    }

    /** The name of a searched field in a language ({@code all.de}); English keeps the plain names. */
    static String field(String name, String language) {
        return language == null ? name : name + "." + language;
    }
}
