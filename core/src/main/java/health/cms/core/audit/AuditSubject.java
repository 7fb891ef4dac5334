package health.cms.core.audit;

/**
 * What an audit event that is not about an article changed: a catalog record, named by its slug (or another
 * record, by its id). Each value
 * is stored and hashed as written, so it never changes once released.
 */
public enum AuditSubject {

    // @formatter:off
    PROFILE(  "profile"),
    CATEGORY( "category"),
    TAG(      "tag"),
    /** A group of the search vocabulary, named by its id. */
    SEARCH_VOCABULARY("search-vocabulary"),
    API_KEY(  "api-key"),
    /** An image of the media library, named by its id. */
    MEDIA_ASSET("media-asset"),
    /** A preview link to an article's working revision, named by its id. */
    SHARE_LINK("share-link");
    // @formatter:on

    private final String value;

    AuditSubject(String value) {
        this.value = value;
    }

    /** The value stored in {@code audit_event.subject_type}. */
    public String value() {
        return value;
    }
}
