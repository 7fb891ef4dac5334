package health.cms.core.article;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a revision appears outside our pages: its title and description in search results, its canonical
 * address, the image of its social card and whether search engines may index it. Every field is optional;
 * blank means "use the article's own title and lead" or "none".
 */
public record SearchAppearance(
        String metaTitle,
        String metaDescription,
        String canonicalUrl,
        String socialImageUrl,
        boolean noindex) {

    /** What search engines show of a title before cutting it (about 600 pixels): guidance, not a limit. */
    public static final int META_TITLE_GUIDE = 60;
    /** What search engines show of a description before cutting it: guidance, not a limit. */
    public static final int META_DESCRIPTION_GUIDE = 155;
    public static final int META_TITLE_MAX = 300;
    public static final int META_DESCRIPTION_MAX = 1_000;
    public static final int URL_MAX = 1_000;

    /** No field set: the article appears under its own title and lead, indexable. */
    public static final SearchAppearance NONE = new SearchAppearance(null, null, null, null, false);

    /** The revision columns {@link #read} expects, in its order. */
    public static final String COLUMNS = "meta_title, meta_description, canonical_url, social_image_url, noindex";

    public SearchAppearance {
        metaTitle = blankToNull(metaTitle);
        metaDescription = blankToNull(metaDescription);
        canonicalUrl = blankToNull(canonicalUrl);
        socialImageUrl = blankToNull(socialImageUrl);
    }

    /** The fields from {@link #COLUMNS} starting at column {@code first} of a row. */
    public static SearchAppearance read(ResultSet rs, int first) throws SQLException {
        return new SearchAppearance(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getBoolean(first + 4));
    }

    /** The title a search result shows: the meta title, or the article's own. */
    public String titleOr(String articleTitle) {
        return metaTitle == null ? articleTitle : metaTitle;
    }

    /** The description a search result shows: the meta description, or the article's lead. */
    public String descriptionOr(String lead) {
        return metaDescription == null ? lead : metaDescription;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
