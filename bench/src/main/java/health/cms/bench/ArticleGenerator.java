package health.cms.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic consumer-health articles for benchmarks: the same seed gives the same articles, each with a lead,
 * several sections under headings and a body of roughly the requested size.
 *
 * The words follow the shape of real text, so that a search benchmark sees what a real index holds: everyday
 * words drawn by a Zipf law (a few very common, most rare), and each article about one condition of the medical
 * vocabulary (with two neighbours of its section), whose terms stand in that article and not in the others. A
 * common word ("treatment") is then in most articles, a condition ("psoriasis") in about one in a hundred.
 */
public final class ArticleGenerator {

    private static final String[] HEADINGS = {"What is it?", "Symptoms", "Causes and risk factors",
            "Diagnosis", "Treatment", "Living with it", "When to see a doctor"};
    /** Everyday and general health words, most common first. */
    private static final String[] WORDS = ("""
            the of and to a in is it you that for with can be are or your this as on may not have if by some
            more at from they it's about which when an most people than other also there their who will do these
            treatment symptoms doctor help often body can't usually time years many such how one any but should
            health pain risk what may get need take over day common after before without medicine blood during
            two care much very each make life well used use condition feel found less change part first long
            patients dose daily weeks months pressure tablet cream inflammation sleep exercise diet guideline
            trial evidence severe mild rare children adults older pregnancy nurse pharmacist clinic hospital
            test result follow-up infection immune chronic acute relief side effects benefit advice support
            family home early signs cause causes treated diagnosis problem problems skin water food weight
            heart lungs brain muscles joints bones liver kidneys stomach eyes ears back legs arms chest head
            new good better worse high low normal healthy safe serious important possible likely lower higher
            reduce increase check talk ask tell know find keep stop start try avoid eat drink walk rest
            specialist surgeon therapist appointment referral prescription medication medicines tablets
            injection treatments therapy therapies option options plan research study studies review reviewed
            group age women men child baby babies school work stress mood energy fatigue tired fever cough
            rash itching swelling stiffness weakness dizziness nausea breath breathing heartbeat appetite
            vitamin minerals fibre sugar salt alcohol smoking caffeine fruit vegetables protein fat calories
            hours minutes morning night week month year years' daily routine habits lifestyle activity active
            recovery healing surgery operation procedure scan x-ray ultrasound sample samples level levels
            amount amounts small large short longer term lasting quickly slowly gradually suddenly sometimes
            rarely always never usually mainly mostly partly fully completely generally especially
            """).strip().split("\\s+");
    private static final double[] WORD_CUMULATIVE = zipf(WORDS.length);
    /** The medical vocabulary's groups, each with the index of the first group of its section. */
    private static final List<Group> GROUPS = groups();

    private record Group(String[] terms, int sectionStart, int sectionEnd) {
    }

    private final Random random;
    private final int bodyBytes;

    public ArticleGenerator(long seed, int bodyBytes) {
        this.random = new Random(seed);
        this.bodyBytes = bodyBytes;
    }

    /** One article as the management API and the JSON Lines import expect it. */
    public Map<String, Object> article(String slug, String category, String author) {
        int main = random.nextInt(GROUPS.size());
        Group group = GROUPS.get(main);
        String[][] topic = {group.terms(), neighbour(group).terms(), neighbour(group).terms()};
        StringBuilder body = new StringBuilder();
        int section = 0;
        while (body.length() < bodyBytes) {
            body.append("## ").append(HEADINGS[section++ % HEADINGS.length]).append("\n\n");
            body.append(paragraph(60 + random.nextInt(60), topic)).append("\n\n");
            if (section % 3 == 0) {
                body.append("- ").append(sentence(8, topic)).append("\n- ").append(sentence(10, topic)).append("\n\n");
            }
        }
        String name = group.terms()[0];
        List<Map<String, String>> references = new ArrayList<>();
        references.add(Map.of("citation", "Example A, Sample B. A review of " + name + ". J Example Med. 2021;"
                + (10 + random.nextInt(40)) + ":" + random.nextInt(900) + "."));
        return Map.of("slug", slug, "title", "Understanding " + name + " (" + slug + ")",
                "summary", sentence(25, topic), "body", body.toString(), "category", category,
                "authors", List.of(author), "tags", List.of(), "references", references);
    }

    private Group neighbour(Group group) {
        return GROUPS.get(group.sectionStart() + random.nextInt(group.sectionEnd() - group.sectionStart()));
    }

    private String paragraph(int words, String[][] topic) {
        StringBuilder text = new StringBuilder();
        while (words > 0) {
            int n = Math.min(words, 8 + random.nextInt(10));
            text.append(sentence(n, topic)).append(' ');
            words -= n;
        }
        return text.toString().strip();
    }

    private String sentence(int words, String[][] topic) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = word(topic);
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            if (random.nextInt(12) == 0) {
                text.append(' ').append(1 + random.nextInt(500)).append(" mg");
            }
            text.append(i == words - 1 ? "." : " ");
        }
        return text.toString();
    }

    /** One word in ten is a term of the article's condition (most often its own), the others everyday words. */
    private String word(String[][] topic) {
        if (random.nextInt(10) == 0) {
            String[] terms = topic[random.nextInt(5) < 3 ? 0 : 1 + random.nextInt(2)];
            return terms[random.nextInt(terms.length)];
        }
        int at = Arrays.binarySearch(WORD_CUMULATIVE, random.nextDouble());
        return WORDS[Math.min(WORDS.length - 1, at < 0 ? -at - 1 : at)];
    }

    /** The cumulative probabilities of ranks 1..n under Zipf's law (exponent 1). */
    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    /** The groups of core's medical vocabulary; a comment line starts a new section. */
    private static List<Group> groups() {
        List<String[]> terms = new ArrayList<>();
        List<Integer> sections = new ArrayList<>();
        var stream = ArticleGenerator.class.getResourceAsStream("/search/medical-vocabulary.txt");
        if (stream == null) {
            throw new IllegalStateException("core's search/medical-vocabulary.txt is not on the class path");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("#")) {
                    sections.add(terms.size());
                } else if (!line.isBlank()) {
                    terms.add(Arrays.stream(line.split(",")).map(String::strip).toArray(String[]::new));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sections.add(terms.size());
        List<Group> groups = new ArrayList<>();
        for (int s = 0; s < sections.size() - 1; s++) {
            for (int g = sections.get(s); g < sections.get(s + 1); g++) {
                groups.add(new Group(terms.get(g), sections.get(s), sections.get(s + 1)));
            }
        }
        return List.copyOf(groups);
    }
}
