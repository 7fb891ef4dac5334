package health.cms.admin.article;

import health.cms.core.article.SearchAppearance;

/**
 * How the article in the form would look as a search result and as a social card: the meta fields or the
 * article's own title and lead, cut where search engines cut them, with the lengths against the guidance.
 */
public record SearchSnippet(
        String title,
        String description,
        String address,
        String imageUrl,
        boolean noindex,
        int titleLength,
        int descriptionLength) {

    public static final int TITLE_GUIDE = SearchAppearance.META_TITLE_GUIDE;
    public static final int DESCRIPTION_GUIDE = SearchAppearance.META_DESCRIPTION_GUIDE;

    static SearchSnippet of(SearchAppearance seo, String title, String lead, String slug) {
        String shownTitle = seo.titleOr(title == null ? "" : title.strip());
        String shownDescription = seo.descriptionOr(lead == null ? "" : lead.strip());
        String address = seo.canonicalUrl() != null
                ? seo.canonicalUrl()
                : "your-site.example/" + (slug == null || slug.isBlank() ? "…" : slug);
        return new SearchSnippet(cut(shownTitle, TITLE_GUIDE), cut(shownDescription, DESCRIPTION_GUIDE), address,
                seo.socialImageUrl(), seo.noindex(), shownTitle.length(), shownDescription.length());
    }

    public int titleGuide() {
        return TITLE_GUIDE;
    }

    public int descriptionGuide() {
        return DESCRIPTION_GUIDE;
    }

    public boolean titleTooLong() {
        return titleLength > TITLE_GUIDE;
    }

    public boolean descriptionTooLong() {
        return descriptionLength > DESCRIPTION_GUIDE;
    }

    /** Only https images load in the desk (its content policy), as on most social networks. */
    public boolean showsImage() {
        return imageUrl != null && imageUrl.startsWith("https://");
    }

    /** Cut at the last word that fits, with an ellipsis, as a search result shows a long title. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max - 1);
        return text.substring(0, space > max / 2 ? space : max - 1).strip() + "…";
    }
}
