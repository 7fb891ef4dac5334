package health.cms.admin.search;

/**
 * The audited changes to the search vocabulary. Each value is stored as written and hashed into the audit
 * chain, so it never changes once released, and none may equal a workflow action's value.
 */
public enum VocabularyAction {

    ADD_GROUP("add-search-vocabulary-group");

    private final String value;

    VocabularyAction(String value) {
        this.value = value;
    }

    /** The value stored in the audit trail. */
    public String value() {
        return value;
    }
}
