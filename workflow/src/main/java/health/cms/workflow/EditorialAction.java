package health.cms.workflow;

import static health.cms.core.article.ArticleStatus.DRAFT;
import static health.cms.core.article.ArticleStatus.MEDICAL_REVIEW;
import static health.cms.core.article.ArticleStatus.PUBLISHED;
import static health.cms.core.article.ArticleStatus.SCHEDULED;
import static health.cms.workflow.EditorialAction.Ask.CHANGE_CLASS;
import static health.cms.workflow.EditorialAction.Ask.PUBLISH_AT;
import static health.cms.workflow.EditorialAction.Ask.REQUIRED_COMMENT;
import static health.cms.workflow.EditorialAction.Ask.UNPUBLISH_AT;
import static health.cms.workflow.Role.EDITOR;
import static health.cms.workflow.Role.MEDICAL_REVIEWER;
import static health.cms.workflow.Role.SYSTEM;
import static health.cms.workflow.Role.WRITER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import health.cms.core.article.ArticleStatus;

/**
 * The table of editorial actions: from which states, by which role, to which state, asking for what. The
 * services apply these, the audit trail records them by their value, and the desk renders its buttons
 * and texts from them, so rules, records and UI cannot drift.
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
public enum EditorialAction implements AuditedAction {

    // @formatter:off
    //               value (stored)     from                   to              role              asks
    SUBMIT(          "submit",          from(DRAFT),           MEDICAL_REVIEW, WRITER,           asks()),
    WITHDRAW(        "withdraw",        from(MEDICAL_REVIEW),  DRAFT,          WRITER,           asks()),
    REQUEST_CHANGES( "request-changes", from(MEDICAL_REVIEW),  DRAFT,          MEDICAL_REVIEWER, asks(REQUIRED_COMMENT)),
    APPROVE(         "approve",         from(MEDICAL_REVIEW),  PUBLISHED,      MEDICAL_REVIEWER, asks(PUBLISH_AT, CHANGE_CLASS)),
    CANCEL_SCHEDULE( "cancel-schedule", from(SCHEDULED),       DRAFT,          EDITOR,           asks()),
    PUBLISH_DUE(     "publish-due",     from(SCHEDULED),       PUBLISHED,      SYSTEM,           asks()),
    UNPUBLISH(       "unpublish",       anyState(),            DRAFT,          EDITOR,           asks(UNPUBLISH_AT)),
    RECERTIFY(       "recertify",       anyState(),            null,           MEDICAL_REVIEWER, asks());
    // @formatter:on

    /** What an action asks of the person beyond the optional comment that every action takes. */
    public enum Ask {
        /** A comment is required (it tells the writers what must change). */
        REQUIRED_COMMENT,
        /** An optional time to go live instead of now. */
        PUBLISH_AT,
        /** An optional time to go offline instead of now. */
        UNPUBLISH_AT,
        /** When the action replaces a live version: the class of the change and its public note. */
        CHANGE_CLASS
    }

    private final String value;
    private final Set<ArticleStatus> from;
    private final ArticleStatus to;
    private final Role role;
    private final Set<Ask> asks;

    EditorialAction(String value, Set<ArticleStatus> from, ArticleStatus to, Role role, Set<Ask> asks) {
        this.value = value;
        this.from = from;
        this.to = to;
        this.role = role;
        this.asks = asks;
    }

    private static Set<ArticleStatus> from(ArticleStatus status) {
        return EnumSet.of(status);
    }

    private static Set<ArticleStatus> anyState() {
        return EnumSet.allOf(ArticleStatus.class);
    }

    private static Set<Ask> asks(Ask... asks) {
        Set<Ask> set = EnumSet.noneOf(Ask.class);
        set.addAll(Arrays.asList(asks));
        return set;
    }

    @Override
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

    public boolean asksFor(Ask ask) {
        return asks.contains(ask);
    }

    public boolean commentRequired() {
        return asksFor(REQUIRED_COMMENT);
    }

    /** How the desk names, explains and confirms this action. */
    public ActionText text() {
        return switch (this) {
            case SUBMIT -> ActionText.of("Submit for medical review",
                    "A medical reviewer signs off this exact text; you cannot edit it while it is in review.",
                    "Submitted for medical review.");
            case WITHDRAW -> ActionText.of("Withdraw from review", "Takes the article back to draft so you can keep editing.",
                    "Withdrawn; the article is a draft again.");
            case REQUEST_CHANGES -> ActionText.of("Request changes",
                    "Sends the article back to its writers; say what must change.",
                    "Changes requested; the writers have the article back.");
            case APPROVE -> ActionText.of("Approve", "Publishes this revision now, or at the time you set.",
                    "Approved. The sign-off is bound to this revision's content hash.")
                    .whenReplacingLive("Replaces the live version with this revision. Classify the change; factual and "
                            + "clinical changes publish a correction note.");
            case CANCEL_SCHEDULE -> ActionText.of("Cancel scheduled publication",
                    "The article returns to draft; the approval is kept in the history.",
                    "Scheduled publication cancelled.");
            case PUBLISH_DUE -> ActionText.of("Publish as scheduled",
                    "The scheduler puts the approved revision live at the time the reviewer set.",
                    "Published as scheduled.");
            case UNPUBLISH -> ActionText.of("Unpublish", "Takes the article off the public site now, or at the time you set.",
                    "Unpublished (or scheduled to go offline).").markedDestructive();
            case RECERTIFY -> ActionText.of("Recertify",
                    "Confirms the live text is still medically accurate and starts a new review interval.",
                    "Recertified; a new review interval has started.");
        };
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

    /** The actions a person may ask for by value (all but the scheduler's own). */
    public static Set<EditorialAction> requestable() {
        Set<EditorialAction> actions = EnumSet.allOf(EditorialAction.class);
        actions.removeIf(action -> action.role == Role.SYSTEM);
        return actions;
    }

    public static Optional<EditorialAction> fromValue(String value) {
        return Arrays.stream(values()).filter(a -> a.value.equals(value)).findFirst();
    }
}
