package health.cms.core.search;

import java.util.Locale;

/** A point in time of a search document that results can be filtered by (ranges) and counted on. */
public enum DateField {

    REVIEWED_AT, UPDATED_AT, REVIEW_DUE;

    String field() {
        return "d_" + name().toLowerCase(Locale.ROOT);
    }
}
