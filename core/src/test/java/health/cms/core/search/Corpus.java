package health.cms.core.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fixed corpus of the relevance test set, read from {@code search/relevance-corpus.txt}. */
final class Corpus {

    private Corpus() {
    }

    static List<SearchDocument> documents() throws IOException {
        List<String> lines = lines("/search/relevance-corpus.txt");
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i + 2 < lines.size(); i += 3) {
            String[] head = lines.get(i).split(" \\| ");
            documents.add(document(documents.size() + 1, head[0], head[1], lines.get(i + 1), lines.get(i + 2), head[2],
                    List.of(head[3].split(";")), head[4]));
        }
        return documents;
    }

    static SearchDocument document(long id, String slug, String title, String summary, String body, String category,
            List<String> tags, String author) {
        return new SearchDocument(id, slug,
                new SearchDocument.Text(title, summary, List.of(), body, tags, category, List.of(author.replace('-', ' '))),
                Map.of(Facet.CATEGORY, List.of(new SearchDocument.Label(category, category)), Facet.TAG,
                        tags.stream().map(t -> new SearchDocument.Label(t, t)).toList(), Facet.AUTHOR,
                        List.of(new SearchDocument.Label(author, author.replace('-', ' ')))),
                Map.of(DateField.REVIEWED_AT, Instant.parse("2026-01-01T00:00:00Z").minusSeconds(86_400L * 30 * id)),
                slug);
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
