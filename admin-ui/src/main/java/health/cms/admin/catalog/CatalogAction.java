package health.cms.admin.catalog;

/**
 * The audited changes to the catalog: categories, tags and author/reviewer profiles. Each value is stored
 * as written and hashed into the audit chain, so it never changes once released, and none may equal a
 * workflow action's value (a test checks).
 */
public enum CatalogAction {

    // @formatter:off
    CREATE_CATEGORY( "create-category"),
    UPDATE_CATEGORY( "update-category"),
    DELETE_CATEGORY( "delete-category"),
    /** Its names (and slugs) in the other locales changed. */
    NAME_CATEGORY(   "name-category"),
    CREATE_TAG(      "create-tag"),
    RENAME_TAG(      "rename-tag"),
    DELETE_TAG(      "delete-tag"),
    NAME_TAG(        "name-tag"),
    CREATE_PROFILE(  "create-profile"),
    UPDATE_PROFILE(  "update-profile"),
    /** The profile's sign-in account changed: whoever signs in as the new user signs off as this person. */
    RELINK_PROFILE(  "relink-profile"),
    DELETE_PROFILE(  "delete-profile");
    // @formatter:on

    private final String value;

    CatalogAction(String value) {
        this.value = value;
    }

    /** The value stored in the audit trail, e.g. {@code relink-profile}. */
    public String value() {
        return value;
    }
}
