package health.cms.core.article;

import java.util.List;
import java.util.Set;

import health.cms.core.profile.Profile;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.Tag;

/**
 * Everything a reader sees of one revision, and how it appears in search results and social shares: the
 * input to a new revision and to its content hash. {@code images} are the library's assets it shows (body
 * images in order of first use, then the lead image) with their description as saved; {@code leadImage} is
 * the hash of one of them, or null.
 */
public record RevisionContent(
        String title,
        String summary,
        String bodyMarkdown,
        Category category,
        List<Profile> authors,
        Set<Tag> tags,
        List<Reference> references,
        SearchAppearance appearance,
        List<RevisionImage> images,
        String leadImage) {

    public RevisionContent {
        authors = List.copyOf(authors);
        tags = Set.copyOf(tags);
        references = List.copyOf(references);
        appearance = appearance == null ? SearchAppearance.NONE : appearance;
        images = images == null ? List.of() : List.copyOf(images);
        if (leadImage != null && images.stream().noneMatch(image -> image.sha256().equals(leadImage))) {
            throw new IllegalArgumentException("The lead image must be among the revision's images");
        }
    }

    /** Content without images: the body shows none and there is no lead image. */
    public RevisionContent(String title, String summary, String bodyMarkdown, Category category, List<Profile> authors,
            Set<Tag> tags, List<Reference> references, SearchAppearance appearance) {
        this(title, summary, bodyMarkdown, category, authors, tags, references, appearance, List.of(), null);
    }

    /** Content without search or social fields of its own. */
    public RevisionContent(String title, String summary, String bodyMarkdown, Category category, List<Profile> authors,
            Set<Tag> tags, List<Reference> references) {
        this(title, summary, bodyMarkdown, category, authors, tags, references, SearchAppearance.NONE);
    }
}
