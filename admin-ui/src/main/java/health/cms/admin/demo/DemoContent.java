package health.cms.admin.demo;

import java.util.List;

import health.cms.workflow.ArticleInput;

/** The shape of {@code demo/demo-content.json}. */
record DemoContent(List<CategoryData> categories, List<TagData> tags, List<ProfileData> profiles,
        List<ArticleData> articles) {

    record CategoryData(String slug, String name, String description, int reviewIntervalMonths) {
    }

    record TagData(String slug, String name) {
    }

    record ProfileData(String slug, String displayName, String credentials, String bio, String website,
            String avatarUrl, List<String> specialties, String keycloakUser, boolean author, boolean reviewer) {
    }

    record ArticleData(String slug, String category, List<String> tags, List<String> authors, String writtenBy,
            String reviewedBy, String title, String summary, String body, String changeNote,
            List<ArticleInput.ReferenceInput> references) {

        ArticleInput input() {
            return new ArticleInput(slug, title, summary, body, category, authors, tags, references, changeNote);
        }
    }
}
