package health.cms.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic consumer-health articles for benchmarks: the same seed gives the same articles, each
 * with a lead, several sections under headings and a body of roughly the requested size.
 */
public final class ArticleGenerator {

    private static final String[] TOPICS = {"asthma", "eczema", "migraine", "anaemia", "gout", "shingles",
            "sinusitis", "tinnitus", "psoriasis", "insomnia", "sciatica", "rosacea"};
    private static final String[] HEADINGS = {"What is it?", "Symptoms", "Causes and risk factors",
            "Diagnosis", "Treatment", "Living with it", "When to see a doctor"};
    private static final String[] WORDS = ("patients doctor treatment symptoms dose daily weeks months risk "
            + "blood pressure medicine tablet cream inflammation pain sleep exercise diet guideline trial evidence "
            + "severe mild common rare children adults older pregnancy nurse pharmacist clinic hospital test "
            + "result follow-up infection immune chronic acute relief side effects benefit").split(" ");

    private final Random random;
    private final int bodyBytes;

    public ArticleGenerator(long seed, int bodyBytes) {
        this.random = new Random(seed);
        this.bodyBytes = bodyBytes;
    }

    /** One article as the management API and the JSON Lines import expect it. */
    public Map<String, Object> article(String slug, String category, String author) {
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        StringBuilder body = new StringBuilder();
        int section = 0;
        while (body.length() < bodyBytes) {
            body.append("## ").append(HEADINGS[section++ % HEADINGS.length]).append("\n\n");
            body.append(paragraph(60 + random.nextInt(60))).append("\n\n");
            if (section % 3 == 0) {
                body.append("- ").append(sentence(8)).append("\n- ").append(sentence(10)).append("\n\n");
            }
        }
        List<Map<String, String>> references = new ArrayList<>();
        references.add(Map.of("citation", "Example A, Sample B. A review of " + topic + ". J Example Med. 2021;"
                + (10 + random.nextInt(40)) + ":" + random.nextInt(900) + "."));
        return Map.of("slug", slug, "title", "Understanding " + topic + " (" + slug + ")",
                "summary", sentence(25), "body", body.toString(), "category", category,
                "authors", List.of(author), "tags", List.of(), "references", references);
    }

    private String paragraph(int words) {
        StringBuilder text = new StringBuilder();
        while (words > 0) {
            int n = Math.min(words, 8 + random.nextInt(10));
            text.append(sentence(n)).append(' ');
            words -= n;
        }
        return text.toString().strip();
    }

    private String sentence(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            if (random.nextInt(12) == 0) {
                text.append(' ').append(1 + random.nextInt(500)).append(" mg");
            }
            text.append(i == words - 1 ? "." : " ");
        }
        return text.toString();
    }
}
