package health.cms.core.article;

import java.util.List;
import java.util.Set;

import health.cms.core.profile.Profile;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.Tag;

/**
 * Everything a reader sees of one revision, and how it appears in search results and social shares: the
 * input to a new revision and to its content hash.
 */
public record RevisionContent(
        String title,
        String summary,
        String bodyMarkdown,
        Category category,
        List<Profile> authors,
        Set<Tag> tags,
        List<Reference> references,
        SearchAppearance appearance) {

    public RevisionContent {
        authors = List.copyOf(authors);
        tags = Set.copyOf(tags);
        references = List.copyOf(references);
        appearance = appearance == null ? SearchAppearance.NONE : appearance;
    }

    /** Content without search or social fields of its own. */
    public RevisionContent(String title, String summary, String bodyMarkdown, Category category, List<Profile> authors,
            Set<Tag> tags, List<Reference> references) {
        this(title, summary, bodyMarkdown, category, authors, tags, references, SearchAppearance.NONE);
    }
}
