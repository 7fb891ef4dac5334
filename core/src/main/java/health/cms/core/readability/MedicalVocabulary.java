package health.cms.core.readability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Clinical terms with the lay words readers know, read from a plain file of {@code clinical term | lay
 * term} lines, so editors and the search's synonyms can share one list a person can review.
 */
public final class MedicalVocabulary {

    /** The vocabulary shipped with the app. */
    public static final String RESOURCE = "vocabulary/medical-terms.txt";

    private static final MedicalVocabulary STANDARD = load();

    /** One clinical term and its lay counterpart, both lower case. */
    public record Term(String clinical, String lay) {
    }

    private final List<Term> terms;
    private final Map<String, Term> byClinical = new HashMap<>();
    private final int longestClinicalWords;

    private MedicalVocabulary(List<Term> terms) {
        // Longest first, so "deep vein thrombosis" is found before "thrombosis" inside it.
        this.terms = terms.stream().sorted(Comparator.comparingInt((Term t) -> t.clinical().length()).reversed())
                .toList();
        int longest = 1;
        for (Term term : this.terms) {
            List<String> words = PlainLanguageHints.words(term.clinical());
            byClinical.putIfAbsent(String.join(" ", words), term);
            longest = Math.max(longest, words.size());
        }
        this.longestClinicalWords = longest;
    }

    /** The term whose clinical words are exactly {@code words} (lower case, joined by single spaces). */
    Term clinical(String words) {
        return byClinical.get(words);
    }

    /** The most words any clinical term has. */
    int longestClinicalWords() {
        return longestClinicalWords;
    }

    /** The vocabulary shipped with the app, read once. */
    public static MedicalVocabulary standard() {
        return STANDARD;
    }

    /**
     * Reads {@code clinical | lay} lines; blank lines and lines starting with {@code #} are skipped, and a
     * line without exactly one {@code |} and text on both sides is refused with its number, so a broken
     * edit of the file fails the build's tests rather than silently dropping terms.
     */
    public static MedicalVocabulary parse(Reader source) throws IOException {
        List<Term> terms = new ArrayList<>();
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] parts = content.split("\\|", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        "Line " + number + " of the medical vocabulary is not 'clinical term | lay term': " + content);
            }
            terms.add(new Term(normalize(parts[0]), normalize(parts[1])));
        }
        return new MedicalVocabulary(terms);
    }

    /** The terms, longest clinical term first. */
    public List<Term> terms() {
        return terms;
    }

    private static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static MedicalVocabulary load() {
        try (InputStream in = MedicalVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
