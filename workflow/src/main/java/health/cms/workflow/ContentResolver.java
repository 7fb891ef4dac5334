package health.cms.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Reference;
import health.cms.core.article.RevisionContent;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.slug.Slugs;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.workflow.media.ArticleImages;

/** Checks an {@link ArticleInput} field by field and turns its slugs into the records they name. */
@ApplicationScoped
public class ContentResolver {

    static final int TITLE_MAX = 300;
    static final int SUMMARY_MAX = 2_000;
    static final int BODY_MAX = MarkdownRenderer.MAX_BODY_CHARS;

    private final CategoryRepository categories;
    private final TagRepository tags;
    private final ProfileRepository profiles;
    private final ArticleImages images;

    ContentResolver(CategoryRepository categories, TagRepository tags, ProfileRepository profiles,
            ArticleImages images) {
        this.categories = categories;
        this.tags = tags;
        this.profiles = profiles;
        this.images = images;
    }

    /** Resolves the input or throws one {@link Refusal} listing every bad field. */
    public RevisionContent resolve(ArticleInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        requireText(errors, "title", input.title(), TITLE_MAX);
        requireText(errors, "summary", input.summary(), SUMMARY_MAX);
        ArticleImages.Resolved pictures = new ArticleImages.Resolved(List.of(), null, Map.of());
        if (input.body() != null && input.body().length() > BODY_MAX) {
            errors.put("body", "must be at most " + BODY_MAX + " characters");
        } else {
            pictures = images.resolve(input.body(), input.leadImage());
            errors.putAll(pictures.errors());
        }
        Category category = null;
        if (isBlank(input.category())) {
            errors.put("category", "is required");
        } else {
            category = categories.findBySlug(input.category()).orElse(null);
            if (category == null) {
                errors.put("category", "unknown category '" + input.category() + "'");
            }
        }
        List<Profile> authors = resolveAll(errors, "authors", input.authors(), profiles::findBySlug, "author");
        if (input.authors().isEmpty()) {
            errors.put("authors", "at least one author is required");
        } else if (new HashSet<>(input.authors()).size() != input.authors().size()) {
            errors.put("authors", "an author is listed twice");
        } else {
            // The byline is signed with the text: only people the desk has made authors may stand in it.
            authors.stream().filter(author -> !author.isAuthor()).findFirst()
                    .ifPresent(author -> errors.put("authors", "'" + author.slug()
                            + "' is not marked as an author in the catalog, so it cannot be in a byline"));
        }
        List<Tag> tagList = resolveAll(errors, "tags", input.tags(), tags::findBySlug, "tag");
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < input.references().size(); i++) {
            ReferenceRules.check(errors, i, input.references().get(i)).ifPresent(references::add);
        }
        ReferenceRules.check(errors, input.seo());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new RevisionContent(input.title().strip(), input.summary().strip(),
                input.body() == null ? "" : input.body(), category, authors, Set.copyOf(tagList), references, input.seo(),
                pictures.images(), pictures.leadImage());
    }

    /** Checks a slug for a new article; uniqueness is the caller's check. */
    public static Optional<String> slugProblem(String slug) {
        if (isBlank(slug)) {
            return Optional.of("is required");
        }
        return Slugs.isValid(slug)
                ? Optional.empty()
                : Optional.of("must be lowercase letters, digits and single hyphens, at most " + Slugs.MAX_LENGTH);
    }

    private static <T> List<T> resolveAll(Map<String, String> errors, String field, List<String> slugs,
            java.util.function.Function<String, Optional<T>> finder, String what) {
        List<T> found = new ArrayList<>();
        for (String slug : slugs) {
            Optional<T> item = slug == null ? Optional.empty() : finder.apply(slug);
            if (item.isEmpty()) {
                errors.put(field, "unknown " + what + " '" + slug + "'");
            } else {
                found.add(item.get());
            }
        }
        return found;
    }

    private static void requireText(Map<String, String> errors, String field, String value, int max) {
        if (isBlank(value)) {
            errors.put(field, "is required");
        } else if (value.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
    }

    private static boolean longerThan(String value, int max) {
        return value != null && value.strip().length() > max;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
