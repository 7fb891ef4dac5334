package health.cms.workflow;

import java.util.List;

/** What a writer submits when creating or editing an article: slugs refer to existing records. */
public record ArticleInput(
        String slug,
        String title,
        String summary,
        String body,
        String category,
        List<String> authors,
        List<String> tags,
        List<ReferenceInput> references,
        String changeNote) {

    public ArticleInput {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** One structured citation. */
    public record ReferenceInput(String citation, String doi, String pmid, String url) {
    }
}
