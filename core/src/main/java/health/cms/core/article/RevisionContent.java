package health.cms.core.article;

import java.util.List;
import java.util.Set;

import health.cms.core.profile.Profile;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.Tag;

/** Everything a reader sees of one revision: the input to a new revision and to its content hash. */
public record RevisionContent(
        String title,
        String summary,
        String bodyMarkdown,
        Category category,
        List<Profile> authors,
        Set<Tag> tags,
        List<Reference> references) {

    public RevisionContent {
        authors = List.copyOf(authors);
        tags = Set.copyOf(tags);
        references = List.copyOf(references);
    }
}
