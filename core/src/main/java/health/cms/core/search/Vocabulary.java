package health.cms.core.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import health.cms.core.refusal.Refusal;

/**
 * The medical vocabulary: groups of terms that mean the same to a reader (lay word, clinical term,
 * abbreviation), from our file {@value #FILE} plus the groups editors add at the desk. A query for any
 * term of a group also finds the others.
 */
public final class Vocabulary {

    /** One group per line, terms separated by commas; {@code #} starts a comment. */
    public static final String FILE = "/search/medical-vocabulary.txt";
    public static final int MAX_TERMS = 12;
    public static final int MAX_TERM_LENGTH = 60;

    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '\\-]{0,59}");

    private final List<List<String>> groups;
    private final NavigableSet<String> terms = new TreeSet<>();
    private final Set<String> words = new HashSet<>();
    /** The terms of several words, split, which every query is checked against. */
    private final List<List<String>> phrases;

    private Vocabulary(List<List<String>> groups) {
        this.groups = List.copyOf(groups);
        for (List<String> group : groups) {
            for (String term : group) {
                terms.add(term);
                words.addAll(List.of(term.split(" ")));
            }
        }
        this.phrases = terms.stream().filter(t -> t.contains(" ")).map(t -> List.of(t.split(" "))).toList();
    }

    /** Our file's groups. */
    public static Vocabulary standard() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(FILE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<List<String>> groups = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String content = line.replaceFirst("#.*", "").strip();
                if (!content.isEmpty()) {
                    groups.add(group(content));
                }
            }
            return new Vocabulary(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This vocabulary with more groups (each as an editor typed it: terms separated by commas). */
    public Vocabulary with(List<String> moreGroups) {
        List<List<String>> all = new ArrayList<>(groups);
        moreGroups.forEach(text -> all.add(group(text)));
        return new Vocabulary(all);
    }

    /**
     * The terms of one group, normalized (lower case, single spaces), or a refusal naming the field
     * {@code terms}: 2 to {@value #MAX_TERMS} distinct terms of letters, digits, spaces, hyphens, apostrophes.
     */
    public static List<String> group(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String raw : text.split(",")) {
            String term = raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (!TERM.matcher(term).matches()) {
                throw Refusal.invalid("terms", "each term has 1 to " + MAX_TERM_LENGTH
                        + " letters, digits, spaces, hyphens or apostrophes, and starts with a letter or digit");
            }
            terms.add(term);
        }
        if (terms.size() < 2 || terms.size() > MAX_TERMS) {
            throw Refusal.invalid("terms", "a group has 2 to " + MAX_TERMS + " different terms, separated by commas");
        }
        return List.copyOf(terms);
    }

    public int size() {
        return groups.size();
    }

    public List<List<String>> groups() {
        return groups;
    }

    /** Whether a single lower-case word is part of any term (it is then never "corrected" as a typo). */
    boolean knowsWord(String word) {
        return words.contains(word);
    }

    /** Terms that start with the prefix (lower case), alphabetically. */
    List<String> complete(String prefix, int limit) {
        return terms.subSet(prefix, true, prefix + Character.MAX_VALUE, false).stream().limit(limit).toList();
    }

    /** Every term of the vocabulary that has more than one word, as its words. */
    List<List<String>> phrases() {
        return phrases;
    }

    /** The synonym map for the query analyzer: every term of a group leads to every other one. */
    SynonymMap synonyms(Analyzer plain) {
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (List<String> group : groups) {
                List<CharsRef> analyzed = new ArrayList<>();
                for (String term : group) {
                    List<String> tokens = Analyzers.tokens(plain, term);
                    if (!tokens.isEmpty()) {
                        analyzed.add(SynonymMap.Builder.join(tokens.toArray(String[]::new), new CharsRefBuilder()));
                    }
                }
                for (CharsRef from : analyzed) {
                    for (CharsRef to : analyzed) {
                        if (!from.equals(to)) {
                            builder.add(from, to, true);
                        }
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
