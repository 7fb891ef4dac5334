package health.cms.delivery.store;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One live article in a list or search result. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListItem(String slug, String title, String summary, Named category, List<Named> tags,
        List<Named> authors, Instant publishedAt, Instant updatedAt, String reviewStatus, String snippet) {

    /** A slug and a display name. */
    public record Named(String slug, String name) {
    }
}
