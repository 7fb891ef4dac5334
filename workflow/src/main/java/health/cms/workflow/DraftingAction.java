package health.cms.workflow;

/**
 * The audited changes that are not transitions of {@link EditorialAction}'s table: writing drafts, the
 * desk's bookkeeping, planning an unpublication for later, moving a planned publication or unpublication to
 * another time, the review conversation (comments, replies, resolutions), and translations (starting one, and
 * flagging one outdated when its source changed).
 */
public enum DraftingAction implements AuditedAction {

    // @formatter:off
    CREATE(             "create"),
    EDIT(               "edit"),
    RENAME_SLUG(        "rename-slug"),
    ASSIGN_REVIEWER(    "assign-reviewer"),
    SCHEDULE_UNPUBLISH( "schedule-unpublish"),
    COMMENT(            "comment"),
    REPLY(              "reply"),
    RESOLVE_COMMENT(    "resolve-comment"),
    RESCHEDULE(         "reschedule"),
    TRANSLATE(          "translate"),
    SOURCE_CHANGED(     "source-changed");
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
