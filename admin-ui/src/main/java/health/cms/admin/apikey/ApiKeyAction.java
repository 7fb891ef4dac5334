package health.cms.admin.apikey;

/** The audited changes to API keys; each value is hashed into the audit chain, so it never changes once released. */
public enum ApiKeyAction {

    // @formatter:off
    CREATE_API_KEY( "create-api-key"),
    ROTATE_API_KEY( "rotate-api-key"),
    REVOKE_API_KEY( "revoke-api-key");
    // @formatter:on

    private final String value;

    ApiKeyAction(String value) {
        this.value = value;
    }

    /** The value stored in the audit trail, e.g. {@code revoke-api-key}. */
    public String value() {
        return value;
    }
}
