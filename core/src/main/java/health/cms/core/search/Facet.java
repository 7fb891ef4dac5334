package health.cms.core.search;

import java.util.Locale;

/** A keyword dimension of a search document that results can be filtered by and counted on. */
public enum Facet {

    CATEGORY, TAG, AUTHOR, REVIEWER, STATUS, ASSIGNED_REVIEWER;

    /** The name of the Lucene field (and of the query parameter and JSON key, in camel case). */
    public String field() {
        return "f_" + name().toLowerCase(Locale.ROOT);
    }
}
