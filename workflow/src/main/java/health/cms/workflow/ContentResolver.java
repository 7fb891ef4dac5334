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

/** Checks an {@link ArticleInput} field by field and turns its slugs into the records they name. */
@ApplicationScoped
public class ContentResolver {

    static final int TITLE_MAX = 300;
    static final int SUMMARY_MAX = 2_000;
    static final int BODY_MAX = MarkdownRenderer.MAX_BODY_CHARS;

    /** How many of a body's refused images the message names, and how much of each address. */
    private static final int IMAGES_NAMED = 3;
    private static final int IMAGE_URL_SHOWN = 200;

    private final CategoryRepository categories;
    private final TagRepository tags;
    private final ProfileRepository profiles;
    private final MarkdownRenderer renderer;

    ContentResolver(CategoryRepository categories, TagRepository tags, ProfileRepository profiles,
            MarkdownRenderer renderer) {
        this.categories = categories;
        this.tags = tags;
        this.profiles = profiles;
        this.renderer = renderer;
    }

    /** Resolves the input or throws one {@link Refusal} listing every bad field. */
    public RevisionContent resolve(ArticleInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        requireText(errors, "title", input.title(), TITLE_MAX);
        requireText(errors, "summary", input.summary(), SUMMARY_MAX);
        if (input.body() != null && input.body().length() > BODY_MAX) {
            errors.put("body", "must be at most " + BODY_MAX + " characters");
        } else {
            imageProblem(input.body()).ifPresent(problem -> errors.put("body", problem));
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
                input.body() == null ? "" : input.body(), category, authors, Set.copyOf(tagList), references, input.seo());
    }

    /**
     * Refuses every image until the media library exists: the sanitizer shows none (a remote picture could
     * be swapped after sign-off and tracks every reader), and refusing here, on every path that saves, means
     * the text is never silently changed at publication. Own media will pass here by their hash-bound URL.
     */
    private Optional<String> imageProblem(String body) {
        List<String> images = renderer.images(body);
        if (images.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = images.stream().limit(IMAGES_NAMED)
                .map(src -> src.isEmpty()
                        ? "(no address)"
                        : "'" + (src.length() > IMAGE_URL_SHOWN ? src.substring(0, IMAGE_URL_SHOWN) + "..." : src) + "'")
                .toList();
        return Optional.of("may not show images from other hosts (only our own media will be allowed): "
                + String.join(", ", named) + (images.size() > IMAGES_NAMED
                        ? " and " + (images.size() - IMAGES_NAMED)
                                + " more"
                        : ""));
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
