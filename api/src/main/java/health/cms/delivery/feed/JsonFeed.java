package health.cms.delivery.feed;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A JSON Feed 1.1 document (jsonfeed.org); its items are articles or corrections. */
record JsonFeed(String version, String title, String language, List<?> items) {

    static JsonFeed of(String title, String language, List<?> items) {
        return new JsonFeed("https://jsonfeed.org/version/1.1", title, language, items);
    }

    /** A live article: text only, never HTML, so feed readers have nothing to sanitize. */
    record ArticleItem(String id, String url, String title, String summary,
            @JsonProperty("date_published") String datePublished, @JsonProperty("date_modified") String dateModified,
            List<Author> authors, List<String> tags) {
    }

    /** An author's display name. */
    record Author(String name) {
    }

    /** A published correction, its note as text. */
    record CorrectionItem(String id, String url, String title, @JsonProperty("content_text") String contentText,
            @JsonProperty("date_published") String datePublished) {
    }
}
