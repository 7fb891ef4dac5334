package health.cms.admin.share;

/** The audited changes to preview links; each value is hashed into the audit chain, so it never changes once released. */
public enum ShareLinkAction {

    // @formatter:off
    CREATE_SHARE_LINK( "create-share-link"),
    REVOKE_SHARE_LINK( "revoke-share-link");
    // @formatter:on

    private final String value;

    ShareLinkAction(String value) {
        this.value = value;
    }

    /** The value stored in the audit trail, e.g. {@code revoke-share-link}. */
    public String value() {
        return value;
    }
}
