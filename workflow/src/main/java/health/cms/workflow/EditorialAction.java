package health.cms.workflow;

import static health.cms.core.article.ArticleStatus.DRAFT;
import static health.cms.core.article.ArticleStatus.MEDICAL_REVIEW;
import static health.cms.core.article.ArticleStatus.PUBLISHED;
import static health.cms.core.article.ArticleStatus.SCHEDULED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import health.cms.core.article.ArticleStatus;

/**
 * The table of editorial actions: from which states, by which role, to which state. The service
 * applies these and the admin UI renders its buttons from them, so rules and UI cannot drift.
 *
 * <pre>
 *    draft --submit--> medical-review --approve--> published
 *      ^ <--request-changes--'  '--withdraw-->draft    |
 *      |                 '--approve(at)--> scheduled --publish-due--> published
 *      '<------------------------unpublish-------------'
 * </pre>
 *
 * Recertify keeps an unchanged live revision live with a new review date; unpublish and recertify
 * also apply to a live article whose next revision is still being worked on (its status is then
 * that of the working revision).
 */
public enum EditorialAction {

    SUBMIT("submit", EnumSet.of(DRAFT), MEDICAL_REVIEW, Role.WRITER, false), WITHDRAW("withdraw", EnumSet.of(MEDICAL_REVIEW),
            DRAFT, Role.WRITER,
            false), REQUEST_CHANGES("request-changes", EnumSet.of(MEDICAL_REVIEW), DRAFT, Role.MEDICAL_REVIEWER, true), APPROVE(
                    "approve", EnumSet.of(MEDICAL_REVIEW), PUBLISHED, Role.MEDICAL_REVIEWER,
                    false), CANCEL_SCHEDULE("cancel-schedule", EnumSet.of(SCHEDULED), DRAFT, Role.EDITOR, false), PUBLISH_DUE(
                            "publish-due", EnumSet.of(SCHEDULED), PUBLISHED, Role.SYSTEM, false), UNPUBLISH("unpublish",
                                    EnumSet.allOf(ArticleStatus.class), DRAFT, Role.EDITOR, false), RECERTIFY("recertify",
                                            EnumSet.allOf(ArticleStatus.class), null, Role.MEDICAL_REVIEWER, false);

    private final String value;
    private final Set<ArticleStatus> from;
    private final ArticleStatus to;
    private final Role role;
    private final boolean commentRequired;

    EditorialAction(String value, Set<ArticleStatus> from, ArticleStatus to, Role role, boolean commentRequired) {
        this.value = value;
        this.from = from;
        this.to = to;
        this.role = role;
        this.commentRequired = commentRequired;
    }

    public String value() {
        return value;
    }

    public Set<ArticleStatus> from() {
        return from;
    }

    /** The state after the action, or null when the action keeps the state (recertify). */
    public ArticleStatus to() {
        return to;
    }

    public Role role() {
        return role;
    }

    public boolean commentRequired() {
        return commentRequired;
    }

    /** Unpublish and recertify act on the live revision, so they need one. */
    public boolean needsLiveRevision() {
        return this == UNPUBLISH || this == RECERTIFY;
    }

    /** True when the action is allowed from this state (ignoring who asks). */
    public boolean allowedFrom(ArticleStatus status, boolean live) {
        return from.contains(status) && (!needsLiveRevision() || live);
    }

    /** True when someone with these roles may use this action (before per-article checks). */
    public boolean allowedFor(Actor actor) {
        return actor.has(role);
    }

    /** Actions a person may click for an article in this state: the admin UI renders exactly these. */
    public static Set<EditorialAction> available(ArticleStatus status, boolean live, Actor actor) {
        Set<EditorialAction> actions = EnumSet.noneOf(EditorialAction.class);
        for (EditorialAction action : values()) {
            if (action.role != Role.SYSTEM && action.allowedFrom(status, live) && action.allowedFor(actor)) {
                actions.add(action);
            }
        }
        return actions;
    }

    public static Optional<EditorialAction> fromValue(String value) {
        return Arrays.stream(values()).filter(a -> a.value.equals(value)).findFirst();
    }
}
