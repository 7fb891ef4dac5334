package health.cms.admin.demo;

import java.util.List;
import java.util.Map;

import health.cms.workflow.ArticleInput;

/** The shape of {@code demo/demo-content.json}. */
record DemoContent(List<CategoryData> categories, List<TagData> tags, List<ProfileData> profiles,
        List<ArticleData> articles, List<TranslationData> translations, List<SourceUpdate> sourceUpdates) {

    DemoContent {
        translations = translations == null ? List.of() : translations;
        sourceUpdates = sourceUpdates == null ? List.of() : sourceUpdates;
    }

    /** A category, with its names in other locales ({@code names}, by locale; may be absent). */
    record CategoryData(String slug, String name, String description, int reviewIntervalMonths,
            Map<String, String> names) {

        CategoryData {
            names = names == null ? Map.of() : names;
        }
    }

    record TagData(String slug, String name, Map<String, String> names) {

        TagData {
            names = names == null ? Map.of() : names;
        }
    }

    record ProfileData(String slug, String displayName, String credentials, String bio, String website,
            String avatarUrl, List<String> specialties, String keycloakUser, boolean author, boolean reviewer,
            List<String> languages) {
    }

    record ArticleData(String slug, String category, List<String> tags, List<String> authors, String writtenBy,
            String reviewedBy, String title, String summary, String body, String changeNote,
            List<ArticleInput.ReferenceInput> references) {

        ArticleInput input() {
            return new ArticleInput(slug, title, summary, body, category, authors, tags, references, changeNote);
        }

        /** The same article with another text (a translation, or the source's later version). */
        ArticleInput input(String otherSlug, String otherTitle, String otherSummary, String otherBody, String note) {
            return new ArticleInput(otherSlug, otherTitle, otherSummary, otherBody, category, authors, tags, references,
                    note);
        }
    }

    /** A translation we wrote of one of the articles; byline, category, tags and references are its source's. */
    record TranslationData(String source, String locale, String slug, String writtenBy, String reviewedBy, String title,
            String summary, String body, String changeNote) {
    }

    /** A later change to a source's live text ({@code find} replaced), approved with its change class. */
    record SourceUpdate(String source, String writtenBy, String reviewedBy, String find, String replace,
            String changeClass, String note, String changeNote) {
    }
}
