package health.cms.workflow;

/**
 * The audited changes that are not transitions of {@link EditorialAction}'s table: writing drafts, the
 * desk's bookkeeping, and planning an unpublication for later.
 */
public enum DraftingAction implements AuditedAction {

    // @formatter:off
    CREATE(             "create"),
    EDIT(               "edit"),
    RENAME_SLUG(        "rename-slug"),
    ASSIGN_REVIEWER(    "assign-reviewer"),
    SCHEDULE_UNPUBLISH( "schedule-unpublish");
    // @formatter:on

    private final String value;

    DraftingAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
