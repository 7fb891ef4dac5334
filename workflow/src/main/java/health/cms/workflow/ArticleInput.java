package health.cms.workflow;

import java.util.List;

import health.cms.core.article.Revision;
import health.cms.core.article.SearchAppearance;
import health.cms.core.profile.Profile;
import health.cms.core.taxonomy.Tag;

/**
 * What a writer submits when creating or editing an article: slugs refer to existing records; {@code seo}
 * is how the article appears in search results and social shares (optional); {@code leadImage} is the SHA-256
 * of a media library asset shown above the article (optional).
 */
public record ArticleInput(
        String slug,
        String title,
        String summary,
        String body,
        String category,
        List<String> authors,
        List<String> tags,
        List<ReferenceInput> references,
        String changeNote,
        SearchAppearance seo,
        String leadImage) {

    public ArticleInput {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        references = references == null ? List.of() : List.copyOf(references);
        seo = seo == null ? SearchAppearance.NONE : seo;
    }

    /** Input without a lead image. */
    public ArticleInput(String slug, String title, String summary, String body, String category, List<String> authors,
            List<String> tags, List<ReferenceInput> references, String changeNote, SearchAppearance seo) {
        this(slug, title, summary, body, category, authors, tags, references, changeNote, seo, null);
    }

    /** Input without search or social fields. */
    public ArticleInput(String slug, String title, String summary, String body, String category, List<String> authors,
            List<String> tags, List<ReferenceInput> references, String changeNote) {
        this(slug, title, summary, body, category, authors, tags, references, changeNote, SearchAppearance.NONE);
    }

    /** A revision's content as input under another slug and title (a translation starts as its source's text). */
    public static ArticleInput copyOf(Revision revision, String slug, String title, String changeNote) {
        return new ArticleInput(slug, title, revision.summary(), revision.bodyMarkdown(), revision.category().slug(),
                revision.authors().stream().map(Profile::slug).toList(), revision.tags().stream().map(Tag::slug).toList(),
                revision.references().stream()
                        .map(r -> new ReferenceInput(r.citation(), r.authors(), r.title(), r.source(),
                                r.year() == null ? null : String.valueOf(r.year()), r.doi(), r.pmid(), r.url()))
                        .toList(),
                changeNote, revision.appearance());
    }

    /**
     * One structured citation: its text, or the parts it is composed from (authors, title, journal or other
     * source, year), and its identifiers. The year is text so a typed "2O21" gets a message, not a parse error.
     */
    public record ReferenceInput(String citation, String authors, String title, String source, String year, String doi,
            String pmid, String url) {

        /** A citation given as text only. */
        public ReferenceInput(String citation, String doi, String pmid, String url) {
            this(citation, null, null, null, null, doi, pmid, url);
        }
    }
}
