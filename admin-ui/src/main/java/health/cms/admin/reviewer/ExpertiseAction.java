package health.cms.admin.reviewer;

/**
 * The audited changes a reviewer makes to their own expertise. Each value is stored as written and hashed
 * into the audit chain, so it never changes once released.
 */
public enum ExpertiseAction {

    // @formatter:off
    KEEP_EXPERTISE(        "keep-expertise"),
    DECLARE_INTEREST(      "declare-interest"),
    WITHDRAW_DECLARATION(  "withdraw-declaration");
    // @formatter:on

    private final String value;

    ExpertiseAction(String value) {
        this.value = value;
    }

    /** The value stored in the audit trail, e.g. {@code declare-interest}. */
    public String value() {
        return value;
    }
}
